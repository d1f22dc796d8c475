import { Box, Tabs } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { DeliveriesTab } from '../components/syndication/DeliveriesTab';
import { DocumentStatusTab } from '../components/syndication/DocumentStatusTab';
import { SourcesTab } from '../components/syndication/SourcesTab';
import { SubscribersTab } from '../components/syndication/SubscribersTab';
import { useT } from '../components/common';
import { PLUGIN_ID } from '../pluginId';

/**
 * 转载管理 (super admins; the server enforces it): who we push to, who pushes to us, deliveries,
 * and one document's syndication. Each tab loads when it is opened, as inactive tabs are unmounted.
 */
export const SyndicationPage = () => {
  const t = useT();
  return (
    <Page.Main>
      <Page.Title>{t('syndication.title', '转载管理')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}`} />}
        title={t('syndication.title', '转载管理')}
        subtitle={t('syndication.subtitle', '订阅方与来源、签名密钥、投递与文件转载情况（仅超级管理员）')}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <Tabs.Root defaultValue="subscribers">
            <Tabs.List aria-label={t('syndication.title', '转载管理')}>
              <Tabs.Trigger value="subscribers">{t('syndication.tab.subscribers', '订阅方')}</Tabs.Trigger>
              <Tabs.Trigger value="sources">{t('syndication.tab.sources', '来源')}</Tabs.Trigger>
              <Tabs.Trigger value="deliveries">{t('syndication.tab.deliveries', '投递')}</Tabs.Trigger>
              <Tabs.Trigger value="document">{t('syndication.tab.document', '文件转载情况')}</Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="subscribers">
              <SubscribersTab />
            </Tabs.Content>
            <Tabs.Content value="sources">
              <SourcesTab />
            </Tabs.Content>
            <Tabs.Content value="deliveries">
              <DeliveriesTab />
            </Tabs.Content>
            <Tabs.Content value="document">
              <DocumentStatusTab />
            </Tabs.Content>
          </Tabs.Root>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
