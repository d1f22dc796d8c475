import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  LinkButton,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type {
  DeadlineStatus,
  GetCompliance,
  TrackedItem,
} from '../../../shared/contracts/compliance';
import { useDisclosureData } from '../hooks/useDisclosureData';
import { PLUGIN_ID } from '../pluginId';
import { beijing, DEADLINE_STATUSES, percent, STATUS_VARIANT, statusLabel } from '../utils/format';
import { ErrorBox, serverErrorMessage, useT } from '../components/common';
import { DataTable } from '../components/DataTable';
import { OnTimeChart } from '../components/dashboard/OnTimeChart';

/** The server's message as it is (the compliance report is every admin's: no refusal text of its own). */
const serverMessage = (failure: unknown): string => serverErrorMessage(failure) ?? String(failure);

/**
 * The disclosure office's day (政务公开 dashboard): what is due today, at risk and overdue, on-time rates
 * per organization, columns left stale, reprint timeliness and syndication deliveries that fail. Every
 * item links to its edit view. An organization's account sees its own organization and those below.
 */
export const DashboardPage = () => {
  const t = useT();
  // The filters applied, and how many times 查询 was pressed: pressing it again asks again.
  const [query, setQuery] = React.useState<{
    filters: GetCompliance.Request['query'];
    count: number;
  }>({ filters: {}, count: 0 });
  const [draft, setDraft] = React.useState<GetCompliance.Request['query']>({});
  // The current report stays on screen until the next one is in.
  const { data: report, error } = useDisclosureData<GetCompliance.Response>(
    '/disclosure/compliance',
    {
      params: Object.fromEntries(Object.entries(query.filters).filter(([, value]) => value)),
      refreshKey: query.count,
      errorText: serverMessage,
    }
  );

  const statuses: Array<[DeadlineStatus, string]> = DEADLINE_STATUSES.map((status) => [
    status,
    statusLabel(t, status),
  ]);

  const counters: Array<
    [string, string, number, 'danger600' | 'warning600' | 'success600' | 'neutral800']
  > = report
    ? [
        ['due-today', t('status.dueToday', '今日到期'), report.dueToday.length, 'warning600'],
        ['at-risk', t('status.atRisk', '即将到期'), report.counts.atRisk, 'warning600'],
        ['overdue', statusLabel(t, 'overdue'), report.counts.overdue, 'danger600'],
        ['pending', statusLabel(t, 'pending'), report.counts.pending, 'neutral800'],
        ['late', statusLabel(t, 'late'), report.counts.late, 'danger600'],
        ['met', statusLabel(t, 'met'), report.counts.met, 'success600'],
      ]
    : [];

  return (
    <Page.Main>
      <Page.Title>{t('compliance.title', '政务公开工作台')}</Page.Title>
      <Layouts.Header
        title={t('compliance.title', '政务公开工作台')}
        subtitle={t('compliance.subtitle', '各机构按时公开情况、到期与超期条目、长期未更新栏目')}
        primaryAction={
          <Flex gap={2}>
            <LinkButton tag={Link} to={`/plugins/${PLUGIN_ID}/applications`} variant="secondary">
              {t('applications.title', '依申请公开')}
            </LinkButton>
            <LinkButton tag={Link} to={`/plugins/${PLUGIN_ID}/syndication`} variant="secondary">
              {t('syndication.link', '转载')}
            </LinkButton>
          </Flex>
        }
      />
      <Layouts.Content>
        <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius marginBottom={4}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setQuery((previous) => ({ filters: draft, count: previous.count + 1 }));
            }}
          >
            <Flex gap={4} alignItems="flex-end" wrap="wrap">
              <Field.Root name="organization">
                <Field.Label>{t('filter.organization', '机构代码')}</Field.Label>
                <TextInput
                  value={draft.organization ?? ''}
                  onChange={(e) => setDraft({ ...draft, organization: e.target.value })}
                />
              </Field.Root>
              <Field.Root name="from">
                <Field.Label>{t('filter.from', '到期日自')}</Field.Label>
                <TextInput
                  type="date"
                  value={draft.from ?? ''}
                  onChange={(e) => setDraft({ ...draft, from: e.target.value })}
                />
              </Field.Root>
              <Field.Root name="to">
                <Field.Label>{t('filter.to', '至')}</Field.Label>
                <TextInput
                  type="date"
                  value={draft.to ?? ''}
                  onChange={(e) => setDraft({ ...draft, to: e.target.value })}
                />
              </Field.Root>
              <Button type="submit">{t('filter.apply', '查询')}</Button>
            </Flex>
          </form>
        </Box>

        <ErrorBox message={error} />
        {!report && !error && <Page.Loading />}
        {report && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {!report.calendar.complete && (
              <Box background="warning100" padding={4} hasRadius>
                <Typography textColor="warning700">
                  {t(
                    'calendar.missing',
                    '{years} 年节假日安排尚未录入，相关时限按普通周末计算，请在“节假日安排”中录入。',
                    {
                      years: report.calendar.missingYears.join('、'),
                    }
                  )}
                </Typography>
              </Box>
            )}

            <Grid.Root gap={4}>
              {counters.map(([key, label, value, tone]) => (
                <Grid.Item key={key} col={2} s={4} xs={6}>
                  <Box
                    background="neutral0"
                    padding={4}
                    shadow="tableShadow"
                    hasRadius
                    width="100%"
                  >
                    <Typography variant="sigma" textColor="neutral600">
                      {label}
                    </Typography>
                    <Typography
                      variant="alpha"
                      tag="p"
                      textColor={value > 0 ? tone : 'neutral800'}
                      data-testid={`count-${key}`}
                    >
                      {value}
                    </Typography>
                  </Box>
                </Grid.Item>
              ))}
            </Grid.Root>

            <ItemsTable
              title={t('dueToday.title', '今日到期（{today}）', { today: report.today })}
              items={report.dueToday}
              statusOf={() => 'pending'}
              labels={Object.fromEntries(statuses) as Record<DeadlineStatus, string>}
              empty={t('dueToday.none', '今日没有到期条目')}
              t={t}
            />

            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h2">
                {t('rate.byOrganization', '各机构按时公开率')} {percent(report.onTimeRate.overall)}
              </Typography>
              <OnTimeChart
                rows={report.onTimeRate.byOrganization}
                noOrganization={t('organization.none', '未指定机构')}
              />
            </Box>

            <ItemsTable
              title={t('items.title', '超期、即将到期与逾期发布')}
              items={[
                ...report.items.overdue,
                ...report.items.pending.filter((item) => item.atRisk),
                ...report.items.late,
              ]}
              statusOf={(item) =>
                report.items.overdue.includes(item)
                  ? 'overdue'
                  : report.items.late.includes(item)
                    ? 'late'
                    : 'pending'
              }
              labels={Object.fromEntries(statuses) as Record<DeadlineStatus, string>}
              empty={t('items.none', '没有超期或即将到期的条目')}
              t={t}
            />

            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h2">
                {t('stale.title', '长期未更新栏目')}
              </Typography>
              <DataTable
                rows={report.staleColumns}
                rowKey={(column) =>
                  `${column.organization.documentId}-${column.contentType}-${column.category}`
                }
                empty={t('stale.none', '各栏目均在更新周期内')}
                columns={[
                  {
                    header: t('stale.organization', '机构'),
                    cell: (column) => <Typography>{column.organization.name}</Typography>,
                  },
                  {
                    header: t('stale.column', '栏目'),
                    cell: (column) => (
                      <Typography>
                        {column.contentType.split('.').pop()}
                        {column.category ? ` · ${column.category}` : ''}
                      </Typography>
                    ),
                  },
                  {
                    header: t('stale.days', '距上次更新（天）'),
                    cell: (column) => <Typography>{column.daysSinceLastItem}</Typography>,
                  },
                ]}
              />
            </Box>

            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h2">
                {t('reprints.title', '转载时效（各订阅方）')}
              </Typography>
              <DataTable
                rows={report.reprints}
                rowKey={(line) => line.subscriber.id}
                columns={[
                  {
                    header: t('reprints.subscriber', '订阅方'),
                    cell: (line) => <Typography>{line.subscriber.name}</Typography>,
                  },
                  {
                    header: t('reprints.received', '收到'),
                    cell: (line) => <Typography>{line.received}</Typography>,
                  },
                  {
                    header: t('reprints.onTime', '按时转载'),
                    cell: (line) => <Typography>{line.onTime}</Typography>,
                  },
                  {
                    header: t('reprints.late', '逾期转载'),
                    cell: (line) => <Typography>{line.late}</Typography>,
                  },
                  {
                    header: t('reprints.overdue', '超期未转载'),
                    cell: (line) => <Typography>{line.overdue}</Typography>,
                  },
                  {
                    header: t('reprints.rate', '按时率'),
                    cell: (line) => <Typography>{percent(line.rate)}</Typography>,
                  },
                ]}
              />
            </Box>

            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h2">
                {t('failing.title', '转载投递失败')}
              </Typography>
              <DataTable
                testId="failing-deliveries"
                rows={report.failingDeliveries}
                rowKey={(delivery) => delivery.id}
                empty={t('failing.none', '没有失败的投递')}
                columns={[
                  {
                    header: t('items.item', '条目'),
                    cell: (delivery) => (
                      <Link to={delivery.editPath.replace(/^\/admin/, '')}>
                        <Typography textColor="primary600">
                          {delivery.title ?? delivery.itemDocumentId}
                        </Typography>
                      </Link>
                    ),
                  },
                  {
                    header: t('reprints.subscriber', '订阅方'),
                    cell: (delivery) => <Typography>{delivery.target ?? '—'}</Typography>,
                  },
                  {
                    header: t('failing.state', '状态'),
                    cell: (delivery) => (
                      <Badge variant={delivery.status === 'dead' ? 'danger' : 'warning'}>
                        {delivery.status === 'dead'
                          ? t('failing.dead', '已放弃')
                          : t('failing.retrying', '重试中（{attempts} 次，下次 {next}）', {
                              attempts: delivery.attempts,
                              next: beijing(delivery.nextAttemptAt),
                            })}
                      </Badge>
                    ),
                  },
                  {
                    header: t('failing.error', '最后错误'),
                    cell: (delivery) => (
                      <Typography ellipsis>
                        {delivery.lastStatus ? `HTTP ${delivery.lastStatus} ` : ''}
                        {delivery.lastError ?? ''}
                      </Typography>
                    ),
                  },
                ]}
              />
            </Box>

            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h2">
                {t('press.title', '本季度未召开新闻发布会的民生部门（{quarter}）', {
                  quarter: report.pressConferences.label,
                })}
              </Typography>
              {report.pressConferences.missing.length === 0 ? (
                <Typography>{t('press.none', '无')}</Typography>
              ) : (
                <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2}>
                  {report.pressConferences.missing.map((organization) => (
                    <Typography key={organization.documentId}>
                      {organization.name}（{organization.code}）
                    </Typography>
                  ))}
                </Flex>
              )}
            </Box>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

interface ItemsTableProps {
  title: string;
  empty: string;
  items: TrackedItem[];
  statusOf: (item: TrackedItem) => DeadlineStatus;
  labels: Record<DeadlineStatus, string>;
  t: (id: string, defaultMessage: string) => string;
}

const ItemsTable = ({ title, empty, items, statusOf, labels, t }: ItemsTableProps) => (
  <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <DataTable
      rows={items}
      rowKey={(item) => `${item.documentId}-${item.rule}`}
      rowTestId="dashboard-item"
      empty={empty}
      columns={[
        {
          header: t('items.item', '条目'),
          cell: (item) => (
            <Link to={item.editPath.replace(/^\/admin/, '')}>
              <Typography textColor="primary600">{item.title ?? item.documentId}</Typography>
            </Link>
          ),
        },
        {
          header: t('items.organization', '机构'),
          cell: (item) => <Typography>{item.organization?.name ?? '—'}</Typography>,
        },
        {
          header: t('items.due', '到期日（北京时间）'),
          cell: (item) => <Typography>{item.dueDate ?? beijing(item.dueAt)}</Typography>,
        },
        {
          header: t('items.status', '状态'),
          cell: (item) => {
            const status = statusOf(item);
            return (
              <>
                <Badge variant={STATUS_VARIANT[status]}>{labels[status]}</Badge>
                {item.atRisk && <Badge variant="warning">{t('status.atRisk', '即将到期')}</Badge>}
              </>
            );
          },
        },
        {
          header: t('items.lateness', '超期'),
          cell: (item) => (
            <Typography>
              {item.lateness
                ? `${item.lateness} ${item.latenessUnit === 'hours' ? t('unit.hours', '小时') : t('unit.workingDays', '个工作日')}`
                : '—'}
            </Typography>
          ),
        },
      ]}
    />
  </Box>
);
