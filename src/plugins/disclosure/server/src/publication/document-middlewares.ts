import { errors } from '@strapi/utils';
import { LEDGER_UID, REVIEW_ACTION } from '../../../shared/constants';
import { adminRequest } from '../utils/admin-request';
import { paramsOf, type DocumentMiddlewareFactory, type DocumentResult } from '../utils/capability';
import type { LedgerRecord } from './services/ledger';
import { getService } from '../utils/get-service';
import { GATED_TYPES } from './services/publication-gate';

const LEDGER_CHANGES = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Outermost: a refusal is written to the ledger after every transaction around the attempt has
 * rolled back (inside one, the record would roll back with it).
 */
export const recordRefusals: DocumentMiddlewareFactory = (strapi) => async (_context, next) => {
  try {
    return await next();
  } catch (error) {
    // A refusal of the publication gate carries its ledger entry (services/publication-gate).
    const refusal = error as
      { ledgerEntry?: LedgerRecord; ledgerRecorded?: boolean } | null | undefined;
    if (refusal?.ledgerEntry && !refusal.ledgerRecorded && !strapi.db.inTransaction()) {
      refusal.ledgerRecorded = true;
      await getService(strapi, 'ledger').record(refusal.ledgerEntry);
    }
    throw error;
  }
};

/** The ledger only grows: no update or delete through any API. */
export const keepLedgerAppendOnly: DocumentMiddlewareFactory = () => async (context, next) => {
  if ((context.uid as string) === LEDGER_UID && LEDGER_CHANGES.has(context.action)) {
    throw new errors.ForbiddenError(
      '发布台账只能追加，不能修改或删除 (the disclosure ledger is append-only)'
    );
  }
  return next();
};

/**
 * 保密审查 is recorded by a reviewer (POST /disclosure/reviews takes who and when from the session):
 * an admin without that permission cannot type one into the content manager's form, only keep the
 * one recorded. API tokens and code are trusted systems (imports, syndication) and pass.
 */
export const keepReviewsToReviewers: DocumentMiddlewareFactory =
  (strapi) => async (context, next) => {
    const { uid, action } = context;
    const params = paramsOf(context);
    if (
      !GATED_TYPES.has(uid) ||
      (action !== 'create' && action !== 'update') ||
      !params.data ||
      !('confidentialityReview' in params.data)
    )
      return next();
    const admin = adminRequest(strapi);
    if (!admin || admin.ability?.can(REVIEW_ACTION)) return next();
    const current =
      action === 'update' && params.documentId
        ? (
            await strapi.db.query(uid).findOne({
              where: {
                documentId: params.documentId,
                publishedAt: null,
                ...(params.locale ? { locale: params.locale } : {}),
              },
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
 * Publishing passes the gate (and is written to the ledger, as is every refusal and unpublish).
 * Registered after the catalogue rules, so it sees normalized data.
 */
export const guardPublication: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const { uid, action } = context;
  if (!GATED_TYPES.has(uid)) return next();
  const params = paramsOf(context);
  const gate = getService(strapi, 'publication-gate');
  // Awaited by the gate as one promise (Strapi types it as a union of each action's).
  const proceed = next as () => Promise<DocumentResult>;
  const publishes =
    action === 'publish' ||
    ((action === 'create' || action === 'update') && params.status === 'published');
  // Strapi's controller takes any object for `data`, an array included: that is no item to check,
  // and its refusal is no attempt to publish one for the ledger to record.
  if (publishes && action !== 'publish' && params.data !== undefined && !isPlainData(params.data))
    throw malformedData();
  if (publishes) return gate.guard(uid, action, params, proceed);
  if (action === 'unpublish') return gate.recordUnpublish(uid, params, proceed);
  return next();
};

/** A write's `data` as the document service takes it: an object, not an array (nor null, nor a scalar). */
const isPlainData = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && !Array.isArray(data);

const malformedData = () =>
  new errors.ValidationError(
    '请求内容中的 data 须为对象，列出各字段的值 (data must be an object of field values)',
    { path: ['data'] }
  );

/** Two reviews say the same (empty fields count as absent; times compared as instants). */
function sameReview(stored: unknown, written: unknown): boolean {
  const fields = (given: unknown) => {
    const review = given as Record<string, unknown> | null | undefined;
    const value = (name: string) =>
      review?.[name] === '' || review?.[name] === undefined ? null : review[name];
    const at = value('reviewedAt');
    return JSON.stringify([
      value('reviewer'),
      at === null ? null : new Date(at as string).getTime(),
      value('conclusion'),
      value('note'),
    ]);
  };
  return fields(stored) === fields(written);
}
