import * as React from 'react';
import {
  Box,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  Delivery,
  DeliveryStatus,
  GetDeliveries,
  RetryDelivery,
} from '../../../../shared/contracts/syndication';
import { useDisclosureData } from '../../hooks/useDisclosureData';
import { beijing } from '../../utils/format';
import {
  DeliveryStatusBadge,
  ErrorBox,
  useDeliveryStatusLabels,
  useFailureText,
  useT,
} from '../common';
import { DataTable } from '../DataTable';

const STATUSES: DeliveryStatus[] = ['dead', 'pending', 'delivered', 'cancelled'];

/** 投递: deliveries by state; the dead ones (retries used up) can be tried again by hand. */
export const DeliveriesTab = () => {
  const t = useT();
  const failureText = useFailureText();
  const labels = useDeliveryStatusLabels();
  const { post } = useFetchClient();
  const [status, setStatus] = React.useState<DeliveryStatus>('dead');
  const params: GetDeliveries.Request['query'] = { status };
  // Another state is another list: the previous one is not shown while it loads.
  const {
    data: deliveries,
    error: loadError,
    reload,
  } = useDisclosureData<GetDeliveries.Response>('/disclosure/deliveries', {
    params,
    resetOnChange: true,
  });
  const [retryError, setRetryError] = React.useState<string | null>(null);
  const error = retryError ?? loadError;
  const [retrying, setRetrying] = React.useState<number | null>(null);

  const retry = (delivery: Delivery) => {
    setRetrying(delivery.id);
    post<RetryDelivery.Response>(`/disclosure/deliveries/${delivery.id}/retry`)
      .then(() => {
        setRetryError(null);
        return reload();
      })
      .catch((failure) => setRetryError(failureText(failure)))
      .finally(() => setRetrying(null));
  };

  return (
    <Box paddingTop={4}>
      <Flex gap={4} alignItems="flex-end" marginBottom={4}>
        <Box width="16rem">
          <Field.Root name="status">
            <Field.Label>{t('syndication.deliveries.status', '投递状态')}</Field.Label>
            <SingleSelect
              value={status}
              onChange={(value) => {
                setStatus(value as DeliveryStatus);
                setRetryError(null);
              }}
            >
              {STATUSES.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {labels[value]}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'syndication.deliveries.explain',
            '最近 200 条。已停止重试的投递可在修复接收方后手动重试。'
          )}
        </Typography>
      </Flex>
      <ErrorBox message={error} />
      {!deliveries && !error && <Loader small />}
      {deliveries && (
        <DataTable
          rows={deliveries}
          rowKey={(delivery) => delivery.id}
          empty={t('syndication.deliveries.none', '没有此状态的投递。')}
          actionsHeader={t('syndication.actions', '操作')}
          rowActions={[
            {
              label: t('syndication.deliveries.retry', '重试'),
              onClick: retry,
              shown: (delivery) => delivery.status === 'dead',
              loading: (delivery) => retrying === delivery.id,
            },
          ]}
          columns={[
            {
              header: t('syndication.deliveries.document', '文件'),
              cell: (delivery) => <Typography variant="pi">{delivery.itemDocumentId}</Typography>,
            },
            {
              header: t('syndication.deliveries.action', '动作 / 版本'),
              cell: (delivery) => (
                <Typography variant="pi">
                  {delivery.action ?? '—'}
                  {delivery.version !== null ? ` · v${delivery.version}` : ''}
                </Typography>
              ),
            },
            {
              header: t('syndication.deliveries.target', '接收方'),
              cell: (delivery) => <Typography>{delivery.target ?? '—'}</Typography>,
            },
            {
              header: t('syndication.deliveries.state', '状态'),
              cell: (delivery) => <DeliveryStatusBadge status={delivery.status} />,
            },
            {
              header: t('syndication.deliveries.attempts', '尝试次数'),
              cell: (delivery) => <Typography>{delivery.attempts}</Typography>,
            },
            {
              header: t('syndication.deliveries.lastError', '最近一次答复'),
              cell: (delivery) => (
                <Typography variant="pi" textColor={delivery.lastError ? 'danger600' : undefined}>
                  {[delivery.lastStatus, delivery.lastError]
                    .filter((part) => part !== null)
                    .join(' ') || '—'}
                </Typography>
              ),
            },
            {
              header: t('syndication.deliveries.next', '下次尝试（北京时间）'),
              cell: (delivery) => (
                <Typography variant="pi">{beijing(delivery.nextAttemptAt)}</Typography>
              ),
            },
          ]}
        />
      )}
    </Box>
  );
};
