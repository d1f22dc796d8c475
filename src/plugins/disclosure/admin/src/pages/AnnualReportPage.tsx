import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  LinkButton,
  SingleSelect,
  SingleSelectOption,
  Switch,
  Typography,
} from '@strapi/design-system';
import { Download, Pencil, Plus } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type {
  GetAnnualReport,
  GetReportOrganizations,
} from '../../../shared/contracts/annual-report';
import { CONTENT_TYPES, SOURCE_LOCALE } from '../../../shared/constants';
import { fileNameOf, refusalOf, saveBlob } from '../components/applications/Letters';
import { ErrorBox, serverErrorMessage, useFailureText, useT } from '../components/common';
import {
  ChecksView,
  RegionBreakdown,
  Table2View,
  Table3View,
  Table4View,
} from '../components/reports/ReportTables';
import { useDisclosureData } from '../hooks/useDisclosureData';

type Period = 'year' | '1' | '2';
type Format = 'docx' | 'xlsx';

/** The server's message as it is (Chinese first, English beside); a bare refusal in words of its own. */
const useReportFailure = () => {
  const t = useT();
  return useFailureText(t('report.forbidden', '无权查看该机构的年度报告'));
};

/** The Beijing year now: reports are written for the year before. */
const beijingYear = () =>
  Number(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }));

const REPORT_LIST = `/content-manager/collection-types/${CONTENT_TYPES.annualReport}`;

/**
 * The stored report (the content manager's) for the organization and period: undefined while asked,
 * null when there is none (or the account may not list reports there).
 */
const useStoredReport = (organization: string | null, year: number, period: Period) => {
  const { get } = useFetchClient();
  const key = organization ? `${organization}:${year}:${period}` : null;
  const [answer, setAnswer] = React.useState<{
    key: string;
    found: { documentId: string } | null;
  } | null>(null);
  React.useEffect(() => {
    if (!organization || !key) return undefined;
    const controller = new AbortController();
    const settle = (found: { documentId: string } | null) => {
      if (!controller.signal.aborted) setAnswer({ key, found });
    };
    get<{ results: Array<{ documentId: string }> }>(REPORT_LIST, {
      params: {
        page: 1,
        pageSize: 1,
        locale: SOURCE_LOCALE,
        filters: {
          $and: [
            { organization: { documentId: { $eq: organization } } },
            { year: { $eq: year } },
            period === 'year' ? { half: { $null: true } } : { half: { $eq: Number(period) } },
          ],
        },
      },
      signal: controller.signal,
    }).then(
      ({ data }) => settle(data.results[0] ?? null),
      // Without the right to list reports in the content manager there is nothing to link to.
      () => settle(null)
    );
    return () => controller.abort();
  }, [get, key, organization, year, period]);
  return answer && answer.key === key ? answer.found : undefined;
};

/**
 * 年度报告 / 统计: an organization's tables 2, 3 and 4 of the 政府信息公开工作年度报告 (or the half-year
 * statistics) as computed from the records, laid out as the national format prints them, with the
 * checks that they add up, a region's per-organization breakdown, the .docx and .xlsx, and the report
 * document in the content manager. The organizations listed are those whose reports the account may
 * read (the server decides, as it does for the report itself).
 */
export const AnnualReportPage = () => {
  const t = useT();
  const failureText = useReportFailure();
  const { get } = useFetchClient();
  const [currentYear] = React.useState(beijingYear);
  const [organization, setOrganization] = React.useState<string | null>(null);
  const [year, setYear] = React.useState(currentYear - 1);
  const [period, setPeriod] = React.useState<Period>('year');
  const [region, setRegion] = React.useState(false);
  const [downloading, setDownloading] = React.useState<Format | null>(null);
  const [downloadError, setDownloadError] = React.useState<string | null>(null);

  const organizations = useDisclosureData<GetReportOrganizations.Response>(
    '/disclosure/annual-report/organizations',
    { errorText: failureText }
  );
  // The account's own organization (the server lists it first) until another is picked.
  const chosen =
    organizations.data?.find((entry) => entry.documentId === organization) ??
    organizations.data?.[0] ??
    null;

  const params = chosen
    ? {
        organization: chosen.code,
        year,
        ...(period === 'year' ? {} : { half: period }),
        ...(region ? { region: 'true' } : {}),
      }
    : undefined;
  const report = useDisclosureData<GetAnnualReport.Response>(
    chosen ? '/disclosure/annual-report' : null,
    {
      params,
      resetOnChange: true,
      errorText: (failure) => serverErrorMessage(failure) ?? failureText(failure),
    }
  );
  const stored = useStoredReport(chosen?.documentId ?? null, year, period);

  const download = async (format: Format) => {
    if (!chosen) return;
    setDownloading(format);
    setDownloadError(null);
    try {
      const answer = await get('/disclosure/annual-report/document', {
        params: {
          organization: chosen.code,
          year,
          ...(period === 'year' ? {} : { half: period }),
          format,
        },
        responseType: 'blob',
        validateStatus: () => true,
      });
      const status = answer.status ?? 200;
      if (status >= 400) {
        setDownloadError(await refusalOf(answer.data as Blob, status));
        return;
      }
      const name =
        fileNameOf(answer.headers?.get('Content-Disposition')) ??
        `${chosen.name}${year}年政府信息公开工作年度报告.${format}`;
      saveBlob(answer.data as Blob, name);
    } catch (failure) {
      setDownloadError(failureText(failure));
    } finally {
      setDownloading(null);
    }
  };

  const years = Array.from({ length: 10 }, (_, index) => currentYear - index);
  const periods: Array<[Period, string]> = [
    ['year', t('report.period.year', '全年')],
    ['1', t('report.period.first', '上半年')],
    ['2', t('report.period.second', '下半年')],
  ];
  const editPath =
    stored === undefined || stored === null
      ? `${REPORT_LIST}/create?plugins[i18n][locale]=${SOURCE_LOCALE}`
      : `${REPORT_LIST}/${stored.documentId}?plugins[i18n][locale]=${SOURCE_LOCALE}`;
  const data = report.data;

  return (
    <Page.Main>
      <Page.Title>{t('report.title', '年度报告 / 统计')}</Page.Title>
      <Layouts.Header
        title={t('report.title', '年度报告 / 统计')}
        subtitle={t(
          'report.subtitle',
          '政府信息公开工作年度报告及半年统计：表二、表三、表四由系统记录生成，并核对数据勾稽关系'
        )}
        primaryAction={
          chosen ? (
            <Flex gap={2}>
              <Button
                variant="secondary"
                startIcon={<Download />}
                loading={downloading === 'docx'}
                disabled={downloading !== null}
                onClick={() => void download('docx')}
              >
                {t('report.download.docx', '下载报告（Word）')}
              </Button>
              <Button
                variant="secondary"
                startIcon={<Download />}
                loading={downloading === 'xlsx'}
                disabled={downloading !== null}
                onClick={() => void download('xlsx')}
              >
                {t('report.download.xlsx', '下载统计表（Excel）')}
              </Button>
              {stored !== undefined && (
                <LinkButton
                  tag={Link}
                  to={editPath}
                  startIcon={stored ? <Pencil /> : <Plus />}
                  data-testid="report-edit-link"
                >
                  {stored ? t('report.edit', '编辑报告正文') : t('report.create', '新建报告正文')}
                </LinkButton>
              )}
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <ErrorBox message={organizations.error} />
        {organizations.isLoading && !organizations.data && <Page.Loading />}
        {organizations.data && organizations.data.length === 0 && (
          <Box background="neutral0" padding={6} hasRadius data-testid="report-no-organizations">
            <Typography textColor="neutral600">
              {t(
                'report.noOrganizations',
                '您的账号没有可查看年度报告的机构，请联系系统管理员分配机构和角色。'
              )}
            </Typography>
          </Box>
        )}
        {chosen && (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
              <Flex gap={4} alignItems="flex-end" wrap="wrap">
                <Field.Root name="organization">
                  <Field.Label>{t('report.organization', '机构')}</Field.Label>
                  <SingleSelect
                    value={chosen.documentId}
                    onChange={(value) => setOrganization(String(value))}
                  >
                    {organizations.data?.map((entry) => (
                      <SingleSelectOption key={entry.documentId} value={entry.documentId}>
                        {entry.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
                <Field.Root name="year">
                  <Field.Label>{t('report.year', '年度')}</Field.Label>
                  <SingleSelect value={String(year)} onChange={(value) => setYear(Number(value))}>
                    {years.map((entry) => (
                      <SingleSelectOption key={entry} value={String(entry)}>
                        {t('report.yearOption', '{year} 年', { year: entry })}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
                <Field.Root name="period">
                  <Field.Label>{t('report.period', '统计期间')}</Field.Label>
                  <SingleSelect value={period} onChange={(value) => setPeriod(value as Period)}>
                    {periods.map(([value, label]) => (
                      <SingleSelectOption key={value} value={value}>
                        {label}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
                <Field.Root name="region">
                  <Field.Label>{t('report.region', '区域汇总')}</Field.Label>
                  <Flex gap={2} paddingTop={2} paddingBottom={2}>
                    <Switch
                      aria-label={t('report.region', '区域汇总')}
                      checked={region}
                      onCheckedChange={(checked) => setRegion(checked)}
                    />
                    <Typography variant="pi" textColor="neutral600">
                      {t('report.region.hint', '汇总本机构及下级机构')}
                    </Typography>
                  </Flex>
                </Field.Root>
              </Flex>
            </Box>

            <ErrorBox message={downloadError} />
            <ErrorBox message={report.error} />
            {report.isLoading && !data && <Page.Loading />}
            {data && (
              <Flex direction="column" alignItems="stretch" gap={4} data-testid="annual-report">
                <Typography variant="omega" textColor="neutral600">
                  {t('report.periodShown', '{name}　统计期间：{from} 至 {to}', {
                    name: region
                      ? t('report.regionName', '{name}（区域汇总）', {
                          name: data.organization.name,
                        })
                      : data.organization.name,
                    from: data.period.from,
                    to: data.period.to,
                  })}
                </Typography>
                <ChecksView checks={data.checks} />
                <Table2View table={data.tables.table2} />
                <Table3View table={data.tables.table3} />
                <Table4View table={data.tables.table4} />
                {data.region && (
                  <RegionBreakdown organizations={data.region.organizations} tables={data.tables} />
                )}
              </Flex>
            )}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default AnnualReportPage;
