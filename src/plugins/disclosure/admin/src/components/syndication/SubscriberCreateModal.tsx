import * as React from 'react';
import { Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CreateSubscriber, SubscriberScope } from '../../../../shared/contracts/syndication';
import { ErrorBox, splitList, useFailureText, useT } from '../common';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The subscriber made, with its secret to show once */
  onCreated: (response: CreateSubscriber.Response) => void;
}

const EMPTY = { name: '', endpointUrl: '', scope: 'must-syndicate' as SubscriberScope, categories: '', topics: '' };

export const SubscriberCreateModal = ({ open, onClose, onCreated }: Props) => {
  const t = useT();
  const failureText = useFailureText();
  const { post } = useFetchClient();
  const [form, setForm] = React.useState(EMPTY);
  const [error, setError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    if (!open) return;
    setForm(EMPTY);
    setError(null);
  }, [open]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    // Categories and topics count only for a "categories" scope: sent for that one alone.
    const data: CreateSubscriber.Request['body']['data'] = {
      name: form.name.trim(),
      endpointUrl: form.endpointUrl.trim(),
      scope: form.scope,
      ...(form.scope === 'categories' ? { categories: splitList(form.categories), topics: splitList(form.topics) } : {}),
    };
    try {
      const { data: created } = await post<CreateSubscriber.Response>('/disclosure/subscribers', { data });
      onCreated(created);
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <form onSubmit={submit}>
          <Modal.Header closeLabel={t('syndication.close', '关闭')}>
            <Modal.Title>{t('syndication.subscribers.create', '新增订阅方')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <ErrorBox message={error} />
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="name" required>
                <Field.Label>{t('syndication.subscribers.name', '名称')}</Field.Label>
                <TextInput value={form.name} onChange={(e: any) => setForm({ ...form, name: e.target.value })} />
              </Field.Root>
              <Field.Root name="endpointUrl" required hint={t('syndication.subscribers.endpointHint', '接收方门户网站的转载接收地址 (http/https)')}>
                <Field.Label>{t('syndication.subscribers.endpoint', '接收地址')}</Field.Label>
                <TextInput type="url" value={form.endpointUrl} onChange={(e: any) => setForm({ ...form, endpointUrl: e.target.value })} />
                <Field.Hint />
              </Field.Root>
              <Field.Root name="scope">
                <Field.Label>{t('syndication.subscribers.scope', '转载范围')}</Field.Label>
                <SingleSelect value={form.scope} onChange={(value) => setForm({ ...form, scope: value as SubscriberScope })}>
                  <SingleSelectOption value="must-syndicate">{t('syndication.scope.must', '仅必须转载的文件')}</SingleSelectOption>
                  <SingleSelectOption value="categories">{t('syndication.scope.categories', '必须转载的文件，及下列类别、主题')}</SingleSelectOption>
                </SingleSelect>
              </Field.Root>
              {form.scope === 'categories' && (
                <>
                  <Field.Root name="categories" hint={t('syndication.subscribers.listHint', '多个以逗号分隔')}>
                    <Field.Label>{t('syndication.subscribers.categories', '类别')}</Field.Label>
                    <TextInput value={form.categories} onChange={(e: any) => setForm({ ...form, categories: e.target.value })} />
                    <Field.Hint />
                  </Field.Root>
                  <Field.Root name="topics" hint={t('syndication.subscribers.listHint', '多个以逗号分隔')}>
                    <Field.Label>{t('syndication.subscribers.topics', '主题')}</Field.Label>
                    <TextInput value={form.topics} onChange={(e: any) => setForm({ ...form, topics: e.target.value })} />
                    <Field.Hint />
                  </Field.Root>
                </>
              )}
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
