import { DOCUMENT_WRITE_ACTIONS } from '../../../shared/constants';
import { isTraditionalCopy } from '../conversion/rules/traditional-copy';
import { paramsOf, resultDocumentId, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';

/**
 * Every write to a tracked item recomputes its deadline records in the same transaction, so the
 * records never disagree with the item.
 */
export const trackDeadlines: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const deadlines = getService(strapi, 'deadlines');
  // Records are per document: a zh-Hant copy written by the sync changes none of their inputs, which
  // the zh-Hans write it follows has just recomputed. Deleting the copy does: the document is gone.
  const copyOnly = isTraditionalCopy(context.params) && context.action !== 'delete';
  if (!DOCUMENT_WRITE_ACTIONS.has(context.action) || !deadlines.tracks(context.uid) || copyOnly)
    return next();
  return strapi.db.transaction(async () => {
    const result = await next();
    const documentId = paramsOf(context).documentId ?? resultDocumentId(result);
    if (documentId) await deadlines.refresh(context.uid, documentId);
    return result;
  });
};
