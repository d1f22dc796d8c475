import {
  Field,
  SingleSelect,
  SingleSelectOption,
  Switch,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  CreateSource,
  SourcePolicy,
  SyndicationSource,
  UpdateSource,
} from '../../../../shared/contracts/syndication';
import { useT } from '../common';
import { FormModal } from '../FormModal';

const PolicySelect = ({
  value,
  onChange,
}: {
  value: SourcePolicy;
  onChange: (policy: SourcePolicy) => void;
}) => {
  const t = useT();
  return (
    <Field.Root name="policy">
      <Field.Label>{t('syndication.sources.policy', '转载策略')}</Field.Label>
      <SingleSelect value={value} onChange={(next) => onChange(next as SourcePolicy)}>
        <SingleSelectOption value="publish">
          {t('syndication.policy.publish', '立即发布')}
        </SingleSelectOption>
        <SingleSelectOption value="hold">
          {t('syndication.policy.hold', '转载审核（存为草稿，由编辑发布）')}
        </SingleSelectOption>
      </SingleSelect>
    </Field.Root>
  );
};

const SecretField = ({
  value,
  onChange,
  hint,
}: {
  value: string;
  onChange: (secret: string) => void;
  hint: string;
}) => {
  const t = useT();
  return (
    <Field.Root name="secret" required hint={hint}>
      <Field.Label>{t('syndication.sources.secret', '签名密钥')}</Field.Label>
      {/* autoComplete off: a browser must not offer to save the key as a password */}
      <TextInput
        type="password"
        autoComplete="off"
        placeholder="whsec_…"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <Field.Hint />
    </Field.Root>
  );
};

const EMPTY = {
  name: '',
  organizationCode: '',
  baseUrl: '',
  secret: '',
  policy: 'hold' as SourcePolicy,
};

export const SourceCreateModal = ({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (source: SyndicationSource) => void;
}) => {
  const t = useT();
  const { post } = useFetchClient();

  const submit = async (form: typeof EMPTY) => {
    // Empty optional fields are left out: the server checks any value it is given.
    const data: CreateSource.Request['body']['data'] = {
      name: form.name.trim(),
      secret: form.secret.trim(),
      policy: form.policy,
      ...(form.organizationCode.trim() ? { organizationCode: form.organizationCode.trim() } : {}),
      ...(form.baseUrl.trim() ? { baseUrl: form.baseUrl.trim() } : {}),
    };
    const { data: created } = await post<CreateSource.Response>('/disclosure/sources', { data });
    onSaved(created.data);
  };

  return (
    <FormModal
      open={open}
      title={t('syndication.sources.create', '新增来源')}
      initialValues={EMPTY}
      onClose={onClose}
      onSubmit={submit}
    >
      {({ values, set }) => (
        <>
          <Field.Root name="name" required>
            <Field.Label>{t('syndication.sources.name', '名称')}</Field.Label>
            <TextInput value={values.name} onChange={(e) => set('name', e.target.value)} />
          </Field.Root>
          <Field.Root name="organizationCode">
            <Field.Label>{t('syndication.sources.organizationCode', '机构代码')}</Field.Label>
            <TextInput
              value={values.organizationCode}
              onChange={(e) => set('organizationCode', e.target.value)}
            />
          </Field.Root>
          <Field.Root name="baseUrl">
            <Field.Label>{t('syndication.sources.baseUrl', '来源网址')}</Field.Label>
            <TextInput
              type="url"
              placeholder="https://www.example.gov.cn"
              value={values.baseUrl}
              onChange={(e) => set('baseUrl', e.target.value)}
            />
          </Field.Root>
          <SecretField
            value={values.secret}
            onChange={(secret) => set('secret', secret)}
            hint={t(
              'syndication.sources.secretHint',
              '来源站点为本站生成的密钥，用于验证其推送的签名'
            )}
          />
          <PolicySelect value={values.policy} onChange={(policy) => set('policy', policy)} />
        </>
      )}
    </FormModal>
  );
};

export type SourceEdit = { source: SyndicationSource; mode: 'settings' | 'secret' };

/** Either the policy and switch, or a new secret (rotation): two small forms on one PUT. */
export const SourceEditModal = ({
  edit,
  onClose,
  onSaved,
}: {
  edit: SourceEdit | null;
  onClose: () => void;
  onSaved: (source: SyndicationSource) => void;
}) => {
  const t = useT();
  const { put } = useFetchClient();

  const submit = async ({
    policy,
    active,
    secret,
  }: {
    policy: SourcePolicy;
    active: boolean;
    secret: string;
  }) => {
    if (!edit) return;
    const data: UpdateSource.Request['body']['data'] =
      edit.mode === 'secret' ? { secret: secret.trim() } : { policy, active };
    const { data: updated } = await put<UpdateSource.Response>(
      `/disclosure/sources/${edit.source.id}`,
      { data }
    );
    onSaved(updated.data);
  };

  const title =
    edit?.mode === 'secret'
      ? t('syndication.sources.addSecretTitle', '为 {name} 添加新密钥', {
          name: edit?.source.name ?? '',
        })
      : t('syndication.sources.editTitle', '编辑 {name}', { name: edit?.source.name ?? '' });

  return (
    <FormModal
      open={!!edit}
      title={title}
      initialValues={{
        policy: edit?.source.policy ?? 'hold',
        active: edit?.source.active ?? true,
        secret: '',
      }}
      onClose={onClose}
      onSubmit={submit}
    >
      {({ values, set }) =>
        edit?.mode === 'secret' ? (
          <>
            <Typography variant="pi">
              {t(
                'syndication.sources.rotateExplain',
                '新密钥加入后，上一个密钥仍然有效，来源站点可从容换用；更早的密钥作废。'
              )}
            </Typography>
            <SecretField
              value={values.secret}
              onChange={(secret) => set('secret', secret)}
              hint={t(
                'syndication.sources.secretHint',
                '来源站点为本站生成的密钥，用于验证其推送的签名'
              )}
            />
          </>
        ) : (
          <>
            <PolicySelect value={values.policy} onChange={(policy) => set('policy', policy)} />
            <Field.Root name="active">
              <Field.Label>{t('syndication.active', '启用')}</Field.Label>
              <Switch
                checked={values.active}
                onCheckedChange={(active) => set('active', active)}
                aria-label={t('syndication.active', '启用')}
              />
            </Field.Root>
          </>
        )
      }
    </FormModal>
  );
};
