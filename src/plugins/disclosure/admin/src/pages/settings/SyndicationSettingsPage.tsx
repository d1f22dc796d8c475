import { Layouts, Page } from '@strapi/strapi/admin';
import { useT } from '../../components/common';
import { SyndicationTabs } from '../../components/syndication/SyndicationTabs';

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
        subtitle={t(
          'settings.syndication.subtitle',
          '本站推送的订阅方、向本站推送的来源及其签名密钥（仅超级管理员）'
        )}
      />
      <Layouts.Content>
        <SyndicationTabs
          tabs={['subscribers', 'sources']}
          label={t('settings.syndication.title', '转载订阅与来源')}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

export default SyndicationSettingsPage;
