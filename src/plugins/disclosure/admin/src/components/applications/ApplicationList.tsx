import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Pagination } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import {
  APPLICATION_STATUSES,
  type ApplicationListAnswer,
  type ApplicationListQuery,
} from '../../../../shared/contracts/on-request';
import { APPLICATION_STATUS_WORDS } from '../../../../shared/words';
import { useDisclosureData } from '../../hooks/useDisclosureData';
import { PLUGIN_ID } from '../../pluginId';
import { ErrorBox, useT } from '../common';
import { DataTable } from '../DataTable';
import { ClockBadge } from '../ClockBadge';
import { DEFAULT_PAGE_SIZE, toListQuery, useListSearch } from './query';
import { URGENCIES, useOutcomeText, useUrgencyLabels, useWord } from './words';

/** The select's "any" entry (a select's value cannot be empty). */
const ALL = 'all';

/** A long request shortened for the table; the whole text is in the cell's title. */
const shorten = (text: string, length = 24) =>
  text.length > length ? `${text.slice(0, length)}…` : text;

export const casePath = (documentId: string) => `/plugins/${PLUGIN_ID}/applications/${documentId}`;

/**
 * 依申请公开 cases: filters by status, urgency, organization and text (kept in the address), the
 * table with each case's reply date in its urgency's colour, and pages.
 */
export const ApplicationList = () => {
  const t = useT();
  const word = useWord();
  const outcomeText = useOutcomeText();
  const { params, update } = useListSearch();
  const listQuery = toListQuery(params);
  const {
    data: cases,
    meta,
    error,
  } = useDisclosureData<ApplicationListAnswer>('/disclosure/applications', {
    params: { ...listQuery },
  });

  const filtered = Boolean(
    listQuery.status || listQuery.urgency || listQuery.organization || listQuery.q
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {/* Keyed by the applied text: going back or clearing shows what the list is filtered by. */}
      <Filters
        key={`${params.organization ?? ''}\u0000${params._q ?? ''}`}
        query={listQuery}
        applied={{ organization: params.organization ?? '', search: params._q ?? '' }}
        filtered={filtered}
        update={update}
      />

      <ErrorBox message={error} />
      {!cases && !error && <Loader small>{t('applications.loading', '正在加载')}</Loader>}
      {cases && (
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <DataTable
            testId="applications"
            rowTestId="application-row"
            rows={cases}
            rowKey={(row) => row.documentId}
            empty={
              filtered
                ? t('applications.none.filtered', '没有符合条件的申请')
                : t('applications.none', '尚无依申请公开申请')
            }
            columns={[
              {
                header: t('applications.column.number', '编号'),
                cell: (row) => (
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Link to={casePath(row.documentId)}>
                      <Typography textColor="primary600">{row.number}</Typography>
                    </Link>
                    {row.possibleRepeatOf.length > 0 && (
                      <Badge variant="warning">
                        {t('applications.possibleRepeat', '疑似重复申请')}
                      </Badge>
                    )}
                  </Flex>
                ),
              },
              {
                header: t('applications.column.applicant', '申请人'),
                cell: (row) => <Typography>{row.applicantName}</Typography>,
              },
              {
                header: t('applications.column.description', '申请内容'),
                cell: (row) => (
                  <Typography title={row.description}>{shorten(row.description)}</Typography>
                ),
              },
              {
                header: t('applications.column.organization', '机构'),
                cell: (row) => <Typography>{row.organization?.name ?? '—'}</Typography>,
              },
              {
                header: t('applications.column.status', '状态'),
                cell: (row) => (
                  <Badge data-status={row.status}>
                    {word(APPLICATION_STATUS_WORDS[row.status])}
                  </Badge>
                ),
              },
              {
                header: t('applications.column.replyDue', '答复期限'),
                cell: (row) => <ClockBadge date={row.clocks.replyDueOn} urgency={row.urgency} />,
              },
              {
                header: t('applications.column.outcome', '办理结果'),
                cell: (row) => <Typography>{outcomeText(row)}</Typography>,
              },
            ]}
          />
          {meta && (
            <Pagination.Root
              pageCount={meta.pagination.pageCount}
              total={meta.pagination.total}
              defaultPageSize={DEFAULT_PAGE_SIZE}
            >
              <Flex gap={4}>
                <Pagination.PageSize />
                <Typography variant="pi" textColor="neutral600">
                  {t('applications.total', '共 {total} 件', { total: meta.pagination.total })}
                </Typography>
              </Flex>
              <Pagination.Links />
            </Pagination.Root>
          )}
        </Box>
      )}
    </Flex>
  );
};

interface FiltersProps {
  query: ApplicationListQuery;
  /** The text filters applied (in the address) */
  applied: { organization: string; search: string };
  filtered: boolean;
  update: ReturnType<typeof useListSearch>['update'];
}

/** The filters: the selects apply at once, the text is typed first and applied with 查询 (or Enter). */
const Filters = ({ query: listQuery, applied, filtered, update }: FiltersProps) => {
  const t = useT();
  const word = useWord();
  const urgencyLabels = useUrgencyLabels();
  const [organization, setOrganization] = React.useState(applied.organization);
  const [search, setSearch] = React.useState(applied.search);
  return (
    <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          update({ organization: organization.trim(), _q: search.trim() });
        }}
      >
        <Flex gap={4} alignItems="flex-end" wrap="wrap">
          <Field.Root name="status">
            <Field.Label>{t('applications.filter.status', '状态')}</Field.Label>
            <SingleSelect
              value={listQuery.status ?? ALL}
              onChange={(value) => update({ status: value === ALL ? undefined : String(value) })}
            >
              <SingleSelectOption value={ALL}>
                {t('applications.filter.allStatuses', '全部状态')}
              </SingleSelectOption>
              {APPLICATION_STATUSES.map((status) => (
                <SingleSelectOption key={status} value={status}>
                  {word(APPLICATION_STATUS_WORDS[status])}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="urgency">
            <Field.Label>{t('applications.filter.urgency', '期限')}</Field.Label>
            <SingleSelect
              value={listQuery.urgency ?? ALL}
              onChange={(value) => update({ urgency: value === ALL ? undefined : String(value) })}
            >
              <SingleSelectOption value={ALL}>
                {t('applications.filter.allUrgencies', '全部')}
              </SingleSelectOption>
              {URGENCIES.map((urgency) => (
                <SingleSelectOption key={urgency} value={urgency}>
                  {urgencyLabels[urgency]}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="organization">
            <Field.Label>{t('applications.filter.organization', '机构代码')}</Field.Label>
            <TextInput value={organization} onChange={(e) => setOrganization(e.target.value)} />
          </Field.Root>
          <Field.Root name="q">
            <Field.Label>{t('applications.filter.search', '搜索')}</Field.Label>
            <TextInput
              type="search"
              placeholder={t('applications.filter.searchPlaceholder', '编号、申请人、申请内容')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </Field.Root>
          <Button type="submit">{t('filter.apply', '查询')}</Button>
          {filtered && (
            <Button
              variant="tertiary"
              onClick={() =>
                update({
                  status: undefined,
                  urgency: undefined,
                  organization: undefined,
                  _q: undefined,
                })
              }
            >
              {t('applications.filter.clear', '清除条件')}
            </Button>
          )}
        </Flex>
      </form>
    </Box>
  );
};
