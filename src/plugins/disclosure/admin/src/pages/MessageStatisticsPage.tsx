import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useT } from '../components/common';
import { MessageStatisticsView } from '../components/messages/Statistics';
import { PLUGIN_ID } from '../pluginId';

/** 来信统计: the month's figures of the account's messages (city office 2024 §3), and their .xlsx. */
export const MessageStatisticsPage = () => {
  const t = useT();
  return (
    <Page.Main>
      <Page.Title>{t('messageStats.title', '来信统计')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}/messages`} />}
        title={t('messageStats.title', '来信统计')}
        subtitle={t(
          'messageStats.subtitle',
          '按月统计意见箱和领导信箱的收信、按时答复、转办、未办结和满意度'
        )}
      />
      <Layouts.Content>
        <MessageStatisticsView />
      </Layouts.Content>
    </Page.Main>
  );
};
