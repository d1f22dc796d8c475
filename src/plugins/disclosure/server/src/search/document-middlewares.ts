import { resultDocumentId, paramsOf, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';
import { searchableByUid } from './rules/searchable-types';

/** The writes that can change what the public may read of a document. */
const CHANGING = new Set(['create', 'update', 'publish', 'unpublish', 'delete', 'discardDraft']);

/**
 * The search index follows every write of a searchable type in the write's own transaction: after
 * the write, the document's entries are made again from what the public may read of it (published,
 * and public by the public-access rules), every locale. The zh-Hant sync and syndicated copies write
 * through the document service, so they pass here too. A draft's edit leaves the published entry as
 * it was: its words are indexed when it is published.
 */
export const keepSearchIndex: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if (!searchableByUid(context.uid) || !CHANGING.has(context.action)) return next();
  const params = paramsOf(context);
  return strapi.db.transaction(async () => {
    const result = await next();
    const documentId = params.documentId ?? resultDocumentId(result);
    if (documentId) await getService(strapi, 'search').refresh(context.uid, documentId);
    return result;
  });
};
