import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  CONTENT_TYPES,
  RECORD_UID,
  SOURCE_LOCALE,
  UPLOAD_FILE_UID,
} from '../../../../shared/constants';
import {
  altTextRefusal,
  checkDocumentPublication,
  checkInterpretationPublication,
  checkItemPublication,
  gateChecklist,
  personalDataRefusal,
  type GateItem,
  type GateRefusal,
  type GateRule,
  type MediaFile,
} from '../rules/publication-gate';
import { singleRelationTarget } from '../../utils/relations';
import { withMarkOf } from '../../conversion/rules/traditional-copy';
import type { LedgerRecord } from './ledger';
import { getService } from '../../utils/get-service';
import { getConfig } from '../../utils/get-config';
import { resultDocumentId, type DocumentParams } from '../../utils/capability';

type Params = Pick<DocumentParams, 'documentId' | 'locale' | 'status' | 'data'>;

/**
 * An item as the gate reads it: the stored draft (with what `populateFor` adds), with a write's data
 * on top; relations as stored ({ id, code }, { id, documentId }) or as written (in whichever form the
 * document service takes).
 */
export interface ItemToPublish extends GateItem {
  documentId?: string;
  title?: string | null;
  issuingOrganization?: unknown;
  sourceDocument?: unknown;
  media?: unknown;
  personalDataRemovedBy?: string | null;
  personalDataRemovedAt?: string | Date | null;
  [field: string]: unknown;
}

/** What the gate populates: a relation whole, or some of its columns. */
export type GatePopulate = Record<string, true | { select: string[] }>;

/** A media field's entry: a file as stored (with its mime type), or a file given by id. */
type MediaEntry = (MediaFile & { id?: number }) | number | string;

/** The content types that pass the gate before publication. */
export const GATED_TYPES = new Set<string>([
  CONTENT_TYPES.policyDocument,
  CONTENT_TYPES.interpretation,
  CONTENT_TYPES.consultation,
  CONTENT_TYPES.pressRelease,
  CONTENT_TYPES.annualReport,
  CONTENT_TYPES.publicAnswer,
]);

/** Types whose images need alternative text before publishing (图解, press photos). */
const ILLUSTRATED_TYPES = new Set<string>([
  CONTENT_TYPES.interpretation,
  CONTENT_TYPES.pressRelease,
]);

const REVIEW = { confidentialityReview: true } as const;

/** The rules each gated type answers to, in the order the edit view's checklist lists them. */
const RULES_BY_TYPE: Record<string, GateRule[]> = {
  [CONTENT_TYPES.policyDocument]: [
    'disclosure-attribute',
    'confidentiality-review',
    'interpretation-required',
  ],
  [CONTENT_TYPES.interpretation]: [
    'confidentiality-review',
    'interpretation-after-document',
    'image-alt-text',
  ],
  [CONTENT_TYPES.consultation]: ['confidentiality-review'],
  [CONTENT_TYPES.pressRelease]: ['confidentiality-review', 'image-alt-text'],
  // The tables' checks are the report's own middleware (reports/document-middlewares), run before this gate.
  [CONTENT_TYPES.annualReport]: ['confidentiality-review'],
  // A question and reply from the mailbox: reviewed as any publication, and cleared of the writer's data.
  [CONTENT_TYPES.publicAnswer]: ['personal-data-removed', 'confidentiality-review'],
};

export interface GateConfig {
  requireInterpretationForNormative: boolean;
  /** Organization codes exempt from the interpretation rule */
  interpretationExemptOrganizations: string[];
}

/**
 * The Strapi side of the gate: gathers what the rules need (the draft, its review, its
 * interpretations or its document), refuses with a 400 that lists every reason, and publishes a
 * document's ready interpretations in the same transaction (同步发布).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => getService(strapi, 'ledger');
  const config = (): GateConfig => getConfig(strapi).publicationGate;

  const draftOf = (
    uid: string,
    documentId: string,
    populate: GatePopulate = REVIEW
  ): Promise<ItemToPublish | null> =>
    strapi.db.query(uid).findOne({ where: { documentId, publishedAt: null }, populate });

  const isPublished = async (uid: string, documentId: string) =>
    (await strapi.db.query(uid).count({ where: { documentId, publishedAt: { $notNull: true } } })) >
    0;

  /** The item as it will be published: the stored draft with this call's changes on top. */
  const itemToPublish = async (
    uid: string,
    action: string,
    params: Params,
    populate?: GatePopulate
  ): Promise<ItemToPublish | null> => {
    const stored =
      action === 'create' || !params.documentId
        ? null
        : await draftOf(uid, params.documentId, populate);
    if (action !== 'create' && !stored) return null;
    return { ...(stored ?? {}), ...(action === 'publish' ? {} : (params.data ?? {})) };
  };

  const planDocument = async (item: ItemToPublish, documentId: string | undefined) => {
    const drafts: Array<GateItem & { documentId: string }> = documentId
      ? await strapi.db.query(CONTENT_TYPES.interpretation).findMany({
          where: { sourceDocument: { documentId }, publishedAt: null },
          populate: REVIEW,
        })
      : [];
    const ready = drafts.filter((draft) => checkItemPublication(draft).length === 0);
    const publishedAlready = documentId
      ? await strapi.db.query(CONTENT_TYPES.interpretation).count({
          where: { sourceDocument: { documentId }, publishedAt: { $notNull: true } },
        })
      : 0;
    const { requireInterpretationForNormative, interpretationExemptOrganizations } = config();
    const issuer = await issuerCode(item);
    // A reprint (转载) follows its source, which published it with its interpretation.
    const reprint = documentId
      ? (await strapi.db.query(RECORD_UID).count({ where: { localDocumentId: documentId } })) > 0
      : false;
    const refusals = checkDocumentPublication(item, {
      readyInterpretations: ready.length + publishedAlready,
      requireInterpretation:
        requireInterpretationForNormative &&
        !reprint &&
        !interpretationExemptOrganizations.includes(issuer ?? ''),
    });
    return { refusals, cascade: [...new Set(ready.map((draft) => draft.documentId))] };
  };

  /** The files of a media field as stored, or as given by id in this call's data. */
  const mediaFiles = async (media: unknown): Promise<MediaFile[]> => {
    const list = (Array.isArray(media) ? media : media ? [media] : []) as MediaEntry[];
    const ids = list
      .map((entry) =>
        typeof entry === 'object' && entry !== null
          ? entry.mime === undefined
            ? entry.id
            : null
          : entry
      )
      .filter((id) => id != null);
    const stored = list.filter(
      (entry): entry is MediaFile =>
        typeof entry === 'object' && entry !== null && entry.mime !== undefined
    );
    const given: MediaFile[] = ids.length
      ? await strapi.db
          .query(UPLOAD_FILE_UID)
          .findMany({ where: { id: { $in: ids } }, select: ['name', 'mime', 'alternativeText'] })
      : [];
    return [...stored, ...given];
  };

  const issuerCode = async (item: ItemToPublish): Promise<string | null> => {
    const target = singleRelationTarget(item.issuingOrganization);
    if (!target) return null;
    const issuer = await strapi.db
      .query(CONTENT_TYPES.organization)
      .findOne({ where: target, select: ['code'] });
    return issuer?.code ?? null;
  };

  const planInterpretation = async (item: ItemToPublish) => {
    const target = singleRelationTarget(item.sourceDocument);
    const source = target
      ? await strapi.db
          .query(CONTENT_TYPES.policyDocument)
          .findOne({ where: target, select: ['documentId'] })
      : null;
    const published = source
      ? await isPublished(CONTENT_TYPES.policyDocument, source.documentId)
      : false;
    return {
      refusals: checkInterpretationPublication(item, { exists: Boolean(source), published }),
      cascade: [],
    };
  };

  /** What the gate reads of an item besides its own fields. */
  const populateFor = (uid: string): GatePopulate => ({
    ...(uid === CONTENT_TYPES.policyDocument
      ? { ...REVIEW, issuingOrganization: { select: ['id', 'code'] } }
      : uid === CONTENT_TYPES.interpretation
        ? { ...REVIEW, sourceDocument: { select: ['id', 'documentId'] } }
        : REVIEW),
    ...(ILLUSTRATED_TYPES.has(uid)
      ? { media: { select: ['id', 'name', 'mime', 'alternativeText'] } }
      : {}),
  });

  /** Every refusal publishing the item would meet, and the interpretations that would go out with it. */
  const planFor = async (uid: string, item: ItemToPublish, documentId: string | undefined) => {
    const plan =
      uid === CONTENT_TYPES.policyDocument
        ? await planDocument(item, documentId)
        : uid === CONTENT_TYPES.interpretation
          ? await planInterpretation(item)
          : { refusals: checkItemPublication(item), cascade: [] as string[] };
    if (ILLUSTRATED_TYPES.has(uid)) {
      const refusal = altTextRefusal(await mediaFiles(item.media));
      if (refusal) plan.refusals.push(refusal);
    }
    if (uid === CONTENT_TYPES.publicAnswer) {
      const refusal = personalDataRefusal(item);
      if (refusal) plan.refusals.unshift(refusal);
    }
    return plan;
  };

  /**
   * The refusal carries its ledger entry: it is written by the outermost middleware once every
   * transaction around the attempt has rolled back, so the record of a refusal is never lost with it.
   */
  const refuse = (refusals: GateRefusal[], entry: LedgerRecord): never => {
    const error = new errors.ValidationError(
      refusals.map((refusal) => refusal.message).join('；'),
      {
        errors: refusals.map(({ field, message, rule }) => ({
          path: [field],
          message,
          name: 'ValidationError',
          rule,
        })),
      }
    );
    throw Object.assign(error, { ledgerEntry: entry });
  };

  return {
    /**
     * The checklist of a draft as stored (null when the type is not gated or there is no draft):
     * what publishing it now would need, without trying. The interpretation rule is listed only where
     * it applies (a normative document whose issuer is not exempt).
     */
    async checklist(uid: string, documentId: string) {
      if (!RULES_BY_TYPE[uid]) return null;
      const item: ItemToPublish | null = await strapi.db.query(uid).findOne({
        where: { documentId, publishedAt: null, locale: SOURCE_LOCALE },
        populate: populateFor(uid),
      });
      return item ? this.checklistOf(uid, item) : null;
    },

    /** What the gate reads of an item besides its own fields (nothing, for a type it does not gate), for a caller that reads the draft itself. */
    populateFor: (uid: string): GatePopulate => (RULES_BY_TYPE[uid] ? populateFor(uid) : {}),

    /** The checklist of a draft already read, with at least `populateFor(uid)` populated. */
    async checklistOf(uid: string, item: ItemToPublish) {
      const rules = RULES_BY_TYPE[uid];
      if (!rules) return null;
      const { refusals } = await planFor(uid, item, item.documentId);
      const applicable = rules.filter(
        (rule) =>
          rule !== 'interpretation-required' ||
          (item.isNormative && config().requireInterpretationForNormative)
      );
      return gateChecklist(applicable, refusals);
    },

    /**
     * Runs around a document-service call that publishes: `publish`, or `create`/`update` with
     * status 'published' (which Strapi publishes internally, past the middlewares).
     */
    async guard<Result>(
      uid: string,
      action: string,
      params: Params,
      next: () => Promise<Result>
    ): Promise<Result> {
      const item = await itemToPublish(uid, action, params, populateFor(uid));
      if (!item) return next(); // nothing to publish: the document service answers as it does
      const plan = await planFor(uid, item, params.documentId);

      const locale = Array.isArray(params.locale)
        ? params.locale.join(',')
        : (params.locale ?? null);
      const entry = {
        action: 'publish' as const,
        contentType: uid,
        itemDocumentId: params.documentId ?? null,
        locale,
        // A public answer is named by its subject.
        title: item.title ?? (typeof item.subject === 'string' ? item.subject : null),
      };
      if (plan.refusals.length) {
        refuse(plan.refusals, {
          ...entry,
          outcome: 'refused',
          rules: [...new Set(plan.refusals.map((refusal) => refusal.rule))],
          message: plan.refusals.map((refusal) => refusal.message).join('；'),
        });
      }

      return strapi.db.transaction(async () => {
        const result = await next();
        for (const documentId of plan.cascade) {
          // The zh-Hant copy's cascade is part of the copy.
          await strapi
            .documents(CONTENT_TYPES.interpretation)
            .publish(withMarkOf(params, { documentId, locale: params.locale }));
        }
        await ledger().record({
          ...entry,
          itemDocumentId: entry.itemDocumentId ?? resultDocumentId(result) ?? null,
          outcome: 'allowed',
        });
        return result;
      });
    },

    async recordUnpublish<Result>(
      uid: string,
      params: Params,
      next: () => Promise<Result>
    ): Promise<Result> {
      const result = await next();
      const locale = Array.isArray(params.locale)
        ? params.locale.join(',')
        : (params.locale ?? null);
      await ledger().record({
        action: 'unpublish',
        outcome: 'allowed',
        contentType: uid,
        itemDocumentId: params.documentId ?? null,
        locale,
      });
      return result;
    },
  };
};
