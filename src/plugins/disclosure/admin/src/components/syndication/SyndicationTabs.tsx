import * as React from 'react';
import { Box, Tabs } from '@strapi/design-system';
import { useT, type Translate } from '../common';
import { DeliveriesTab } from './DeliveriesTab';
import { DocumentStatusTab } from './DocumentStatusTab';
import { SourcesTab } from './SourcesTab';
import { SubscribersTab } from './SubscribersTab';

export type SyndicationTab = 'subscribers' | 'sources' | 'deliveries' | 'document';

const TABS: Record<
  SyndicationTab,
  { label: (t: Translate) => string; Content: React.ComponentType }
> = {
  subscribers: {
    label: (t) => t('syndication.tab.subscribers', '订阅方'),
    Content: SubscribersTab,
  },
  sources: { label: (t) => t('syndication.tab.sources', '来源'), Content: SourcesTab },
  deliveries: { label: (t) => t('syndication.tab.deliveries', '投递'), Content: DeliveriesTab },
  document: {
    label: (t) => t('syndication.tab.document', '文件转载情况'),
    Content: DocumentStatusTab,
  },
};

/**
 * The 转载 tabs, for the 转载 page (all four) and Settings (subscribers and sources). Each tab loads
 * when it is opened, as inactive tabs are unmounted.
 */
export const SyndicationTabs = ({ tabs, label }: { tabs: SyndicationTab[]; label: string }) => {
  const t = useT();
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Tabs.Root defaultValue={tabs[0]}>
        <Tabs.List aria-label={label}>
          {tabs.map((tab) => (
            <Tabs.Trigger key={tab} value={tab}>
              {TABS[tab].label(t)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {tabs.map((tab) => {
          const { Content } = TABS[tab];
          return (
            <Tabs.Content key={tab} value={tab}>
              <Content />
            </Tabs.Content>
          );
        })}
      </Tabs.Root>
    </Box>
  );
};
