import { Clock } from '@strapi/icons';
import { DisclosurePanel } from './components/edit-view/DisclosurePanel';
import { PluginIcon } from './components/PluginIcon';
import { TraditionalLocksPanel } from './components/TraditionalLocksPanel';
import { PLUGIN_ID } from './pluginId';

type TranslationModule = { default: Record<string, string> };

const prefixKeys = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: any) {
    app.widgets?.register({
      id: 'due-today',
      pluginId: PLUGIN_ID,
      icon: Clock,
      title: { id: `${PLUGIN_ID}.widget.dueToday`, defaultMessage: '今日到期' },
      link: { label: { id: `${PLUGIN_ID}.widget.open`, defaultMessage: '打开政务公开' }, href: `/plugins/${PLUGIN_ID}` },
      component: () => import('./components/DueTodayWidget').then((module) => module.DueTodayWidget),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: '政务公开' },
      Component: () => import('./pages/App'),
      permissions: [],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: any) {
    app.getPlugin('content-manager')?.apis?.addEditViewSidePanel?.([DisclosurePanel, TraditionalLocksPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as TranslationModule;
          return { data: prefixKeys(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
