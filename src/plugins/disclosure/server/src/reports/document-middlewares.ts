import { CONTENT_TYPES, SOURCE_LOCALE } from '../../../shared/constants';
import { isTraditionalCopy } from '../conversion/rules/traditional-copy';
import { paramsOf, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';

const ACTIONS = new Set(['create', 'update', 'publish']);

/**
 * An annual report's writes: sections pre-filled on creation (zh-Hans), the tables computed, stored
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
      isTraditionalCopy(params) ||
      (context.action !== 'publish' &&
        params.status !== 'published' &&
        (params.locale ?? SOURCE_LOCALE) !== SOURCE_LOCALE)
    )
      return next();
    const writeSnapshot = await getService(strapi, 'report-publication').prepareWrite(
      context.action,
      params
    );
    if (!writeSnapshot) return next();
    return strapi.db.transaction(async () => {
      await writeSnapshot();
      return next();
    });
  };
