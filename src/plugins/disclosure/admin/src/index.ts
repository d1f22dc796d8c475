import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { ChartPie, Clock, Mail } from '@strapi/icons';
import type { PluginDefinition, StrapiApp } from '@strapi/strapi/admin';
import { DisclosurePanel } from './components/edit-view/DisclosurePanel';
import { PluginIcon } from './components/PluginIcon';
import { TraditionalLocksPanel } from './components/TraditionalLocksPanel';
import { PLUGIN_ID } from './pluginId';
import { CONTENT_TYPES, LEDGER_READ_ACTION, MESSAGE_PERMISSIONS } from '../../shared/constants';

type TranslationModule = { default: Record<string, string> };

const prefixKeys = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: StrapiApp) {
    app.widgets?.register({
      id: 'due-today',
      pluginId: PLUGIN_ID,
      icon: Clock,
      title: { id: `${PLUGIN_ID}.widget.dueToday`, defaultMessage: '今日到期' },
      link: {
        label: { id: `${PLUGIN_ID}.widget.open`, defaultMessage: '打开政务公开' },
        href: `/plugins/${PLUGIN_ID}`,
      },
      component: () =>
        import('./components/DueTodayWidget').then((module) => module.DueTodayWidget),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: '政务公开' },
      Component: () => import('./pages/App'),
      permissions: [],
    });
    // 年度报告 / 统计: shown to accounts whose role reads annual reports (the server holds each one to
    // its organizations), the auditor and super admins, as the report route decides.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/annual-report`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.report.title`, defaultMessage: '年度报告 / 统计' },
      Component: () => import('./pages/AnnualReportPage'),
      permissions: [
        { action: 'plugin::content-manager.explorer.read', subject: CONTENT_TYPES.annualReport },
        { action: LEDGER_READ_ACTION, subject: null },
      ],
    });
    // 意见箱 / 领导信箱: shown to accounts holding a messages.* permission (and super admins); the
    // server holds each to its organizations.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/messages`,
      icon: Mail,
      intlLabel: { id: `${PLUGIN_ID}.messages.title`, defaultMessage: '意见箱 / 领导信箱' },
      Component: () => import('./pages/MessagesApp'),
      permissions: Object.values(MESSAGE_PERMISSIONS).map((action) => ({ action, subject: null })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    // Settings → 政务公开 (addSettingsLink with a section object is createSettingSection's current form).
    // Readable by every admin; the server decides who may change anything.
    app.addSettingsLink(
      {
        id: PLUGIN_ID,
        intlLabel: { id: `${PLUGIN_ID}.settings.section`, defaultMessage: '政务公开' },
      },
      [
        {
          id: `${PLUGIN_ID}-calendar`,
          to: `${PLUGIN_ID}/calendar`,
          intlLabel: { id: `${PLUGIN_ID}.settings.calendar.title`, defaultMessage: '节假日安排' },
          Component: () => import('./pages/settings/HolidayCalendarPage'),
          permissions: [],
        },
        {
          id: `${PLUGIN_ID}-conversion-dictionary`,
          to: `${PLUGIN_ID}/conversion-dictionary`,
          intlLabel: {
            id: `${PLUGIN_ID}.settings.dictionary.title`,
            defaultMessage: '简繁转换词典',
          },
          Component: () => import('./pages/settings/ConversionDictionaryPage'),
          permissions: [],
        },
        {
          id: `${PLUGIN_ID}-syndication`,
          to: `${PLUGIN_ID}/syndication`,
          intlLabel: {
            id: `${PLUGIN_ID}.settings.syndication.title`,
            defaultMessage: '转载订阅与来源',
          },
          Component: () => import('./pages/settings/SyndicationSettingsPage'),
          permissions: [],
        },
        {
          id: `${PLUGIN_ID}-letter-templates`,
          to: `${PLUGIN_ID}/letter-templates`,
          intlLabel: {
            id: `${PLUGIN_ID}.settings.letters.title`,
            defaultMessage: '依申请公开文书模板',
          },
          Component: () => import('./pages/settings/LetterTemplatesPage'),
          permissions: [],
        },
        {
          id: `${PLUGIN_ID}-deadline-rules`,
          to: `${PLUGIN_ID}/deadline-rules`,
          intlLabel: { id: `${PLUGIN_ID}.settings.rules.title`, defaultMessage: '公开时限规则' },
          Component: () => import('./pages/settings/DeadlineRulesPage'),
          permissions: [],
        },
      ]
    );
  },

  // What bootstrap is given: a few of StrapiApp's methods, not the app.
  bootstrap(app: Parameters<NonNullable<PluginDefinition['bootstrap']>>[0]) {
    // Plugin['apis'] is a bare record: the content manager's are typed by the content manager.
    const contentManager = app.getPlugin('content-manager')?.apis as
      ContentManagerPlugin['config']['apis'] | undefined;
    contentManager?.addEditViewSidePanel?.([DisclosurePanel, TraditionalLocksPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(
            `./translations/${locale}.json`
          )) as TranslationModule;
          return { data: prefixKeys(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
} satisfies PluginDefinition;
