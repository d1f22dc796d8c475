import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ItemDeadline, ItemStatus } from '../../../../shared/contracts/item-status';
import {
  DEADLINE_UID,
  REVIEW_ACTION,
  SOURCE_LOCALE,
  TARGET_LOCALE,
} from '../../../../shared/constants';
import { ORGANIZATION_FIELD } from '../../../../shared/constants';
import { SYNDICATED_TYPES } from '../../syndication/services/syndication';
import { getService } from '../../utils/get-service';
import { modelOf } from '../../utils/models';
import type { AdminAbility } from '../../utils/request-state';
import type { DeadlineRecord } from '../../deadlines/services/deadlines';
import type { ItemToPublish } from '../../publication/services/publication-gate';

/** A relation's populate: every column, or some. */
type RelationPopulate = true | { select?: string[]; [option: string]: unknown };

/** The draft as the panel reads it: what the gate reads, its author, its review and organization. */
interface PanelDraft extends ItemToPublish {
  createdBy?: { id: number } | null;
  topic?: string | null;
  summary?: string | null;
  confidentialityReview?: {
    reviewer?: string | null;
    reviewedAt?: string | null;
    conclusion?: string | null;
    note?: string | null;
  } | null;
}

/**
 * What the edit view's side panel shows of one item: its deadlines, the publication gate's checklist,
 * the confidentiality review, syndication receipts and the Traditional preview. Read for an admin
 * account that may read the item in the content manager (the same permission and conditions).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const deadlinesOf = async (uid: string, documentId: string): Promise<ItemDeadline[]> => {
    const rules = new Map(
      getService(strapi, 'deadlines')
        .rules()
        .map((rule) => [rule.id, rule])
    );
    const records: Array<DeadlineRecord<never>> = await strapi.db.query(DEADLINE_UID).findMany({
      // An annual report's deadline is its period's record, kept under the period's key.
      where: {
        contentType: uid,
        itemDocumentId: {
          $in: await getService(strapi, 'deadlines').recordKeysOf(uid, documentId),
        },
      },
      orderBy: { dueAt: 'asc' },
    });
    return records.map((record) => ({
      rule: record.rule,
      label: rules.get(record.rule)?.label ?? null,
      source: rules.get(record.rule)?.source ?? null,
      status: record.status,
      atRisk: Boolean(record.atRisk),
      dueAt: new Date(record.dueAt).toISOString(),
      dueDate: record.dueDate ?? null,
      metAt: record.metAt ? new Date(record.metAt).toISOString() : null,
      lateness: record.lateness ?? null,
      latenessUnit: record.latenessUnit ?? null,
    }));
  };

  /** A relation's populate that also selects `column` (the gate may already populate it with columns of its own). */
  const withColumn = (populate: RelationPopulate | undefined, column: string): RelationPopulate =>
    populate === true
      ? true
      : { ...(populate ?? {}), select: [...new Set([...(populate?.select ?? []), column])] };

  const converted = async (text: unknown): Promise<string | null> =>
    typeof text === 'string' && text
      ? ((await getService(strapi, 'conversion').convertValue(
          text,
          SOURCE_LOCALE,
          TARGET_LOCALE
        )) as string)
      : null;

  return {
    /** null when the item has no zh-Hans version; 403 when the account may not read it. */
    async of(
      uid: string,
      documentId: string,
      user: { id: number },
      ability: AdminAbility | null | undefined
    ): Promise<ItemStatus | null> {
      const model = modelOf(strapi, uid);
      const field = ORGANIZATION_FIELD[uid];
      const hasReview = Boolean(model.attributes.confidentialityReview);
      // One read of the draft serves the panel and the gate's checklist.
      const gate = getService(strapi, 'publication-gate');
      const populate: Record<string, RelationPopulate> = {
        ...gate.populateFor(uid),
        createdBy: { select: ['id'] },
      };
      if (hasReview) populate.confidentialityReview = true;
      if (field) populate[field] = withColumn(populate[field], 'documentId');
      const draft: PanelDraft | null = await strapi.db.query(uid).findOne({
        where: {
          documentId,
          locale: SOURCE_LOCALE,
          ...(model.options?.draftAndPublish ? { publishedAt: null } : {}),
        },
        populate,
      });
      if (!draft) return null;
      const organization = field
        ? ((draft[field] as { documentId?: string } | null | undefined)?.documentId ?? null)
        : undefined;
      if (
        !getService(strapi, 'organization-roles').permits(ability, 'read', uid, {
          organization,
          locale: SOURCE_LOCALE,
        })
      ) {
        throw new errors.PolicyError('无权查看该条目 (you may not read this item)');
      }

      const checks = await gate.checklistOf(uid, draft);
      const published =
        (await strapi.db
          .query(uid)
          .count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
      const review = hasReview ? (draft.confidentialityReview ?? null) : null;
      const syndication = SYNDICATED_TYPES.has(uid)
        ? ((await getService(strapi, 'syndication').status(documentId))?.subscribers ?? [])
        : [];
      const title = draft.title ?? draft.topic ?? null;
      return {
        contentType: uid,
        documentId,
        published,
        deadlines: await deadlinesOf(uid, documentId),
        gate: checks ? { ready: checks.every((check) => check.passed), checks } : null,
        review: review && {
          reviewer: review.reviewer ?? null,
          reviewedAt: review.reviewedAt ? new Date(review.reviewedAt).toISOString() : null,
          conclusion: review.conclusion ?? null,
          note: review.note ?? null,
        },
        canReview:
          hasReview && Boolean(ability?.can(REVIEW_ACTION)) && draft.createdBy?.id !== user.id,
        syndication,
        preview: {
          title: { hans: title, hant: await converted(title) },
          summary: { hans: draft.summary ?? null, hant: await converted(draft.summary) },
        },
      };
    },
  };
};
