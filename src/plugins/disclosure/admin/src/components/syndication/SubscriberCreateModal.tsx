import { Field, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CreateSubscriber, SubscriberScope } from '../../../../shared/contracts/syndication';
import { splitList, useT } from '../common';
import { FormModal } from '../FormModal';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The subscriber made, with its secret to show once */
  onCreated: (response: CreateSubscriber.Response) => void;
}

const EMPTY = {
  name: '',
  endpointUrl: '',
  scope: 'must-syndicate' as SubscriberScope,
  categories: '',
  topics: '',
};

export const SubscriberCreateModal = ({ open, onClose, onCreated }: Props) => {
  const t = useT();
  const { post } = useFetchClient();

  const submit = async (form: typeof EMPTY) => {
    // Categories and topics count only for a "categories" scope: sent for that one alone.
    const data: CreateSubscriber.Request['body']['data'] = {
      name: form.name.trim(),
      endpointUrl: form.endpointUrl.trim(),
      scope: form.scope,
      ...(form.scope === 'categories'
        ? { categories: splitList(form.categories), topics: splitList(form.topics) }
        : {}),
    };
    const { data: created } = await post<CreateSubscriber.Response>('/disclosure/subscribers', {
      data,
    });
    onCreated(created);
  };

  return (
    <FormModal
      open={open}
      title={t('syndication.subscribers.create', '新增订阅方')}
      initialValues={EMPTY}
      onClose={onClose}
      onSubmit={submit}
    >
      {({ values, set }) => (
        <>
          <Field.Root name="name" required>
            <Field.Label>{t('syndication.subscribers.name', '名称')}</Field.Label>
            <TextInput value={values.name} onChange={(e) => set('name', e.target.value)} />
          </Field.Root>
          <Field.Root
            name="endpointUrl"
            required
            hint={t(
              'syndication.subscribers.endpointHint',
              '接收方门户网站的转载接收地址 (http/https)'
            )}
          >
            <Field.Label>{t('syndication.subscribers.endpoint', '接收地址')}</Field.Label>
            <TextInput
              type="url"
              value={values.endpointUrl}
              onChange={(e) => set('endpointUrl', e.target.value)}
            />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="scope">
            <Field.Label>{t('syndication.subscribers.scope', '转载范围')}</Field.Label>
            <SingleSelect
              value={values.scope}
              onChange={(value) => set('scope', value as SubscriberScope)}
            >
              <SingleSelectOption value="must-syndicate">
                {t('syndication.scope.must', '仅必须转载的文件')}
              </SingleSelectOption>
              <SingleSelectOption value="categories">
                {t('syndication.scope.categories', '必须转载的文件，及下列类别、主题')}
              </SingleSelectOption>
            </SingleSelect>
          </Field.Root>
          {values.scope === 'categories' && (
            <>
              <Field.Root
                name="categories"
                hint={t('syndication.subscribers.listHint', '多个以逗号分隔')}
              >
                <Field.Label>{t('syndication.subscribers.categories', '类别')}</Field.Label>
                <TextInput
                  value={values.categories}
                  onChange={(e) => set('categories', e.target.value)}
                />
                <Field.Hint />
              </Field.Root>
              <Field.Root
                name="topics"
                hint={t('syndication.subscribers.listHint', '多个以逗号分隔')}
              >
                <Field.Label>{t('syndication.subscribers.topics', '主题')}</Field.Label>
                <TextInput value={values.topics} onChange={(e) => set('topics', e.target.value)} />
                <Field.Hint />
              </Field.Root>
            </>
          )}
        </>
      )}
    </FormModal>
  );
};
