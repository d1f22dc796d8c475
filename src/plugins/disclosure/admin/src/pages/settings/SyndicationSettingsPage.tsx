import { Box, Tabs } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { SourcesTab } from '../../components/syndication/SourcesTab';
import { SubscribersTab } from '../../components/syndication/SubscribersTab';
import { useT } from '../../components/common';

/**
 * 转载设置: who this instance pushes to and who pushes to it, the same tabs as the 转载 page
 * (super admins; the server enforces it). Deliveries and per-document status stay on that page.
 */
const SyndicationSettingsPage = () => {
  const t = useT();
  return (
    <Page.Main>
      <Page.Title>{t('settings.syndication.title', '转载订阅与来源')}</Page.Title>
      <Layouts.Header
        title={t('settings.syndication.title', '转载订阅与来源')}
        subtitle={t('settings.syndication.subtitle', '本站推送的订阅方、向本站推送的来源及其签名密钥（仅超级管理员）')}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <Tabs.Root defaultValue="subscribers">
            <Tabs.List aria-label={t('settings.syndication.title', '转载订阅与来源')}>
              <Tabs.Trigger value="subscribers">{t('syndication.tab.subscribers', '订阅方')}</Tabs.Trigger>
              <Tabs.Trigger value="sources">{t('syndication.tab.sources', '来源')}</Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="subscribers">
              <SubscribersTab />
            </Tabs.Content>
            <Tabs.Content value="sources">
              <SourcesTab />
            </Tabs.Content>
          </Tabs.Root>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default SyndicationSettingsPage;
