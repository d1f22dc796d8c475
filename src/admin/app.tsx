import type { StrapiApp } from '@strapi/strapi/admin';
import {
  EnumerationField,
  formatEnumerationColumns,
  formatEnumerationFilters,
} from './enumerations';
import { applyFirstVisitDefaults } from './first-visit';
import { schemaNameTranslations } from './schema-words';
import { strapiPatched } from './translations/strapi-patched';
import { strapiZhHans } from './translations/strapi-zh-Hans';

/** Where the admin finds its server; set by Strapi before the app's register runs. */
const backendUrl = () =>
  (window as Window & { strapi?: { backendURL?: string } }).strapi?.backendURL ??
  window.location.origin;

export default {
  config: {
    // Offices work in Simplified Chinese; English stays available.
    locales: ['zh-Hans', 'en'],
    translations: {
      'zh-Hans': { ...strapiZhHans, ...strapiPatched['zh-Hans'], ...schemaNameTranslations() },
      // Strapi's English, except where it has none: the ids scripts/patch-strapi.js gives.
      en: { ...strapiPatched.en },
    },
    // No request to GitHub for Strapi's latest release and no "new version" notice in the menu:
    // government networks often cannot reach it, and offices update on their platform's schedule.
    notifications: { releases: false },
  },
  register(_app: StrapiApp) {
    applyFirstVisitDefaults(window.localStorage, backendUrl());
  },
  // What bootstrap is given: a few of StrapiApp's methods, not the app.
  bootstrap(app: Pick<StrapiApp, 'addFields' | 'registerHook'>) {
    app.addFields({ type: 'enumeration', Component: EnumerationField });
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', formatEnumerationColumns);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', formatEnumerationFilters);
  },
};
