import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type { AnnualReportData } from '../../../../shared/contracts/annual-report';
import { LEDGER_READ_ACTION } from '../../../../shared/constants';
import type { AdminAbility } from '../../utils/request-state';
import { validate } from '../../utils/validation';
import { getService } from '../../utils/get-service';
import { annualReportQuery } from '../validation/annual-report';
import type { Half } from '../rules/period';

const OUT_OF_SCOPE =
  '只能查看本机构及下级机构的统计 (you may only see the figures of your organization and those below it)';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/annual-report: the tables of an organization's (or region's) report. */
  async report(ctx: Context) {
    const query = validate(annualReportQuery, ctx.query);
    // The auditor reads every organization's figures (its permission; super admins hold every one);
    // other accounts their organization's and those below it, and nothing without an organization.
    const ability = ctx.state.userAbility as AdminAbility | undefined;
    if (!ability?.can(LEDGER_READ_ACTION)) {
      const roles = getService(strapi, 'organization-roles');
      const scope = await roles.organizationsInScope(ctx.state.user.id);
      if (!scope) throw new errors.ForbiddenError(OUT_OF_SCOPE);
      await roles.assertOrganizationInScope(scope, query.organization);
    }
    const data = await getService(strapi, 'annual-report').compute({
      organization: query.organization,
      year: query.year,
      half: query.half as Half | undefined,
      region: query.region === 'true',
    });
    // Figures not yet published: never kept by shared caches.
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data } satisfies { data: AnnualReportData };
  },
});
