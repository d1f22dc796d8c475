import { Field, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ResendToSubscriber, Subscriber } from '../../../../shared/contracts/syndication';
import { useT } from '../common';
import { FormModal } from '../FormModal';

interface Props {
  subscriber: Subscriber | null;
  onClose: () => void;
  onQueued: (result: ResendToSubscriber.Response['data']) => void;
}

const EMPTY = { documentId: '', since: '' };

/** Sends one document, or everything changed since a Beijing date, to one subscriber again. */
export const ResendModal = ({ subscriber, onClose, onQueued }: Props) => {
  const t = useT();
  const { post } = useFetchClient();

  const submit = async ({ documentId, since }: typeof EMPTY) => {
    if (!subscriber) return;
    // One or the other: each field is disabled while the other is filled.
    const data: ResendToSubscriber.Request['body']['data'] = documentId.trim()
      ? { documentId: documentId.trim() }
      : { since };
    const { data: queued } = await post<ResendToSubscriber.Response>(
      `/disclosure/subscribers/${subscriber.id}/resend`,
      { data }
    );
    onQueued(queued.data);
  };

  return (
    <FormModal
      open={!!subscriber}
      title={t('syndication.resend.title', '向 {name} 重新推送', { name: subscriber?.name ?? '' })}
      initialValues={EMPTY}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('syndication.resend.submit', '重新推送')}
      canSubmit={(values) => Boolean(values.documentId.trim() || values.since)}
    >
      {({ values, set }) => (
        <>
          <Typography variant="pi">
            {t(
              'syndication.resend.explain',
              '填写一份文件的 documentId，或一个日期以重新推送该日（北京时间）以来变更的全部文件；每份文件推送其最新版本。'
            )}
          </Typography>
          <Field.Root name="documentId">
            <Field.Label>{t('syndication.resend.document', '文件 documentId')}</Field.Label>
            <TextInput
              value={values.documentId}
              disabled={!!values.since}
              onChange={(e) => set('documentId', e.target.value)}
            />
          </Field.Root>
          <Field.Root name="since">
            <Field.Label>{t('syndication.resend.since', '或自此日期以来')}</Field.Label>
            <TextInput
              type="date"
              value={values.since}
              disabled={!!values.documentId.trim()}
              onChange={(e) => set('since', e.target.value)}
            />
          </Field.Root>
        </>
      )}
    </FormModal>
  );
};
