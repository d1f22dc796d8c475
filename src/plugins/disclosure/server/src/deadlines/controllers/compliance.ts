import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { GetCompliance, GetDueToday } from '../../../../shared/contracts/compliance';
import { validate } from '../../utils/validation';
import { complianceQuery, type ComplianceQuery } from '../validation/compliance';
import { getService } from '../../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The organizations an admin account of an organization may see (its own first); null: all. */
  const scopeOf = (ctx: Context): Promise<string[] | null> =>
    ctx.state.auth?.strategy?.name === 'admin'
      ? getService(strapi, 'organization-roles').organizationsInScope(ctx.state.user.id)
      : Promise.resolve(null);

  return {
    async report(ctx: Context) {
      const query: ComplianceQuery = validate(complianceQuery, ctx.query);
      // An admin account of an organization sees its own figures and those below, or those of one below it.
      const scope = await scopeOf(ctx);
      if (scope && query.organization)
        await getService(strapi, 'organization-roles').assertOrganizationInScope(
          scope,
          query.organization
        );
      else if (scope) Object.assign(query, { organization: scope[0], within: scope });
      const data = await getService(strapi, 'compliance').report(query);
      // Internal figures leaving the system: an export, in the audit log.
      await getService(strapi, 'ledger').record({
        action: 'export',
        outcome: 'allowed',
        contentType: 'plugin::disclosure.compliance',
        message: `compliance report ${JSON.stringify(query)}`,
      });
      // Compliance figures are internal: never cached by shared caches.
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data } satisfies GetCompliance.Response;
    },

    /** GET /disclosure/due-today: the homepage widget's list, for the account's organizations. */
    async dueToday(ctx: Context) {
      const data = await getService(strapi, 'compliance').dueToday(await scopeOf(ctx));
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data } satisfies GetDueToday.Response;
    },
  };
};
