import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CALENDAR_DAYS_TABLE, CALENDAR_DAY_UID, CONTENT_TYPES, CONVERSION_TERM_UID, LEDGER_UID, REVIEW_ACTION, SOURCE_LOCALE, TARGET_LOCALE, isAppContentType } from '../constants';
import { SYNDICATED_TYPES } from './syndication';
import { GATED_TYPES } from './publication-gate';
import { ORGANIZATION_FIELD } from '../domain/organization-scope';
import { singleRelationTarget } from '../validation/relations';
import { populateDepth, PublicQueryRefusal, scopePublicQuery, type RefusalReason } from '../domain/public-query-scope';
import { adminRequest } from '../utils/admin-request';
import { refusedAsNotUniqueBy, uniqueClashMessage, uniqueFieldsOf, uniqueViolationField } from '../domain/unique-constraints';
import { throwIfViolated, violation } from '../validation/rule-violations';
import { jsonKey } from '../domain/state-memo';
import { getService } from '../utils/get-service';

/** Relation levels a public request may populate (document → interpretations → their media). */
export const MAX_PUBLIC_POPULATE_DEPTH = 3;

type Middleware = Modules.Documents.Middleware.Middleware;

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
/** Parameters a count ignores (the repository counts by filters, search, status and locale only). */
const NOT_COUNTED = new Set(['pagination', 'page', 'pageSize', 'start', 'limit', 'sort', 'fields', 'populate']);
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const POLICY_DOCUMENTS_TABLE = 'policy_documents';

/**
 * Document-service middlewares: the rules hold for the admin, REST and code alike, and run before the
 * write so a refusal leaves nothing half-written.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {

  const readsAsPublic = (): boolean => getService(strapi, 'public-access').readsAsPublic(strapi.requestContext.get());

  /**
   * A write refused for a unique field, by the index or by Strapi's own unique check (which a write
   * racing past the catalogue's check can meet first): the editor's message naming the value.
   */
  const refuseUniqueClash = (error: unknown, data: any, table = POLICY_DOCUMENTS_TABLE): never => {
    const field = uniqueViolationField(error, table) ?? uniqueFieldsOf(table).find((candidate) => refusedAsNotUniqueBy(error, candidate));
    if (field) throwIfViolated([violation(field, uniqueClashMessage[field](String(data?.[field] ?? '')))]);
    throw error;
  };

  const applyCatalogueRules: Middleware = async (context, next) => {
    const { uid, action } = context;
    const params = context.params as any;

    if (uid === CONTENT_TYPES.policyDocument && (action === 'create' || action === 'update')) {
      // One transaction from reading the issuer's highest numbers to writing the row (see lockIssuer).
      const catalogue = getService(strapi, 'catalogue');
      return strapi.db
        .transaction(async () => {
          if (action === 'create') await catalogue.prepareCreate(params);
          else await catalogue.prepareUpdate(params);
          return next();
        })
        .catch((error: unknown) => refuseUniqueClash(error, params.data));
    } else if (uid === CONTENT_TYPES.policyDocument && action === 'publish') {
      return next().catch((error: unknown) => refuseUniqueClash(error, params.data));
    } else if (uid === CONTENT_TYPES.organization && (action === 'create' || action === 'update')) {
      return next().catch((error: unknown) => refuseUniqueClash(error, params.data, 'organizations'));
    } else if (uid === CONTENT_TYPES.interpretation) {
      if (action === 'create') await getService(strapi, 'interpretation').prepareCreate(params);
      else if (action === 'update') await getService(strapi, 'interpretation').prepareUpdate(params);
    } else if (uid === CONTENT_TYPES.consultation && (action === 'create' || action === 'update')) {
      await getService(strapi, 'consultation').prepareWrite(params);
    } else if ((uid as string) === CALENDAR_DAY_UID && WRITE_ACTIONS.has(action)) {
      if (action === 'create' || action === 'update') await getService(strapi, 'calendar').assertDateFree(params.data?.date, params.documentId);
      const result = await next().catch((error: unknown) => refuseUniqueClash(error, params.data, CALENDAR_DAYS_TABLE));
      getService(strapi, 'calendar').invalidate();
      return result;
    } else if ((uid as string) === CONVERSION_TERM_UID && WRITE_ACTIONS.has(action)) {
      const result = await next();
      getService(strapi, 'conversion').invalidate();
      return result;
    }
    return next();
  };

  /**
   * The public sees published, proactive items only, whatever it asks for: `?status=draft` and the
   * publication filters are dropped, items not proactively disclosed are filtered out even if they
   * were published, and every path the query takes (populate, filters, sort, fields, `_q`) is held
   * to what the public may read (domain/public-query-scope).
   */
  const restrictPublicReads: Middleware = async (context, next) => {
    if (!READ_ACTIONS.has(context.action) || !readsAsPublic()) return next();
    const params = context.params as any;
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
      Object.assign(params, scopePublicQuery(params, context.uid, getService(strapi, 'public-access').readModel()));
      // Now part of the filters, over public fields only.
      delete params._q;
    } catch (error) {
      if (error instanceof PublicQueryRefusal) throw refusedPublicQuery(error);
      throw error;
    }
    const visible = getService(strapi, 'public-access').visibleRows(context.uid);
    if (visible) params.filters = params.filters ? { $and: [params.filters, visible] } : visible;
    return next();
  };

  /**
   * A public list's total: Strapi counts every match on every request, which at 100,000 documents
   * costs more than reading the page itself. It is counted once per content state for each question
   * (all pages, sorts and field choices of one list share it) and again after any committed change.
   * Innermost, so it keeps exactly what the repository would count after every other middleware.
   */
  const rememberPublicCounts: Middleware = async (context, next) => {
    if (context.action !== 'count' || !readsAsPublic()) return next();
    const counted = Object.entries(context.params ?? {}).filter(([name]) => !NOT_COUNTED.has(name));
    const key = jsonKey([context.uid, Object.fromEntries(counted)]);
    // next() is typed as the union of every action's result; a count's is what the memo keeps.
    type Counted = Awaited<ReturnType<typeof next>>;
    return key ? getService(strapi, 'response-cache').forContentState(`count:${key}`, next as () => Promise<Counted>) : next();
  };

  /**
   * Publishing passes the gate (and is written to the ledger, as is every refusal and unpublish).
   * Registered after the catalogue rules, so it sees normalized data.
   */
  const guardPublication: Middleware = async (context, next) => {
    const { uid, action } = context;
    if (!GATED_TYPES.has(uid)) return next();
    const params = context.params as any;
    const gate = getService(strapi, 'publication-gate');
    const publishes = action === 'publish' || ((action === 'create' || action === 'update') && params.status === 'published');
    // Strapi's controller takes any object for `data`, an array included: that is no item to check,
    // and its refusal is no attempt to publish one for the ledger to record.
    if (publishes && action !== 'publish' && params.data !== undefined && !isPlainData(params.data)) throw malformedData();
    if (publishes) return gate.guard(uid, action, params, next);
    if (action === 'unpublish') return gate.recordUnpublish(uid, params, next);
    return next();
  };

  /**
   * 保密审查 is recorded by a reviewer (POST /disclosure/reviews takes who and when from the session):
   * an admin without that permission cannot type one into the content manager's form, only keep the
   * one recorded. API tokens and code are trusted systems (imports, syndication) and pass.
   */
  const keepReviewsToReviewers: Middleware = async (context, next) => {
    const { uid, action } = context;
    const params = context.params as any;
    if (!GATED_TYPES.has(uid) || (action !== 'create' && action !== 'update') || !params.data || !('confidentialityReview' in params.data)) return next();
    const admin = adminRequest(strapi);
    if (!admin || admin.ability?.can(REVIEW_ACTION)) return next();
    const current =
      action === 'update' && params.documentId
        ? (
            await strapi.db.query(uid).findOne({
              where: { documentId: params.documentId, publishedAt: null, ...(params.locale ? { locale: params.locale } : {}) },
              populate: { confidentialityReview: true },
            })
          )?.confidentialityReview
        : null;
    if (sameReview(current, params.data.confidentialityReview)) return next();
    throw new errors.PolicyError(
      '保密审查须由审核人在“记录保密审查”中记录，编辑不能填写或修改 (the confidentiality review is recorded by a reviewer, not typed in by the author)'
    );
  };

  /**
   * The content manager checks a role's organization condition on the item as stored, not on what a
   * write makes of it: an editor could create an item for another county, or move its own there. The
   * organization an admin write gives an item must pass the same condition.
   */
  const keepWritesInScope: Middleware = async (context, next) => {
    const { uid, action } = context;
    const field = ORGANIZATION_FIELD[uid];
    const params = context.params as any;
    // The zh-Hant copy follows the zh-Hans write, which was checked.
    if (!field || (action !== 'create' && action !== 'update') || !params.data || getService(strapi, 'conversion').syncing()) return next();
    const ability = adminRequest(strapi)?.ability;
    const target = singleRelationTarget(params.data[field]);
    if (!ability || !target) return next();
    const organization = await strapi.db.query(CONTENT_TYPES.organization).findOne({ where: target, select: ['documentId'] });
    if (!getService(strapi, 'organization-roles').permits(ability, action, uid, { organization: organization?.documentId ?? null, locale: params.locale ?? SOURCE_LOCALE })) {
      throw new errors.PolicyError('只能为本机构（或下级机构）起草和修改条目 (you may only write items of your own organization, or those below it)');
    }
    return next();
  };

  /**
   * Outermost: a refusal is written to the ledger after every transaction around the attempt has
   * rolled back (inside one, the record would roll back with it).
   */
  const recordRefusals: Middleware = async (context, next) => {
    try {
      return await next();
    } catch (error: any) {
      if (error?.ledgerEntry && !error.ledgerRecorded && !strapi.db.inTransaction()) {
        error.ledgerRecorded = true;
        await getService(strapi, 'ledger').record(error.ledgerEntry);
      }
      throw error;
    }
  };

  /**
   * Syndication outbox: a published change of a syndicated item (policy documents) is written as an
   * event, with a delivery per subscriber, in the same transaction as the change and after its zh-Hant
   * copy (registered outside the sync), so the event carries both locales. The copy's own writes,
   * made by the sync, are not events of their own.
   */
  const recordSyndicationEvents: Middleware = async (context, next) => {
    const { uid, action } = context;
    if (!SYNDICATED_TYPES.has(uid) || getService(strapi, 'conversion').syncing()) return next();
    const params = context.params as any;
    const happened =
      action === 'publish' || ((action === 'create' || action === 'update') && params.status === 'published')
        ? 'publish'
        : action === 'unpublish' || action === 'delete'
          ? action
          : null;
    if (!happened || (params.locale && params.locale !== SOURCE_LOCALE)) return next();
    return strapi.db.transaction(async () => {
      const result: any = await next();
      const documentId = params.documentId ?? result?.documentId;
      if (documentId) {
        await getService(strapi, 'syndication').recordChange(uid, happened, documentId);
        // A held reprint published here: its source gets a receipt.
        if (happened === 'publish') await getService(strapi, 'syndication-inbox').onLocalPublish(documentId);
      }
      return result;
    });
  };

  /** The ledger only grows: no update or delete through any API. */
  const keepLedgerAppendOnly: Middleware = async (context, next) => {
    if ((context.uid as string) === LEDGER_UID && ['update', 'delete', 'publish', 'unpublish', 'discardDraft'].includes(context.action)) {
      throw new errors.ForbiddenError('发布台账只能追加，不能修改或删除 (the disclosure ledger is append-only)');
    }
    return next();
  };

  /**
   * Every write to a tracked item recomputes its deadline records in the same transaction, so the
   * records never disagree with the item.
   */
  const trackDeadlines: Middleware = async (context, next) => {
    const deadlines = getService(strapi, 'deadlines');
    // Records are per document: a zh-Hant copy written by the sync changes none of their inputs, which
    // the zh-Hans write it follows has just recomputed. Deleting the copy does: the document is gone.
    const copyOnly = getService(strapi, 'conversion').syncing() && context.action !== 'delete';
    if (!WRITE_ACTIONS.has(context.action) || !deadlines.tracks(context.uid) || copyOnly) {
      return next();
    }
    return strapi.db.transaction(async () => {
      const result: any = await next();
      const documentId = (context.params as any).documentId ?? result?.documentId;
      if (documentId) await deadlines.refresh(context.uid, documentId);
      return result;
    });
  };

  /**
   * zh-Hans is the source: creating, updating, publishing, unpublishing or deleting it does the same
   * to zh-Hant, converted, in the same transaction. An editor's own zh-Hant edit locks the fields it
   * changed.
   */
  const syncTraditional: Middleware = async (context, next) => {
    const conversion = getService(strapi, 'conversion');
    const { uid, action } = context;
    if (!isAppContentType(uid) || !conversion.isLocalized(uid) || conversion.syncing()) return next();
    const params = context.params as any;
    const locale = params.locale ?? SOURCE_LOCALE;

    if (locale === TARGET_LOCALE && action === 'update') {
      const result = await next();
      if (params.documentId && params.data) await conversion.lockEditedFields(uid, params.documentId, params.data);
      return result;
    }
    if (locale !== SOURCE_LOCALE || !['create', 'update', 'publish', 'unpublish', 'delete'].includes(action)) return next();

    return strapi.db.transaction(async () => {
      const result: any = await next();
      const documentId = params.documentId ?? result?.documentId;
      if (!documentId) return result;
      if (action === 'unpublish') await conversion.unpublishTraditional(uid, documentId);
      else if (action === 'delete') await conversion.deleteTraditional(uid, documentId);
      else await conversion.syncDocument(uid, documentId, { publish: action === 'publish' || params.status === 'published' });
      return result;
    });
  };

  return {
    keepReviewsToReviewers,
    keepWritesInScope,
    recordRefusals,
    applyCatalogueRules,
    restrictPublicReads,
    rememberPublicCounts,
    guardPublication,
    keepLedgerAppendOnly,
    recordSyndicationEvents,
    trackDeadlines,
    syncTraditional,
  };
};

const REFUSAL_MESSAGES: Record<RefusalReason, (path: string) => string> = {
  private: (path) => `${path} 是非公开字段，公开接口不能查询、排序或展开 (${path} is not public)`,
  'not-public': (path) => `${path} 指向不公开的内容，公开接口不能读取 (${path} leads to content that is not public)`,
  morph: (path) => `${path}：文件的引用关系不能通过公开接口读取 (a file's references cannot be read through the public API)`,
  'sort-through-relation': (path) =>
    `${path}：公开接口只能按本类内容自身的字段排序 (public reads sort by the type's own fields only)`,
  'relation-operator': (path) =>
    `${path}：按关联筛选时须指明其字段，如 [documentId][$eq] (filter a relation by one of its fields, e.g. [documentId][$eq])`,
  'negated-relation': (path) =>
    `${path}：公开接口不能在 $not 中按关联筛选 (a relation cannot be filtered inside $not in public reads)`,
  unknown: (path) => `${path} 不是可公开读取的字段 (${path} is not a public field)`,
};

/** A public query refused by its path: a 400 naming the parameter, in Chinese with English beside. */
const refusedPublicQuery = (refusal: PublicQueryRefusal) =>
  new errors.ValidationError(REFUSAL_MESSAGES[refusal.reason](refusal.path), { path: refusal.path, reason: refusal.reason });

/** A write's `data` as the document service takes it: an object, not an array (nor null, nor a scalar). */
const isPlainData = (data: unknown): boolean => typeof data === 'object' && data !== null && !Array.isArray(data);

const malformedData = () =>
  new errors.ValidationError('请求内容中的 data 须为对象，列出各字段的值 (data must be an object of field values)', { path: ['data'] });

/** Two reviews say the same (empty fields count as absent; times compared as instants). */
function sameReview(stored: any, written: any): boolean {
  const fields = (review: any) => {
    const value = (name: string) => (review?.[name] === '' || review?.[name] === undefined ? null : review[name]);
    const at = value('reviewedAt');
    return JSON.stringify([value('reviewer'), at === null ? null : new Date(at).getTime(), value('conclusion'), value('note')]);
  };
  return fields(stored) === fields(written);
}
