import type { Core } from '@strapi/strapi';

/**
 * New admin accounts read the admin in Simplified Chinese: an account created without a language
 * (the first-run registration, an invitation from Settings → Users, ADMIN_EMAIL) is given zh-Hans,
 * which the admin applies at every sign-in until the person picks another in their profile. An
 * account created with a language keeps it.
 *
 * At the database's level, because Strapi's admin user service offers no default of its own and
 * every way of creating an admin goes through it.
 */
export const DEFAULT_ADMIN_LANGUAGE = 'zh-Hans';

export function defaultAdminLanguage(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data: { preferedLanguage?: string | null } | undefined = event.params.data;
      if (data && !data.preferedLanguage) data.preferedLanguage = DEFAULT_ADMIN_LANGUAGE;
    },
  });
}
