import type { Core } from '@strapi/strapi';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { seedDemoContentOnFirstRun } from './seed';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  /**
   * Runs after the plugins' bootstrap (locales and Public permissions are in place).
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureFirstAdmin(strapi);
    await seedDemoContentOnFirstRun(strapi);
  },
};
