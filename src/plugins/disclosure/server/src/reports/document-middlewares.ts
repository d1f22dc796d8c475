import { CONTENT_TYPES, SOURCE_LOCALE } from '../../../shared/constants';
import { isTraditionalCopy } from '../conversion/rules/traditional-copy';
import { paramsOf, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';

const ACTIONS = new Set(['create', 'update', 'publish']);

/**
 * An annual report's writes: one report per organization, year and half (a second refused, checked
 * again under a lock in the write's transaction); sections pre-filled on creation (zh-Hans), the tables computed, stored
 * and checked on publication in any locale (services/report-publication), so publishing zh-Hant alone
 * or every locale at once meets the same check. The zh-Hant copy follows the source, which carries
 * both, so it is left alone. Registered outside the zh-Hant sync's transaction: the tables are
 * computed with the service's own queries, which SQLite's single connection would leave waiting
 * behind an open transaction.
 */
export const prepareAnnualReports: DocumentMiddlewareFactory =
  (strapi) => async (context, next) => {
    const params = paramsOf(context);
    if (
      context.uid !== CONTENT_TYPES.annualReport ||
      !ACTIONS.has(context.action) ||
      isTraditionalCopy(params)
    )
      return next();
    const reports = getService(strapi, 'report-publication');
    // One report per organization and period, whichever locale the write names.
    const claim = await reports.claimSubject(context.action, params);
    const sourceWrite =
      context.action === 'publish' ||
      params.status === 'published' ||
      (params.locale ?? SOURCE_LOCALE) === SOURCE_LOCALE;
    const writeSnapshot = sourceWrite ? await reports.prepareWrite(context.action, params) : null;
    if (!writeSnapshot && !claim) return next();
    return strapi.db.transaction(async () => {
      await claim?.();
      await writeSnapshot?.();
      return next();
    });
  };
