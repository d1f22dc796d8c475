import type { Core } from '@strapi/strapi';
import { LOCALES, SOURCE_LOCALE } from '../../../../shared/constants';

/**
 * Simplified (source) and Traditional Chinese exist on every instance. On a fresh database Strapi
 * starts with English as its default locale; that placeholder is replaced, never a locale an operator
 * added later.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureChineseLocales() {
    const locales = strapi.plugin('i18n').service('locales');
    for (const { code, name } of LOCALES) {
      if (!(await locales.findByCode(code))) await locales.create({ code, name });
    }
    const previousDefault = await locales.getDefaultLocale();
    if (previousDefault === SOURCE_LOCALE) return;
    await locales.setDefaultLocale({ code: SOURCE_LOCALE });
    if (previousDefault === 'en') {
      const english = await locales.findByCode('en');
      if (english) await locales.delete({ id: english.id });
    }
  },
});
