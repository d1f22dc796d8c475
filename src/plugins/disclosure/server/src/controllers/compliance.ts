import type { Core } from '@strapi/strapi';
import { validateComplianceQuery } from '../validation/compliance';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const query = validateComplianceQuery(ctx.query);
    // An admin account of an organization sees its own figures, or those of one below it.
    if (ctx.state.auth?.strategy?.name === 'admin') {
      const roles = strapi.plugin('disclosure').service('organization-roles');
      const scope: string[] | null = await roles.organizationsInScope(ctx.state.user.id);
      if (scope && query.organization) await roles.assertOrganizationInScope(scope, query.organization);
      else if (scope) Object.assign(query, { organization: scope[0], within: scope });
    }
    const data = await strapi.plugin('disclosure').service('compliance').report(query);
    // Internal figures leaving the system: an export, in the audit log.
    await strapi
      .plugin('disclosure')
      .service('ledger')
      .record({ action: 'export', outcome: 'allowed', contentType: 'plugin::disclosure.compliance', message: `compliance report ${JSON.stringify(query)}` });
    // Compliance figures are internal: never cached by shared caches.
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data };
  },
});
