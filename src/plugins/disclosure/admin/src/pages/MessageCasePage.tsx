import { Badge, Flex, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import type { MessageDetail } from '../../../shared/contracts/mailbox';
import { MESSAGE_STATUS_WORDS } from '../../../shared/words';
import { ErrorBox, useT, useWord } from '../components/common';
import { MessageView, useMessageFailureText } from '../components/messages/MessageView';
import { useDisclosureData } from '../hooks/useDisclosureData';
import { PLUGIN_ID } from '../pluginId';

/**
 * One message. Opening it reads the writer's name and contact, which the server writes to the
 * ledger: it is loaded once, and each action's answer replaces it rather than loading it again.
 */
export const MessageCasePage = () => {
  const t = useT();
  const word = useWord();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const failureText = useMessageFailureText();
  const {
    data: detail,
    error,
    setData,
  } = useDisclosureData<{ data: MessageDetail }>(
    documentId ? `/disclosure/messages/${encodeURIComponent(documentId)}` : null,
    { resetOnChange: true, errorText: failureText }
  );
  const title = detail?.number ?? t('messages.case', '来信');
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}/messages`} />}
        title={title}
        subtitle={
          detail ? (
            <Flex gap={2}>
              <Badge data-status={detail.status}>{word(MESSAGE_STATUS_WORDS[detail.status])}</Badge>
              <Typography variant="epsilon" textColor="neutral600">
                {detail.organization?.name ?? ''}
              </Typography>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <ErrorBox message={error} />
        {!detail && !error && <Page.Loading />}
        {detail && <MessageView detail={detail} onChange={setData} />}
      </Layouts.Content>
    </Page.Main>
  );
};
