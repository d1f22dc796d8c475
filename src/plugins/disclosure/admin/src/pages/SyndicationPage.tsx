import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useT } from '../components/common';
import { SyndicationTabs } from '../components/syndication/SyndicationTabs';
import { PLUGIN_ID } from '../pluginId';

/**
 * 转载管理 (super admins; the server enforces it): who we push to, who pushes to us, deliveries,
 * and one document's syndication.
 */
export const SyndicationPage = () => {
  const t = useT();
  return (
    <Page.Main>
      <Page.Title>{t('syndication.title', '转载管理')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}`} />}
        title={t('syndication.title', '转载管理')}
        subtitle={t(
          'syndication.subtitle',
          '订阅方与来源、签名密钥、投递与文件转载情况（仅超级管理员）'
        )}
      />
      <Layouts.Content>
        <SyndicationTabs
          tabs={['subscribers', 'sources', 'deliveries', 'document']}
          label={t('syndication.title', '转载管理')}
        />
      </Layouts.Content>
    </Page.Main>
  );
};
