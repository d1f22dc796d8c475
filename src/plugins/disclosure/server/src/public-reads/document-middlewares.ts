import { errors } from '@strapi/utils';
import { DOCUMENT_READ_ACTIONS } from '../../../shared/constants';
import { paramsOf, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';
import {
  populateDepth,
  PublicQueryRefusal,
  scopePublicQuery,
  type RefusalReason,
} from './rules/public-query-scope';
import { jsonKey } from './rules/state-memo';

/** Relation levels a public request may populate (document → interpretations → their media). */
export const MAX_PUBLIC_POPULATE_DEPTH = 3;

/** Parameters a count ignores (the repository counts by filters, search, status and locale only). */
const NOT_COUNTED = new Set([
  'pagination',
  'page',
  'pageSize',
  'start',
  'limit',
  'sort',
  'fields',
  'populate',
]);

/**
 * The public sees published, proactive items only, whatever it asks for: `?status=draft` and the
 * publication filters are dropped, items not proactively disclosed are filtered out even if they
 * were published, and every path the query takes (populate, filters, sort, fields, `_q`) is held
 * to what the public may read (rules/public-query-scope).
 */
export const restrictPublicReads: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const access = getService(strapi, 'public-access');
  if (
    !DOCUMENT_READ_ACTIONS.has(context.action) ||
    !access.readsAsPublic(strapi.requestContext.get())
  )
    return next();
  const params = paramsOf(context);
  if (context.contentType.options?.draftAndPublish) params.status = 'published';
  // Which documents have unpublished edits, or were never published, is nobody's business outside.
  delete params.publicationFilter;
  delete params.hasPublishedVersion;
  // A bounded populate: deep chains cost the database dearly and reach far from what was asked.
  if (params.populate !== undefined && populateDepth(params.populate) > MAX_PUBLIC_POPULATE_DEPTH) {
    throw new errors.ValidationError(
      `关联展开层级过深：公开接口最多展开 ${MAX_PUBLIC_POPULATE_DEPTH} 层 (populate is limited to ${MAX_PUBLIC_POPULATE_DEPTH} levels for public requests)`,
      { maxDepth: MAX_PUBLIC_POPULATE_DEPTH }
    );
  }
  try {
    Object.assign(params, scopePublicQuery(params, context.uid, access.readModel()));
    // Now part of the filters, over public fields only.
    delete params._q;
  } catch (error) {
    if (error instanceof PublicQueryRefusal) throw refusedPublicQuery(error);
    throw error;
  }
  const visible = access.visibleRows(context.uid);
  if (visible) params.filters = params.filters ? { $and: [params.filters, visible] } : visible;
  return next();
};

/**
 * A public list's total: Strapi counts every match on every request, which at 100,000 documents
 * costs more than reading the page itself. It is counted once per content state for each question
 * (all pages, sorts and field choices of one list share it) and again after any committed change.
 * Innermost, so it keeps exactly what the repository would count after every other middleware.
 */
export const rememberPublicCounts: DocumentMiddlewareFactory =
  (strapi) => async (context, next) => {
    if (
      context.action !== 'count' ||
      !getService(strapi, 'public-access').readsAsPublic(strapi.requestContext.get())
    )
      return next();
    const counted = Object.entries(context.params ?? {}).filter(([name]) => !NOT_COUNTED.has(name));
    const key = jsonKey([context.uid, Object.fromEntries(counted)]);
    // next() is typed as the union of every action's result; a count's is what the memo keeps.
    type Counted = Awaited<ReturnType<typeof next>>;
    return key
      ? getService(strapi, 'response-cache').forContentState(
          `count:${key}`,
          next as () => Promise<Counted>
        )
      : next();
  };

const REFUSAL_MESSAGES: Record<RefusalReason, (path: string) => string> = {
  private: (path) => `${path} 是非公开字段，公开接口不能查询、排序或展开 (${path} is not public)`,
  'not-public': (path) =>
    `${path} 指向不公开的内容，公开接口不能读取 (${path} leads to content that is not public)`,
  morph: (path) =>
    `${path}：文件的引用关系不能通过公开接口读取 (a file's references cannot be read through the public API)`,
  'sort-through-relation': (path) =>
    `${path}：公开接口只能按本类内容自身的字段排序 (public reads sort by the type's own fields only)`,
  'relation-operator': (path) =>
    `${path}：按关联筛选时须指明其字段，如 [documentId][$eq] (filter a relation by one of its fields, e.g. [documentId][$eq])`,
  'negated-relation': (path) =>
    `${path}：公开接口不能在 $not 中按关联筛选 (a relation cannot be filtered inside $not in public reads)`,
  'structured-through-relation': (path) =>
    `${path}：正文类字段只能在本类内容上筛选，不能经由关联筛选 (rich-text and JSON fields can be filtered on the type itself, not through a relation)`,
  'structured-text-operator': (path) =>
    `${path}：正文类字段不能用 $contains、$notContains、$startsWith、$endsWith 筛选，请改用 $containsi 或 $notContainsi (rich-text and JSON fields cannot be filtered with $contains, $notContains, $startsWith or $endsWith; use $containsi or $notContainsi)`,
  unknown: (path) => `${path} 不是可公开读取的字段 (${path} is not a public field)`,
};

/** A public query refused by its path: a 400 naming the parameter, in Chinese with English beside. */
const refusedPublicQuery = (refusal: PublicQueryRefusal) =>
  new errors.ValidationError(REFUSAL_MESSAGES[refusal.reason](refusal.path), {
    path: refusal.path,
    reason: refusal.reason,
  });
