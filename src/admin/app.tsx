import type { StrapiApp } from '@strapi/strapi/admin';
import {
  EnumerationField,
  formatEnumerationColumns,
  formatEnumerationFilters,
} from './enumerations';
import { schemaNameTranslations } from './schema-words';
import { strapiZhHans } from './translations/strapi-zh-Hans';

export default {
  config: {
    // Offices work in Simplified Chinese; English stays available.
    locales: ['zh-Hans', 'en'],
    translations: {
      'zh-Hans': { ...strapiZhHans, ...schemaNameTranslations() },
    },
  },
  // What bootstrap is given: a few of StrapiApp's methods, not the app.
  bootstrap(app: Pick<StrapiApp, 'addFields' | 'registerHook'>) {
    app.addFields({ type: 'enumeration', Component: EnumerationField });
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', formatEnumerationColumns);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', formatEnumerationFilters);
  },
};
