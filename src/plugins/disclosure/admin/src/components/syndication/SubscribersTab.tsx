import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Dialog,
  Flex,
  Loader,
  Switch,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  GetSubscribers,
  RotateSubscriberSecret,
  Subscriber,
  UpdateSubscriber,
} from '../../../../shared/contracts/syndication';
import { useDisclosureData } from '../../hooks/useDisclosureData';
import { beijing } from '../../utils/format';
import { ErrorBox, useFailureText, useT } from '../common';
import { DataTable } from '../DataTable';
import { ResendModal } from './ResendModal';
import { SecretDialog, type ShownSecret } from './SecretDialog';
import { SubscriberCreateModal } from './SubscriberCreateModal';

/** 订阅方: the portals this instance pushes documents to. */
export const SubscribersTab = () => {
  const t = useT();
  const failureText = useFailureText();
  const { toggleNotification } = useNotification();
  const { put, post } = useFetchClient();
  const {
    data: subscribers,
    error: loadError,
    reload,
    setData: setSubscribers,
  } = useDisclosureData<GetSubscribers.Response>('/disclosure/subscribers');
  // A refused change (a switch, a rotation), shown above the table until the next change succeeds.
  const [actionError, setActionError] = React.useState<string | null>(null);
  const error = actionError ?? loadError;
  const [creating, setCreating] = React.useState(false);
  const [secret, setSecret] = React.useState<ShownSecret | null>(null);
  const [rotating, setRotating] = React.useState<Subscriber | null>(null);
  const [resending, setResending] = React.useState<Subscriber | null>(null);

  const replace = (updated: Subscriber) =>
    setSubscribers(
      (current) => current?.map((row) => (row.id === updated.id ? updated : row)) ?? null
    );

  const setActive = (subscriber: Subscriber, active: boolean) =>
    put<UpdateSubscriber.Response>(`/disclosure/subscribers/${subscriber.id}`, { data: { active } })
      .then(({ data }) => (replace(data.data), setActionError(null)))
      .catch((failure) => setActionError(failureText(failure)));

  const rotate = (subscriber: Subscriber) =>
    post<RotateSubscriberSecret.Response>(`/disclosure/subscribers/${subscriber.id}/rotate-secret`)
      .then(({ data }) => {
        setActionError(null);
        setSecret({ subscriber: data.data.name, secret: data.meta.secret, rotated: true });
      })
      .catch((failure) => setActionError(failureText(failure)))
      .finally(() => setRotating(null));

  const scopeOf = (subscriber: Subscriber) => {
    if (subscriber.scope === 'must-syndicate')
      return t('syndication.scope.must', '仅必须转载的文件');
    const lists = [...subscriber.categories, ...subscriber.topics].join('、');
    return t('syndication.scope.categoriesList', '必须转载的文件，及 {lists}', {
      lists: lists || '—',
    });
  };

  return (
    <Box paddingTop={4}>
      <Flex justifyContent="space-between" marginBottom={4}>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'syndication.subscribers.explain',
            '本站主动推送文件的门户网站；每个订阅方持有各自的签名密钥。'
          )}
        </Typography>
        <Button onClick={() => setCreating(true)}>
          {t('syndication.subscribers.create', '新增订阅方')}
        </Button>
      </Flex>
      <ErrorBox message={error} />
      {!subscribers && !error && <Loader small />}
      {subscribers && (
        <DataTable
          rows={subscribers}
          rowKey={(subscriber) => subscriber.id}
          empty={t('syndication.subscribers.none', '尚无订阅方。')}
          actionsHeader={t('syndication.actions', '操作')}
          rowActions={[
            { label: t('syndication.subscribers.rotate', '更换密钥'), onClick: setRotating },
            {
              label: t('syndication.subscribers.resend', '重新推送'),
              variant: 'tertiary',
              onClick: setResending,
            },
          ]}
          columns={[
            {
              header: t('syndication.subscribers.name', '名称'),
              cell: (subscriber) => (
                <>
                  <Typography fontWeight="bold">{subscriber.name}</Typography>
                  {subscriber.organization && (
                    <Typography variant="pi"> · {subscriber.organization.code}</Typography>
                  )}
                </>
              ),
            },
            {
              header: t('syndication.subscribers.endpoint', '接收地址'),
              cell: (subscriber) => (
                <Typography variant="pi" style={{ wordBreak: 'break-all' }}>
                  {subscriber.endpointUrl}
                </Typography>
              ),
            },
            {
              header: t('syndication.subscribers.scope', '转载范围'),
              cell: (subscriber) => <Typography variant="pi">{scopeOf(subscriber)}</Typography>,
            },
            {
              header: t('syndication.active', '启用'),
              cell: (subscriber) => (
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Flex gap={2}>
                    <Switch
                      aria-label={t('syndication.active', '启用')}
                      checked={subscriber.active}
                      onCheckedChange={(checked) => setActive(subscriber, checked)}
                    />
                    <Badge variant={subscriber.active ? 'success' : 'neutral'}>
                      {subscriber.active
                        ? t('syndication.on', '已启用')
                        : t('syndication.off', '已停用')}
                    </Badge>
                  </Flex>
                  {/* Set when the worker stopped it (e.g. 410 Gone); turning it on again clears it. */}
                  {subscriber.disabledReason && (
                    <Typography variant="pi" textColor="danger600">
                      {subscriber.disabledReason}{' '}
                      {subscriber.disabledAt ? `(${beijing(subscriber.disabledAt)})` : ''}
                    </Typography>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}

      <SubscriberCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setActionError(null);
          setSecret({ subscriber: created.data.name, secret: created.meta.secret, rotated: false });
          reload();
        }}
      />
      <ResendModal
        subscriber={resending}
        onClose={() => setResending(null)}
        onQueued={(queued) => {
          setResending(null);
          toggleNotification({
            type: 'success',
            message: t('syndication.resend.queued', '已为 {name} 排入 {count} 份文件的重新推送', {
              name: queued.subscriber,
              count: queued.documents,
            }),
          });
        }}
      />
      <SecretDialog shown={secret} onClose={() => setSecret(null)} />

      {/* Confirmed first: a second rotation before the receiver switches drops the secret it still uses. */}
      <Dialog.Root open={!!rotating} onOpenChange={(open) => !open && setRotating(null)}>
        <Dialog.Content>
          <Dialog.Header>
            {t('syndication.rotate.title', '更换 {name} 的密钥？', { name: rotating?.name ?? '' })}
          </Dialog.Header>
          <Dialog.Body>
            <Typography>
              {t(
                'syndication.rotate.explain',
                '将生成新密钥并仅显示一次。旧密钥在接收方换用新密钥之前继续有效；再次更换则旧密钥作废。'
              )}
            </Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">{t('syndication.cancel', '取消')}</Button>
            </Dialog.Cancel>
            <Button onClick={() => rotating && rotate(rotating)}>
              {t('syndication.rotate.confirm', '生成新密钥')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Box>
  );
};
