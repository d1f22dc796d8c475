import * as React from 'react';
import { Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, Switch, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CreateSource, SourcePolicy, SyndicationSource, UpdateSource } from '../../../../shared/contracts/syndication';
import { ErrorBox, useFailureText, useT } from '../common';

const PolicySelect = ({ value, onChange }: { value: SourcePolicy; onChange: (policy: SourcePolicy) => void }) => {
  const t = useT();
  return (
    <Field.Root name="policy">
      <Field.Label>{t('syndication.sources.policy', '转载策略')}</Field.Label>
      <SingleSelect value={value} onChange={(next) => onChange(next as SourcePolicy)}>
        <SingleSelectOption value="publish">{t('syndication.policy.publish', '立即发布')}</SingleSelectOption>
        <SingleSelectOption value="hold">{t('syndication.policy.hold', '转载审核（存为草稿，由编辑发布）')}</SingleSelectOption>
      </SingleSelect>
    </Field.Root>
  );
};

const SecretField = ({ value, onChange, hint }: { value: string; onChange: (secret: string) => void; hint: string }) => {
  const t = useT();
  return (
    <Field.Root name="secret" required hint={hint}>
      <Field.Label>{t('syndication.sources.secret', '签名密钥')}</Field.Label>
      {/* autoComplete off: a browser must not offer to save the key as a password */}
      <TextInput type="password" autoComplete="off" placeholder="whsec_…" value={value} onChange={(e: any) => onChange(e.target.value)} />
      <Field.Hint />
    </Field.Root>
  );
};

interface ShellProps {
  open: boolean;
  title: string;
  error: string | null;
  saving: boolean;
  onClose: () => void;
  onSubmit: () => void;
  children: React.ReactNode;
}

const ModalShell = ({ open, title, error, saving, onClose, onSubmit, children }: ShellProps) => {
  const t = useT();
  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <Modal.Header closeLabel={t('syndication.close', '关闭')}>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <ErrorBox message={error} />
            <Flex direction="column" alignItems="stretch" gap={4}>
              {children}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('syndication.cancel', '取消')}</Button>
            </Modal.Close>
            <Button type="submit" loading={saving}>
              {t('syndication.save', '保存')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Sends a request, keeps its error and busy state for the modal. */
const useSave = (onSaved: (source: SyndicationSource) => void) => {
  const failureText = useFailureText();
  const [error, setError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);
  const save = async (request: () => Promise<{ data: { data: SyndicationSource } }>) => {
    setSaving(true);
    try {
      onSaved((await request()).data.data);
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setSaving(false);
    }
  };
  return { error, setError, saving, save } as const;
};

const EMPTY = { name: '', organizationCode: '', baseUrl: '', secret: '', policy: 'hold' as SourcePolicy };

export const SourceCreateModal = ({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (source: SyndicationSource) => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const [form, setForm] = React.useState(EMPTY);
  const { error, setError, saving, save } = useSave(onSaved);

  React.useEffect(() => {
    if (!open) return;
    setForm(EMPTY);
    setError(null);
  }, [open, setError]);

  const submit = () => {
    // Empty optional fields are left out: the server checks any value it is given.
    const data: CreateSource.Request['body']['data'] = {
      name: form.name.trim(),
      secret: form.secret.trim(),
      policy: form.policy,
      ...(form.organizationCode.trim() ? { organizationCode: form.organizationCode.trim() } : {}),
      ...(form.baseUrl.trim() ? { baseUrl: form.baseUrl.trim() } : {}),
    };
    save(() => post<CreateSource.Response>('/disclosure/sources', { data }));
  };

  return (
    <ModalShell open={open} title={t('syndication.sources.create', '新增来源')} error={error} saving={saving} onClose={onClose} onSubmit={submit}>
      <Field.Root name="name" required>
        <Field.Label>{t('syndication.sources.name', '名称')}</Field.Label>
        <TextInput value={form.name} onChange={(e: any) => setForm({ ...form, name: e.target.value })} />
      </Field.Root>
      <Field.Root name="organizationCode">
        <Field.Label>{t('syndication.sources.organizationCode', '机构代码')}</Field.Label>
        <TextInput value={form.organizationCode} onChange={(e: any) => setForm({ ...form, organizationCode: e.target.value })} />
      </Field.Root>
      <Field.Root name="baseUrl">
        <Field.Label>{t('syndication.sources.baseUrl', '来源网址')}</Field.Label>
        <TextInput type="url" placeholder="https://www.example.gov.cn" value={form.baseUrl} onChange={(e: any) => setForm({ ...form, baseUrl: e.target.value })} />
      </Field.Root>
      <SecretField
        value={form.secret}
        onChange={(secret) => setForm({ ...form, secret })}
        hint={t('syndication.sources.secretHint', '来源站点为本站生成的密钥，用于验证其推送的签名')}
      />
      <PolicySelect value={form.policy} onChange={(policy) => setForm({ ...form, policy })} />
    </ModalShell>
  );
};

export type SourceEdit = { source: SyndicationSource; mode: 'settings' | 'secret' };

/** Either the policy and switch, or a new secret (rotation): two small forms on one PUT. */
export const SourceEditModal = ({ edit, onClose, onSaved }: { edit: SourceEdit | null; onClose: () => void; onSaved: (source: SyndicationSource) => void }) => {
  const t = useT();
  const { put } = useFetchClient();
  const [policy, setPolicy] = React.useState<SourcePolicy>('hold');
  const [active, setActive] = React.useState(true);
  const [secret, setSecret] = React.useState('');
  const { error, setError, saving, save } = useSave(onSaved);

  React.useEffect(() => {
    if (!edit) return;
    setPolicy(edit.source.policy);
    setActive(edit.source.active);
    setSecret('');
    setError(null);
  }, [edit, setError]);

  const submit = () => {
    if (!edit) return;
    const data: UpdateSource.Request['body']['data'] = edit.mode === 'secret' ? { secret: secret.trim() } : { policy, active };
    save(() => put<UpdateSource.Response>(`/disclosure/sources/${edit.source.id}`, { data }));
  };

  const title =
    edit?.mode === 'secret'
      ? t('syndication.sources.addSecretTitle', '为 {name} 添加新密钥', { name: edit?.source.name ?? '' })
      : t('syndication.sources.editTitle', '编辑 {name}', { name: edit?.source.name ?? '' });

  return (
    <ModalShell open={!!edit} title={title} error={error} saving={saving} onClose={onClose} onSubmit={submit}>
      {edit?.mode === 'secret' ? (
        <>
          <Typography variant="pi">
            {t('syndication.sources.rotateExplain', '新密钥加入后，上一个密钥仍然有效，来源站点可从容换用；更早的密钥作废。')}
          </Typography>
          <SecretField value={secret} onChange={setSecret} hint={t('syndication.sources.secretHint', '来源站点为本站生成的密钥，用于验证其推送的签名')} />
        </>
      ) : (
        <>
          <PolicySelect value={policy} onChange={setPolicy} />
          <Field.Root name="active">
            <Field.Label>{t('syndication.active', '启用')}</Field.Label>
            <Switch checked={active} onCheckedChange={setActive} aria-label={t('syndication.active', '启用')} />
          </Field.Root>
        </>
      )}
    </ModalShell>
  );
};
