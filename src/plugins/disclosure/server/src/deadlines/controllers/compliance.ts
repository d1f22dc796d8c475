import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type { GetCompliance, GetDueToday } from '../../../../shared/contracts/compliance';
import { validate } from '../../utils/validation';
import { complianceQuery, type ComplianceQuery } from '../validation/compliance';
import { getService } from '../../utils/get-service';
import { LEDGER_READ_ACTION } from '../../../../shared/constants';
import type { RequestState } from '../../utils/request-state';

const NO_ORGANIZATION =
  '账号未分配机构，无权查看统计 (your account is assigned to no organization, so it may see no figures)';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * The organizations an admin account may see (its own first, then those below); null: all. An
   * account without an organization sees all only as a super admin or the auditor (the ledger's
   * permission), otherwise none ([]). API tokens (the content API's route): all.
   */
  const scopeOf = async (ctx: Context): Promise<string[] | null> => {
    const state = ctx.state as RequestState;
    if (state.auth?.strategy?.name !== 'admin') return null;
    const scope = await getService(strapi, 'organization-roles').organizationsInScope(
      state.user!.id
    );
    if (scope) return scope;
    const superAdmin = (state.user!.roles ?? []).some((role) => role.code === 'strapi-super-admin');
    return superAdmin || state.userAbility?.can(LEDGER_READ_ACTION) ? null : [];
  };

  return {
    async report(ctx: Context) {
      const query: ComplianceQuery = validate(complianceQuery, ctx.query);
      // An admin account of an organization sees its own figures and those below, or those of one below it.
      const scope = await scopeOf(ctx);
      if (scope && !scope.length) throw new errors.PolicyError(NO_ORGANIZATION);
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
