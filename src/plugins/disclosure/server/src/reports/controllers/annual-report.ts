import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type {
  AnnualReportData,
  GetReportOrganizations,
} from '../../../../shared/contracts/annual-report';
import type { RequestState } from '../../utils/request-state';
import { validate } from '../../utils/validation';
import { getService } from '../../utils/get-service';
import { annualReportQuery } from '../validation/annual-report';
import type { Half } from '../rules/period';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/annual-report: the tables of an organization's (or region's) report. */
  async report(ctx: Context) {
    const query = validate(annualReportQuery, ctx.query);
    // The auditor reads every organization's figures (its permission; super admins hold every one);
    // other accounts those whose annual reports their role reads, by its own scope ('same' or 'below').
    const state = ctx.state as RequestState;
    await getService(strapi, 'report-documents').assertMayReadReport(
      { user: state.user!, ability: state.userAbility ?? null },
      query.organization
    );
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

  /** GET /disclosure/annual-report/organizations: the organizations whose reports the account may read. */
  async organizations(ctx: Context) {
    const state = ctx.state as RequestState;
    const data = await getService(strapi, 'report-documents').readableOrganizations({
      user: state.user!,
      ability: state.userAbility ?? null,
    });
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data } satisfies GetReportOrganizations.Response;
  },
});
