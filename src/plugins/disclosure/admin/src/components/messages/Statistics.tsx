import * as React from 'react';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  MESSAGE_KINDS,
  type MessageMonthFigures,
  type MessageOrganizationsAnswer,
  type MessageStatisticsAnswer,
} from '../../../../shared/contracts/mailbox';
import { MESSAGE_KIND_WORDS, MESSAGE_RATING_WORDS } from '../../../../shared/words';
import { useDisclosureData } from '../../hooks/useDisclosureData';
import { beijingToday, percent } from '../../utils/format';
import { fileNameOf, refusalOf, saveBlob } from '../applications/Letters';
import { ErrorBox, useT, useWord } from '../common';
import { DataTable, type Column } from '../DataTable';
import { SelectField } from '../FormFields';
import { Section } from '../Section';
import { useMessageFailureText } from './MessageView';

const STATISTICS = '/disclosure/messages/statistics';
/** The select's "every organization" entry (a select's value cannot be empty). */
const ALL = 'all';
/** How far back the month picker reaches. */
const MONTHS_SHOWN = 24;

interface Organization {
  documentId: string;
  code: string;
  name: string;
}

/** A row of the table: an organization's figures, or the total (no organization). */
interface FiguresRow {
  key: string;
  organization: Organization | null;
  figures: MessageMonthFigures;
}

/** This month in Beijing (YYYY-MM): messages are counted by the Beijing day they arrived. */
const beijingMonth = (): string => beijingToday().slice(0, 7);

/** The month and the `count - 1` before it, newest first. */
const monthsBack = (month: string, count: number): string[] => {
  const [year, monthNumber] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + (monthNumber - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
};

const rate = (part: number, whole: number) => percent(whole ? part / whole : null);

/** A figure in its cell, marked with what it counts (data-figure) for whoever checks the table. */
const Figure = ({ name, value }: { name: string; value: number | string }) => (
  <Typography data-figure={name}>{value}</Typography>
);

/**
 * 来信统计: a month's messages of the account's organizations (the server scopes them), or of one
 * of them, as the route counts them: received, by kind, replied on time and late, routed, open and
 * overdue, and the writers' satisfaction; the same figures as an .xlsx. The organizations offered
 * are those whose messages the account handles; every one of them together is the default.
 */
export const MessageStatisticsView = () => {
  const t = useT();
  const word = useWord();
  const { get } = useFetchClient();
  const failureText = useMessageFailureText();
  const [currentMonth] = React.useState(() => beijingMonth());
  const [month, setMonth] = React.useState(currentMonth);
  const [chosen, setChosen] = React.useState<Organization | null>(null);
  const [downloading, setDownloading] = React.useState(false);
  const [downloadError, setDownloadError] = React.useState<string | null>(null);

  const organization = chosen?.code ?? ALL;
  const every = useDisclosureData<MessageStatisticsAnswer>(STATISTICS, {
    params: { month },
    errorText: failureText,
  });
  const one = useDisclosureData<MessageStatisticsAnswer>(organization === ALL ? null : STATISTICS, {
    params: { month, organization },
    resetOnChange: true,
    errorText: failureText,
  });
  // The account's organizations, its own first (a refusal shows in the figures' own error).
  const organizations =
    useDisclosureData<MessageOrganizationsAnswer>('/disclosure/messages/organizations', {
      errorText: () => null,
    }).data ?? [];

  const shown = organization === ALL ? every : one;
  const statistics = shown.data;
  const rows: FiguresRow[] = statistics
    ? [
        ...statistics.organizations.map((row) => ({
          key: row.organization.documentId,
          organization: row.organization,
          figures: row,
        })),
        // The total under several rows (a named organization's row is its total).
        ...(organization === ALL && statistics.organizations.length
          ? [{ key: 'total', organization: null, figures: statistics.total }]
          : []),
      ]
    : [];

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const answer = await get(STATISTICS, {
        params: { month, format: 'xlsx', ...(organization === ALL ? {} : { organization }) },
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
        `${organization === ALL ? '' : `${organization}-`}${month}-message-statistics.xlsx`;
      saveBlob(answer.data as Blob, name);
    } catch (failure) {
      setDownloadError(failureText(failure));
    } finally {
      setDownloading(false);
    }
  };

  const monthLabel = (value: string) =>
    t('messageStats.monthOption', '{year}年{month}月', {
      year: value.slice(0, 4),
      month: Number(value.slice(5, 7)),
    });

  const columns: Array<Column<FiguresRow>> = [
    {
      header: t('messageStats.column.organization', '机构'),
      cell: (row) =>
        row.organization ? (
          <Flex direction="column" alignItems="flex-start">
            <Typography>{row.organization.name}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {row.organization.code}
            </Typography>
          </Flex>
        ) : (
          <Typography fontWeight="bold">{t('messageStats.total', '合计')}</Typography>
        ),
    },
    {
      header: t('messageStats.column.received', '收信数'),
      cell: (row) => <Figure name="received" value={row.figures.received} />,
    },
    ...MESSAGE_KINDS.map((kind): Column<FiguresRow> => ({
      header: word(MESSAGE_KIND_WORDS[kind]),
      cell: (row) => <Figure name={`byKind.${kind}`} value={row.figures.byKind[kind]} />,
    })),
    {
      header: t('messageStats.column.repliedOnTime', '按时答复'),
      cell: (row) => <Figure name="repliedOnTime" value={row.figures.repliedOnTime} />,
    },
    {
      header: t('messageStats.column.repliedLate', '逾期答复'),
      cell: (row) => <Figure name="repliedLate" value={row.figures.repliedLate} />,
    },
    {
      header: t('messageStats.column.onTimeRate', '按时答复率'),
      cell: (row) => (
        <Figure
          name="onTimeRate"
          value={rate(
            row.figures.repliedOnTime,
            row.figures.repliedOnTime + row.figures.repliedLate
          )}
        />
      ),
    },
    {
      header: t('messageStats.column.routed', '转办'),
      cell: (row) => <Figure name="routed" value={row.figures.routed} />,
    },
    {
      header: t('messageStats.column.open', '未办结'),
      cell: (row) => <Figure name="open" value={row.figures.open} />,
    },
    {
      header: t('messageStats.column.openOverdue', '其中已逾期'),
      cell: (row) => <Figure name="openOverdue" value={row.figures.openOverdue} />,
    },
    {
      header: word(MESSAGE_RATING_WORDS.satisfied),
      cell: (row) => <Figure name="satisfied" value={row.figures.satisfaction.satisfied} />,
    },
    {
      header: word(MESSAGE_RATING_WORDS.dissatisfied),
      cell: (row) => (
        <Figure
          name="dissatisfied"
          value={row.figures.satisfaction.rated - row.figures.satisfaction.satisfied}
        />
      ),
    },
    {
      header: t('messageStats.column.satisfactionRate', '满意率'),
      cell: (row) => (
        <Figure
          name="satisfactionRate"
          value={rate(row.figures.satisfaction.satisfied, row.figures.satisfaction.rated)}
        />
      ),
    },
    {
      header: t('messageStats.column.notRated', '未评价'),
      cell: (row) => <Figure name="notRated" value={row.figures.satisfaction.notRated} />,
    },
  ];

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="message-statistics">
      <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
        <Flex gap={4} alignItems="flex-end" wrap="wrap">
          <SelectField
            name="organization"
            label={t('messageStats.organization', '机构')}
            value={organization}
            onChange={(code) =>
              setChosen(organizations.find((entry) => entry.code === code) ?? null)
            }
            options={[
              { value: ALL, label: t('messageStats.allOrganizations', '本机构及下级机构（全部）') },
              ...organizations.map((entry) => ({ value: entry.code, label: entry.name })),
            ]}
          />
          <SelectField
            name="month"
            label={t('messageStats.month', '月份')}
            value={month}
            onChange={setMonth}
            options={monthsBack(currentMonth, MONTHS_SHOWN).map((value) => ({
              value,
              label: monthLabel(value),
            }))}
          />
          <Button
            variant="secondary"
            startIcon={<Download />}
            loading={downloading}
            disabled={!statistics}
            onClick={() => void download()}
          >
            {t('messageStats.download', '下载统计表（.xlsx）')}
          </Button>
        </Flex>
      </Box>
      <ErrorBox message={downloadError} />
      <ErrorBox message={shown.error} />
      {!statistics && !shown.error && (
        <Loader small>{t('applications.loading', '正在加载')}</Loader>
      )}
      {statistics && (
        <Section
          testId="message-statistics-table"
          title={t('messageStats.heading', '{month}意见箱来信统计（{from} 至 {to}）', {
            month: monthLabel(statistics.month),
            from: statistics.from,
            to: statistics.to,
          })}
        >
          <Typography variant="pi" textColor="neutral600">
            {t(
              'messageStats.explain',
              '按北京时间收信日期统计当月来信；按时答复以收信时计算的答复期限为准，未办结中已逾期的按今天计算。'
            )}
          </Typography>
          <Box style={{ overflowX: 'auto' }}>
            <DataTable
              rows={rows}
              rowKey={(row) => row.key}
              rowTestId="message-statistics-row"
              columns={columns}
              empty={t('messageStats.none', '当月没有来信')}
            />
          </Box>
        </Section>
      )}
    </Flex>
  );
};
