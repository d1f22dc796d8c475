import type { Core } from '@strapi/strapi';
import { validateComplianceQuery } from '../validation/compliance';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const query = validateComplianceQuery(ctx.query);
    const data = await strapi.plugin('disclosure').service('compliance').report(query);
    // Compliance figures are internal: never cached by shared caches.
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data };
  },
});
