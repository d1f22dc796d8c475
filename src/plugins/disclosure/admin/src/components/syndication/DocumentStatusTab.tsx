import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Link,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { GetSyndicationStatus } from '../../../../shared/contracts/syndication';
import { isWebAddress } from '../../../../shared/web-address';
import { useDisclosureData } from '../../hooks/useDisclosureData';
import { beijing, percent } from '../../utils/format';
import {
  DeliveryStatusBadge,
  ErrorBox,
  failureStatus,
  type Translate,
  useFailureText,
  useT,
} from '../common';
import { DataTable } from '../DataTable';

/** From the source's change to delivery: seconds are too fine past a minute, so the two largest units. */
const lagText = (seconds: number | null, t: Translate) => {
  if (seconds === null) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('syndication.lag.seconds', '{s} 秒', { s });
  if (s < 3600)
    return t('syndication.lag.minutes', '{m} 分 {s} 秒', { m: Math.floor(s / 60), s: s % 60 });
  if (s < 86400)
    return t('syndication.lag.hours', '{h} 小时 {m} 分', {
      h: Math.floor(s / 3600),
      m: Math.floor((s % 3600) / 60),
    });
  return t('syndication.lag.days', '{d} 天 {h} 小时', {
    d: Math.floor(s / 86400),
    h: Math.floor((s % 86400) / 3600),
  });
};

/** 文件转载情况: for one policy document, where each subscriber's copy stands and how late it came. */
export const DocumentStatusTab = () => {
  const t = useT();
  const failureText = useFailureText();
  const [documentId, setDocumentId] = React.useState('');
  // The document asked about, and how many times: asking again (the same document) loads afresh.
  const [asked, setAsked] = React.useState<{ document: string; count: number } | null>(null);
  const params: GetSyndicationStatus.Request['query'] | undefined = asked
    ? { document: asked.document }
    : undefined;
  const {
    data: status,
    error,
    isLoading,
  } = useDisclosureData<GetSyndicationStatus.Response>(asked && '/disclosure/syndication-status', {
    params,
    refreshKey: asked?.count,
    resetOnChange: true,
    // 404 is an answer here, not a fault: the document was never sent to anyone.
    errorText: (failure) => (failureStatus(failure) === 404 ? null : failureText(failure)),
  });
  const notFound = asked !== null && !isLoading && !status && !error;

  const lookUp = (event: React.FormEvent) => {
    event.preventDefault();
    setAsked((previous) => ({ document: documentId.trim(), count: (previous?.count ?? 0) + 1 }));
  };

  const yes = t('syndication.yes', '是');
  const no = t('syndication.no', '否');

  return (
    <Box paddingTop={4}>
      <form onSubmit={lookUp}>
        <Flex gap={4} alignItems="flex-end" marginBottom={4}>
          <Box width="24rem">
            <Field.Root name="document" required>
              <Field.Label>{t('syndication.status.document', '政策文件 documentId')}</Field.Label>
              <TextInput value={documentId} onChange={(e) => setDocumentId(e.target.value)} />
            </Field.Root>
          </Box>
          <Button type="submit" loading={isLoading} disabled={!documentId.trim()}>
            {t('syndication.status.lookUp', '查询')}
          </Button>
        </Flex>
      </form>
      <ErrorBox message={error} />
      {notFound && (
        <Box background="neutral100" padding={4} hasRadius marginBottom={4}>
          <Typography>
            {t('syndication.status.never', '该文件尚未转载：没有向任何订阅方推送过。')}
          </Typography>
        </Box>
      )}
      {status && (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography variant="pi" textColor="neutral600">
            {t(
              'syndication.status.summary',
              '文件 {documentId}：共 {versions} 个版本，{count} 个订阅方',
              {
                documentId: status.documentId,
                versions: status.versions,
                count: status.subscribers.length,
              }
            )}
          </Typography>
          <DataTable
            rows={status.subscribers}
            rowKey={(line) => line.subscriber.id}
            columns={[
              {
                header: t('syndication.status.subscriber', '订阅方'),
                cell: (line) => (
                  <>
                    <Typography fontWeight="bold">{line.subscriber.name}</Typography>
                    {!line.subscriber.active && (
                      <Badge variant="neutral">{t('syndication.off', '已停用')}</Badge>
                    )}
                  </>
                ),
              },
              {
                header: t('syndication.status.version', '版本'),
                cell: (line) => <Typography>v{line.version}</Typography>,
              },
              {
                header: t('syndication.deliveries.state', '状态'),
                cell: (line) => (
                  <>
                    <DeliveryStatusBadge status={line.status} />
                    {line.lastError && (
                      <Typography variant="pi" textColor="danger600" tag="p">
                        {line.lastError}
                      </Typography>
                    )}
                  </>
                ),
              },
              {
                header: t('syndication.deliveries.attempts', '尝试次数'),
                cell: (line) => <Typography>{line.attempts}</Typography>,
              },
              {
                header: t('syndication.status.deliveredAt', '送达时间（北京时间）'),
                cell: (line) => <Typography variant="pi">{beijing(line.deliveredAt)}</Typography>,
              },
              {
                header: t('syndication.status.acknowledged', '已回执'),
                cell: (line) => <Typography>{line.acknowledged ? yes : no}</Typography>,
              },
              {
                header: t('syndication.status.reprint', '转载稿'),
                cell: (line) =>
                  line.reprint ? (
                    <Flex direction="column" alignItems="flex-start">
                      {/* Only an http(s) address becomes a link: the receiver wrote it, not us. */}
                      {isWebAddress(line.reprint.url) ? (
                        <Link href={line.reprint.url} isExternal>
                          {t('syndication.status.open', '查看')}
                        </Link>
                      ) : (
                        <Typography variant="pi">{line.reprint.documentId ?? '—'}</Typography>
                      )}
                      <Typography variant="pi">{beijing(line.reprint.publishedAt)}</Typography>
                    </Flex>
                  ) : (
                    <Typography>—</Typography>
                  ),
              },
              {
                header: t('syndication.status.held', '待审核'),
                cell: (line) => <Typography>{line.held ? yes : no}</Typography>,
              },
              {
                header: t('syndication.status.lag', '投递耗时'),
                cell: (line) => <Typography variant="pi">{lagText(line.lagSeconds, t)}</Typography>,
              },
              {
                header: t('syndication.status.onTime', '按时转载率'),
                cell: (line) => (
                  <Typography variant="pi">
                    {t(
                      'syndication.status.onTimeValue',
                      '按时 {onTime} / 已转载 {reprinted}，按时率 {rate}（{within} 个工作日内）',
                      {
                        onTime: line.onTime.onTime,
                        reprinted: line.onTime.reprinted,
                        rate: percent(line.onTime.rate),
                        within: line.onTime.within,
                      }
                    )}
                  </Typography>
                ),
              },
            ]}
          />
          {/* The rate also counts reprints still missing past their due day, so it can be below onTime/reprinted. */}
          <Typography variant="pi" textColor="neutral600">
            {t(
              'syndication.status.onTimeNote',
              '按时转载率统计该订阅方收到的全部首发文件：逾期仍未转载的也计入分母。'
            )}
          </Typography>
        </Flex>
      )}
    </Box>
  );
};
