import * as React from 'react';
import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ResendToSubscriber, Subscriber } from '../../../../shared/contracts/syndication';
import { ErrorBox, useFailureText, useT } from '../common';

interface Props {
  subscriber: Subscriber | null;
  onClose: () => void;
  onQueued: (result: ResendToSubscriber.Response['data']) => void;
}

/** Sends one document, or everything changed since a Beijing date, to one subscriber again. */
export const ResendModal = ({ subscriber, onClose, onQueued }: Props) => {
  const t = useT();
  const failureText = useFailureText();
  const { post } = useFetchClient();
  const [documentId, setDocumentId] = React.useState('');
  const [since, setSince] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [sending, setSending] = React.useState(false);

  React.useEffect(() => {
    setDocumentId('');
    setSince('');
    setError(null);
  }, [subscriber]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!subscriber) return;
    // One or the other: each field is disabled while the other is filled.
    const data: ResendToSubscriber.Request['body']['data'] = documentId.trim() ? { documentId: documentId.trim() } : { since };
    setSending(true);
    try {
      const { data: queued } = await post<ResendToSubscriber.Response>(`/disclosure/subscribers/${subscriber.id}/resend`, { data });
      onQueued(queued.data);
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal.Root open={!!subscriber} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <form onSubmit={submit}>
          <Modal.Header closeLabel={t('syndication.close', '关闭')}>
            <Modal.Title>{t('syndication.resend.title', '向 {name} 重新推送', { name: subscriber?.name ?? '' })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <ErrorBox message={error} />
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="pi">
                {t('syndication.resend.explain', '填写一份文件的 documentId，或一个日期以重新推送该日（北京时间）以来变更的全部文件；每份文件推送其最新版本。')}
              </Typography>
              <Field.Root name="documentId">
                <Field.Label>{t('syndication.resend.document', '文件 documentId')}</Field.Label>
                <TextInput value={documentId} disabled={!!since} onChange={(e: any) => setDocumentId(e.target.value)} />
              </Field.Root>
              <Field.Root name="since">
                <Field.Label>{t('syndication.resend.since', '或自此日期以来')}</Field.Label>
                <TextInput type="date" value={since} disabled={!!documentId.trim()} onChange={(e: any) => setSince(e.target.value)} />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('syndication.cancel', '取消')}</Button>
            </Modal.Close>
            <Button type="submit" loading={sending} disabled={!documentId.trim() && !since}>
              {t('syndication.resend.submit', '重新推送')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
