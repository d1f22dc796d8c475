import { SOURCE_LOCALE } from '../../../shared/constants';
import { isTraditionalCopy } from '../conversion/rules/traditional-copy';
import { paramsOf, resultDocumentId, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';
import { SYNDICATED_TYPES } from './services/syndication';

/**
 * Syndication outbox: a published change of a syndicated item (policy documents) is written as an
 * event, with a delivery per subscriber, in the same transaction as the change and after its zh-Hant
 * copy (registered outside the sync), so the event carries both locales. The copy's own writes,
 * made by the sync, are not events of their own.
 */
export const recordSyndicationEvents: DocumentMiddlewareFactory =
  (strapi) => async (context, next) => {
    const { uid, action } = context;
    const params = paramsOf(context);
    if (!SYNDICATED_TYPES.has(uid) || isTraditionalCopy(params)) return next();
    const happened =
      action === 'publish' ||
      ((action === 'create' || action === 'update') && params.status === 'published')
        ? 'publish'
        : action === 'unpublish' || action === 'delete'
          ? action
          : null;
    if (!happened || (params.locale && params.locale !== SOURCE_LOCALE)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = params.documentId ?? resultDocumentId(result);
      if (documentId) {
        await getService(strapi, 'syndication').recordChange(uid, happened, documentId);
        // A held reprint published here: its source gets a receipt.
        if (happened === 'publish')
          await getService(strapi, 'syndication-inbox').onLocalPublish(documentId);
      }
      return result;
    });
  };
