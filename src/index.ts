import type { Core } from '@strapi/strapi';
import { defaultAdminLanguage } from './bootstrap/admin-language';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { reapplyIdempotentMigrations } from './bootstrap/idempotent-migrations';
import { seedDemoContentOnFirstRun } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Before bootstrap, which may create the first admin from ADMIN_EMAIL.
    defaultAdminLanguage(strapi);
  },

  /**
   * Runs after the plugins' and the admin's bootstrap (locales, Public permissions and the admin's
   * default roles are in place).
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Indexes and unique indexes first: seeding below already relies on them.
    await reapplyIdempotentMigrations(strapi);
    // Search entries indexed before the index had tags get them, now that their columns exist.
    await strapi.plugin('disclosure').service('search').completeTags();
    // Only now: a role created before the admin's defaults would stop them being created.
    await strapi.plugin('disclosure').service('audit-role').ensureAuditorRole();
    await strapi.plugin('disclosure').service('organization-roles').ensureDefaultRoles();
    await ensureFirstAdmin(strapi);
    await seedDemoContentOnFirstRun(strapi);
  },
};
