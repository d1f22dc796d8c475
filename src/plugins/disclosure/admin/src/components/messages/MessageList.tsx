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
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  type MessageListAnswer,
  type MessageListQuery,
} from '../../../../shared/contracts/mailbox';
import {
  MESSAGE_FLAG_WORDS,
  MESSAGE_KIND_WORDS,
  MESSAGE_RATING_WORDS,
  MESSAGE_STATUS_WORDS,
} from '../../../../shared/words';
import { useDisclosureData } from '../../hooks/useDisclosureData';
import { PLUGIN_ID } from '../../pluginId';
import { ClockBadge } from '../ClockBadge';
import { ErrorBox, useT, useWord } from '../common';
import { DataTable } from '../DataTable';
import { DEFAULT_PAGE_SIZE, toMessageQuery, useMessageSearch } from './query';

/** The select's "any" entry (a select's value cannot be empty). */
const ALL = 'all';

const shorten = (text: string, length = 24) =>
  text.length > length ? `${text.slice(0, length)}…` : text;

export const messagePath = (documentId: string) => `/plugins/${PLUGIN_ID}/messages/${documentId}`;

/**
 * 意见箱 and 领导信箱 messages: filters by status, kind, overdue and organization (kept in the
 * address), the table with the acceptance and reply dates in the message's urgency's colour, and pages.
 * The server scopes the list to the account's organizations; it carries no writer's name or contact.
 */
export const MessageList = () => {
  const t = useT();
  const word = useWord();
  const { params, update } = useMessageSearch();
  const listQuery = toMessageQuery(params);
  const {
    data: messages,
    meta,
    error,
  } = useDisclosureData<MessageListAnswer>('/disclosure/messages', { params: { ...listQuery } });
  const filtered = Boolean(
    listQuery.status || listQuery.kind || listQuery.overdue !== undefined || listQuery.organization
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Filters
        key={params.organization ?? ''}
        query={listQuery}
        organization={params.organization ?? ''}
        filtered={filtered}
        update={update}
      />
      <ErrorBox message={error} />
      {!messages && !error && <Loader small>{t('applications.loading', '正在加载')}</Loader>}
      {messages && (
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <DataTable
            testId="messages"
            rowTestId="message-row"
            rows={messages}
            rowKey={(row) => row.documentId}
            empty={
              filtered
                ? t('messages.none.filtered', '没有符合条件的来信')
                : t('messages.none', '尚无来信')
            }
            columns={[
              {
                header: t('messages.column.number', '编号'),
                cell: (row) => (
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Link to={messagePath(row.documentId)}>
                      <Typography textColor="primary600">{row.number}</Typography>
                    </Link>
                    {row.flags.map((flag) => (
                      <Badge key={flag} variant="warning">
                        {word(MESSAGE_FLAG_WORDS[flag])}
                      </Badge>
                    ))}
                  </Flex>
                ),
              },
              {
                header: t('messages.column.subject', '主题'),
                cell: (row) => <Typography title={row.subject}>{shorten(row.subject)}</Typography>,
              },
              {
                header: t('messages.column.kind', '类型'),
                cell: (row) => <Typography>{word(MESSAGE_KIND_WORDS[row.kind])}</Typography>,
              },
              {
                header: t('messages.column.to', '收信'),
                cell: (row) => (
                  <Flex direction="column" alignItems="flex-start">
                    <Typography>{row.organization?.name ?? '—'}</Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {row.mailbox?.leaderTitle ?? t('messages.suggestionBox', '意见箱')}
                    </Typography>
                  </Flex>
                ),
              },
              {
                header: t('messages.column.receivedOn', '收信日期'),
                cell: (row) => <Typography>{row.receivedOn}</Typography>,
              },
              {
                header: t('messages.column.status', '状态'),
                cell: (row) => (
                  <Badge data-status={row.status}>{word(MESSAGE_STATUS_WORDS[row.status])}</Badge>
                ),
              },
              {
                header: t('messages.column.dueOn', '受理 / 答复期限'),
                cell: (row) =>
                  row.status === 'received' ? (
                    <ClockBadge
                      testId="acceptance-due"
                      date={row.acceptanceDueOn}
                      urgency={row.urgency}
                    />
                  ) : (
                    <ClockBadge
                      testId="reply-due"
                      date={row.status === 'routed' ? null : row.replyDueOn}
                      urgency={row.urgency}
                    />
                  ),
              },
              {
                header: t('messages.column.rating', '评价'),
                cell: (row) => (
                  <Typography>
                    {row.rating ? word(MESSAGE_RATING_WORDS[row.rating]) : '—'}
                  </Typography>
                ),
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
                  {t('messages.total', '共 {total} 件', { total: meta.pagination.total })}
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
  query: MessageListQuery;
  organization: string;
  filtered: boolean;
  update: ReturnType<typeof useMessageSearch>['update'];
}

/** The filters: the selects apply at once, the organization is typed and applied with 查询. */
const Filters = ({ query, organization: applied, filtered, update }: FiltersProps) => {
  const t = useT();
  const word = useWord();
  const [organization, setOrganization] = React.useState(applied);
  const overdue = query.overdue === undefined ? ALL : String(query.overdue);
  return (
    <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          update({ organization: organization.trim() });
        }}
      >
        <Flex gap={4} alignItems="flex-end" wrap="wrap">
          <Field.Root name="status">
            <Field.Label>{t('messages.filter.status', '状态')}</Field.Label>
            <SingleSelect
              value={query.status ?? ALL}
              onChange={(value) => update({ status: value === ALL ? undefined : String(value) })}
            >
              <SingleSelectOption value={ALL}>
                {t('messages.filter.allStatuses', '全部状态')}
              </SingleSelectOption>
              {MESSAGE_STATUSES.map((status) => (
                <SingleSelectOption key={status} value={status}>
                  {word(MESSAGE_STATUS_WORDS[status])}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="kind">
            <Field.Label>{t('messages.filter.kind', '类型')}</Field.Label>
            <SingleSelect
              value={query.kind ?? ALL}
              onChange={(value) => update({ kind: value === ALL ? undefined : String(value) })}
            >
              <SingleSelectOption value={ALL}>
                {t('messages.filter.allKinds', '全部类型')}
              </SingleSelectOption>
              {MESSAGE_KINDS.map((kind) => (
                <SingleSelectOption key={kind} value={kind}>
                  {word(MESSAGE_KIND_WORDS[kind])}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="overdue">
            <Field.Label>{t('messages.filter.overdue', '期限')}</Field.Label>
            <SingleSelect
              value={overdue}
              onChange={(value) => update({ overdue: value === ALL ? undefined : String(value) })}
            >
              <SingleSelectOption value={ALL}>
                {t('messages.filter.all', '全部')}
              </SingleSelectOption>
              <SingleSelectOption value="true">
                {t('messages.filter.overdueOnly', '已超期')}
              </SingleSelectOption>
              <SingleSelectOption value="false">
                {t('messages.filter.notOverdue', '未超期')}
              </SingleSelectOption>
            </SingleSelect>
          </Field.Root>
          <Field.Root name="organization">
            <Field.Label>{t('messages.filter.organization', '机构代码')}</Field.Label>
            <TextInput value={organization} onChange={(e) => setOrganization(e.target.value)} />
          </Field.Root>
          <Button type="submit">{t('filter.apply', '查询')}</Button>
          {filtered && (
            <Button
              variant="tertiary"
              onClick={() =>
                update({
                  status: undefined,
                  kind: undefined,
                  overdue: undefined,
                  organization: undefined,
                })
              }
            >
              {t('messages.filter.clear', '清除条件')}
            </Button>
          )}
        </Flex>
      </form>
    </Box>
  );
};
