import * as React from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useDisclosureData } from '../../hooks/useDisclosureData';
import { ErrorBox, useT } from '../common';
import { DataTable } from '../DataTable';
import { TextField } from '../FormFields';
import { FormModal } from '../FormModal';
import { useMessageFailureText } from './MessageView';

/** GET /disclosure/mailboxes: a leader's mailbox of the account's organizations. */
export interface MailboxRow {
  documentId: string;
  leaderTitle: string;
  active: boolean;
  organization: { documentId: string; code: string; name: string } | null;
}

/**
 * 领导信箱: the leaders' mailboxes of the account's organizations; who keeps the mailbox
 * (messages.manage) opens one for an organization, closes and reopens it (its messages stay).
 */
export const Mailboxes = () => {
  const t = useT();
  const { post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const failureText = useMessageFailureText();
  const {
    data: rows,
    error,
    reload,
  } = useDisclosureData<{ data: MailboxRow[] }>('/disclosure/mailboxes', {
    errorText: failureText,
  });
  const [adding, setAdding] = React.useState(false);
  const [busy, setBusy] = React.useState<string | null>(null);

  const toggle = async (row: MailboxRow) => {
    setBusy(row.documentId);
    try {
      await put(`/disclosure/mailboxes/${row.documentId}`, { data: { active: !row.active } });
      await reload();
    } catch (failure) {
      toggleNotification({ type: 'danger', message: failureText(failure) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius data-testid="mailboxes">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between">
          <Typography variant="delta" tag="h2">
            {t('mailboxes.title', '领导信箱')}
          </Typography>
          <Button variant="secondary" startIcon={<Plus />} onClick={() => setAdding(true)}>
            {t('mailboxes.add', '开设领导信箱')}
          </Button>
        </Flex>
        <ErrorBox message={error} />
        {rows && (
          <DataTable
            rows={rows}
            rowKey={(row) => row.documentId}
            rowTestId="mailbox-row"
            empty={t('mailboxes.none', '尚未开设领导信箱')}
            columns={[
              {
                header: t('mailboxes.column.organization', '机构'),
                cell: (row) => <Typography>{row.organization?.name ?? '—'}</Typography>,
              },
              {
                header: t('mailboxes.column.leaderTitle', '信箱名称'),
                cell: (row) => <Typography>{row.leaderTitle}</Typography>,
              },
              {
                header: t('mailboxes.column.active', '状态'),
                cell: (row) =>
                  row.active ? (
                    <Badge variant="success">{t('mailboxes.active', '开放')}</Badge>
                  ) : (
                    <Badge>{t('mailboxes.closed', '已关闭')}</Badge>
                  ),
              },
            ]}
            actionsHeader={t('mailboxes.column.actions', '操作')}
            rowActions={[
              {
                label: t('mailboxes.close', '关闭'),
                variant: 'danger-light',
                shown: (row) => row.active,
                loading: (row) => busy === row.documentId,
                onClick: (row) => void toggle(row),
              },
              {
                label: t('mailboxes.reopen', '重新开放'),
                shown: (row) => !row.active,
                loading: (row) => busy === row.documentId,
                onClick: (row) => void toggle(row),
              },
            ]}
          />
        )}
      </Flex>
      <FormModal<{ organization: string; leaderTitle: string }>
        open={adding}
        title={t('mailboxes.add', '开设领导信箱')}
        initialValues={{ organization: '', leaderTitle: '' }}
        onClose={() => setAdding(false)}
        errorText={failureText}
        canSubmit={(values) =>
          values.organization.trim() !== '' && values.leaderTitle.trim() !== ''
        }
        onSubmit={async (values) => {
          await post('/disclosure/mailboxes', {
            data: {
              organization: values.organization.trim(),
              leaderTitle: values.leaderTitle.trim(),
            },
          });
          setAdding(false);
          await reload();
        }}
      >
        {({ values, set }) => (
          <>
            <TextField
              name="organization"
              required
              label={t('mailboxes.form.organization', '机构代码')}
              value={values.organization}
              onChange={(v) => set('organization', v)}
            />
            <TextField
              name="leaderTitle"
              required
              label={t('mailboxes.form.leaderTitle', '信箱名称')}
              hint={t('mailboxes.form.leaderTitleHint', '如“市长信箱”，最多 100 字')}
              value={values.leaderTitle}
              onChange={(v) => set('leaderTitle', v)}
            />
          </>
        )}
      </FormModal>
    </Box>
  );
};
