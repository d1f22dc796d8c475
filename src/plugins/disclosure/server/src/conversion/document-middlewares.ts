import {
  CONVERSION_TERM_UID,
  DOCUMENT_WRITE_ACTIONS,
  SOURCE_LOCALE,
  TARGET_LOCALE,
  isAppContentType,
} from '../../../shared/constants';
import { paramsOf, resultDocumentId, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';
import { isTraditionalCopy } from './rules/traditional-copy';

const SYNCED_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'delete']);

/**
 * zh-Hans is the source: creating, updating, publishing, unpublishing or deleting it does the same
 * to zh-Hant, converted, in the same transaction. An editor's own zh-Hant edit locks the fields it
 * changed.
 */
export const syncTraditional: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const conversion = getService(strapi, 'conversion');
  const { uid, action } = context;
  const params = paramsOf(context);
  if (!isAppContentType(uid) || !conversion.isLocalized(uid) || isTraditionalCopy(params))
    return next();
  const locale = params.locale ?? SOURCE_LOCALE;

  if (locale === TARGET_LOCALE && action === 'update') {
    const result = await next();
    if (params.documentId && params.data)
      await conversion.lockEditedFields(uid, params.documentId, params.data);
    return result;
  }
  if (locale !== SOURCE_LOCALE || !SYNCED_ACTIONS.has(action)) return next();

  return strapi.db.transaction(async () => {
    const result = await next();
    const documentId = params.documentId ?? resultDocumentId(result);
    if (!documentId) return result;
    if (action === 'unpublish') await conversion.unpublishTraditional(uid, documentId);
    else if (action === 'delete') await conversion.deleteTraditional(uid, documentId);
    else
      await conversion.syncDocument(uid, documentId, {
        publish: action === 'publish' || params.status === 'published',
      });
    return result;
  });
};

/** A change to the conversion dictionary takes effect on the next conversion. */
export const reloadConversionTerms: DocumentMiddlewareFactory =
  (strapi) => async (context, next) => {
    if (
      (context.uid as string) !== CONVERSION_TERM_UID ||
      !DOCUMENT_WRITE_ACTIONS.has(context.action)
    )
      return next();
    const result = await next();
    getService(strapi, 'conversion').invalidate();
    return result;
  };
