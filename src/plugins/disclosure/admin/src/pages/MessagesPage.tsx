import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { Flex, LinkButton } from '@strapi/design-system';
import { ChartPie } from '@strapi/icons';
import { Link } from 'react-router-dom';
import { useT } from '../components/common';
import { Mailboxes } from '../components/messages/Mailboxes';
import { MessageList } from '../components/messages/MessageList';
import { PLUGIN_ID } from '../pluginId';

/**
 * 意见箱 / 领导信箱: the messages of the organizations the admin may see (the server scopes them),
 * with their acceptance and reply dates (overdue red, due soon amber), and the leaders' mailboxes.
 */
export const MessagesPage = () => {
  const t = useT();
  return (
    <Page.Main>
      <Page.Title>{t('messages.title', '意见箱 / 领导信箱')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}`} />}
        title={t('messages.title', '意见箱 / 领导信箱')}
        subtitle={t(
          'messages.subtitle',
          '来信的受理、转办、交办、答复与审批；受理或答复超期标红、即将到期标黄'
        )}
        primaryAction={
          <LinkButton
            tag={Link}
            to={`/plugins/${PLUGIN_ID}/messages/statistics`}
            variant="secondary"
            startIcon={<ChartPie />}
            data-testid="message-statistics-link"
          >
            {t('messageStats.title', '来信统计')}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <MessageList />
          <Mailboxes />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
