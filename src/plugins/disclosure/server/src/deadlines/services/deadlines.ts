import type { Core } from '@strapi/strapi';
import { DEADLINE_UID } from '../../../../shared/constants';
import { beijingDate } from '../../calendar/rules/beijing-time';
import {
  DEFAULT_DEADLINE_RULES,
  assess,
  computeDue,
  latenessUnitOf,
  lengthFor,
  matchesFilter,
  periodRecordKey,
  valueAt,
  type Due,
  type DeadlineRule,
  type DeadlineStatus,
  type LatenessUnit,
} from '../rules/deadlines';
import { getService } from '../../utils/get-service';
import { getConfig } from '../../utils/get-config';
import { modelOf } from '../../utils/models';
import { documentsOf } from '../../utils/documents';
import { lockWithinTransaction } from '../../utils/transaction-lock';
import type { OrganizationSummary } from '../../../../shared/contracts/compliance';

/** The sweep runs every 10 minutes; auto-publication takes items due before the next one. */
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/** A deadline record as stored (plugin::disclosure.deadline); its organization as populated, when it is. */
export interface DeadlineRecord<Organization = OrganizationSummary> {
  id: number;
  rule: string;
  contentType: string;
  itemDocumentId: string;
  title: string | null;
  organization?: Organization | null;
  startAt: string;
  dueAt: string;
  dueDate: string | null;
  status: DeadlineStatus;
  atRisk: boolean;
  metAt: string | null;
  lateness: number | null;
  latenessUnit: LatenessUnit | null;
  calendarComplete: boolean | null;
  missingYears: number[] | null;
}

/** A tracked item as read for its rules: the fields they name, and what they populate. */
type TrackedItem = Record<string, unknown> & {
  title?: string | null;
  urgent?: boolean | null;
  publishedAt?: string | null;
};

/**
 * Deadline records: one per tracked item and rule, recomputed whenever the item changes, and moved
 * along by the sweep as time passes. All computation is in rules/deadlines; this is storage.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const now = (): Date => getService(strapi, 'clock').now();
  const calendar = () => getService(strapi, 'calendar').get();
  const rules = (): DeadlineRule[] => getConfig(strapi).deadlineRules ?? DEFAULT_DEADLINE_RULES;
  const records = () => strapi.db.query(DEADLINE_UID);

  const rulesFor = (uid: string) => rules().filter((rule) => rule.contentType === uid);

  const populateFor = (applicable: DeadlineRule[]) => {
    const populate: Record<string, unknown> = {};
    for (const rule of applicable) {
      if (rule.organizationField)
        populate[rule.organizationField] = { select: ['id', 'code', 'documentId'] };
      for (const path of [rule.startField, rule.metBy]) {
        const [head, ...rest] = path.split('.');
        if (rest.length) populate[head] = true;
      }
    }
    return populate;
  };

  /** A period rule's record key for an item: its organization's documentId, year and half; null while one is missing. */
  const periodKeyOf = (rule: DeadlineRule, item: TrackedItem): string | null => {
    if (!rule.period || !rule.organizationField) return null;
    const organization = valueAt(item, rule.organizationField) as
      { documentId?: string } | null | undefined;
    const year = Number(valueAt(item, rule.period.yearField));
    const half = rule.period.halfField
      ? Number(valueAt(item, rule.period.halfField)) || null
      : null;
    return organization?.documentId && Number.isInteger(year)
      ? periodRecordKey(organization.documentId, year, half)
      : null;
  };

  /** A period's record is written by the item's write and by the sweep that opens it: one at a time. */
  const lockPeriod = (rule: DeadlineRule, key: string) =>
    lockWithinTransaction(strapi, `disclosure-deadline:${rule.id}:${key}`);

  const dueOf = (record: DeadlineRecord<unknown>): Due => ({
    startAt: new Date(record.startAt),
    dueAt: new Date(record.dueAt),
    dueDate: record.dueDate ?? null,
    calendarComplete: record.calendarComplete !== false,
    missingYears: record.missingYears ?? [],
  });

  const service = {
    rules,

    /**
     * The itemDocumentIds an item's records are kept under: its documentId, and for period rules the
     * key of the period it reports on (its organization, year and half).
     */
    async recordKeysOf(uid: string, documentId: string): Promise<string[]> {
      const periodic = rulesFor(uid).filter((rule) => rule.period);
      if (!periodic.length) return [documentId];
      const item: TrackedItem | null = await strapi.db
        .query(uid)
        .findOne({ where: { documentId }, populate: populateFor(periodic) });
      const keys = item ? periodic.map((rule) => periodKeyOf(rule, item)) : [];
      return [...new Set([documentId, ...keys.filter((key): key is string => key !== null)])];
    },

    tracks(uid: string): boolean {
      return rulesFor(uid).length > 0;
    },

    /** Rules name real content types and fields; checked at start-up so a typo stops the boot. */
    assertRulesFit() {
      const problems: string[] = [];
      for (const rule of rules()) {
        const model = strapi.contentTypes[rule.contentType as keyof typeof strapi.contentTypes];
        if (!model) {
          problems.push(`${rule.id}: no content type ${rule.contentType}`);
          continue;
        }
        for (const path of [
          rule.startField,
          rule.metBy === 'published' ? null : rule.metBy,
          rule.organizationField,
          rule.titleField,
          rule.period?.yearField,
          rule.period?.halfField,
        ]) {
          if (path && !(model.attributes as Record<string, unknown>)[path.split('.')[0]])
            problems.push(`${rule.id}: ${rule.contentType} has no field ${path}`);
        }
      }
      if (problems.length)
        throw new Error(
          `disclosure: deadline rules do not fit the content model:\n  ${problems.join('\n  ')}`
        );
    },

    /** Recomputes the records of one item (all rules for its type), or removes them once it is gone. */
    async refresh(uid: string, documentId: string) {
      const applicable = rulesFor(uid);
      if (!applicable.length) return;
      const model = modelOf(strapi, uid);
      const hasDraftAndPublish = Boolean(model.options?.draftAndPublish);
      const populate = populateFor(applicable);
      const [draft, published]: Array<TrackedItem | null> = await Promise.all([
        strapi.db.query(uid).findOne({
          where: { documentId, ...(hasDraftAndPublish ? { publishedAt: null } : {}) },
          populate,
        }),
        strapi.db.query(uid).findOne({
          where: { documentId, publishedAt: { $notNull: true } },
          populate,
          orderBy: { publishedAt: 'asc' },
        }),
      ]);
      const item = draft ?? published;
      const existing: DeadlineRecord[] = await records().findMany({
        where: { contentType: uid, itemDocumentId: documentId },
      });
      const current = await calendar();
      const at = now();
      const trackingStartsOn = getConfig(strapi).deadlineTrackingStartsOn;

      for (const rule of applicable) {
        // A period rule's record is the period's, found by the item's organization and period.
        const key = rule.period && item ? periodKeyOf(rule, item) : null;
        if (key) await lockPeriod(rule, key);
        const record: DeadlineRecord | undefined = rule.period
          ? key
            ? ((await records().findOne({
                where: { rule: rule.id, contentType: uid, itemDocumentId: key },
              })) ?? undefined)
            : undefined
          : existing.find((candidate) => candidate.rule === rule.id);
        // A date or datetime field, as the rules are checked to name.
        const start = (item ? valueAt(item, rule.startField) : null) as
          string | Date | null | undefined;
        const organizationCode = rule.organizationField
          ? (valueAt(item, rule.organizationField) as { code?: string } | null | undefined)?.code
          : undefined;
        const length = lengthFor(rule, organizationCode, Boolean(item?.urgent));
        const due = start ? computeDue(length, start, current) : null;
        const archive =
          due && trackingStartsOn ? beijingDate(due.startAt) < trackingStartsOn : false;
        if (!item || !due || archive || !matchesFilter(item, rule.filter)) {
          // A period's record stays: the period still owes its report.
          if (record && !rule.period) await records().delete({ where: { id: record.id } });
          continue;
        }
        // Publication meets a deadline once; a later unpublish or republish does not move it.
        const metValue = (
          rule.metBy === 'published'
            ? (record?.metAt ?? published?.publishedAt)
            : valueAt(item, rule.metBy)
        ) as string | Date | null | undefined;
        const metAt = metValue ? new Date(metValue) : null;
        const assessment = assess(due, latenessUnitOf(length), metAt, at, current);
        const data = {
          rule: rule.id,
          contentType: uid,
          itemDocumentId: key ?? documentId,
          title: (valueAt(item, rule.titleField ?? 'title') as string | null | undefined) ?? null,
          organization: rule.organizationField
            ? ((valueAt(item, rule.organizationField) as { id?: number } | null | undefined)?.id ??
              null)
            : null,
          startAt: due.startAt,
          dueAt: due.dueAt,
          dueDate: due.dueDate,
          metAt,
          calendarComplete: due.calendarComplete,
          missingYears: due.missingYears,
          ...assessment,
        };
        if (record) await records().update({ where: { id: record.id }, data });
        else await records().create({ data });
      }
      const retired = existing.filter(
        (record) => !applicable.some((rule) => rule.id === record.rule)
      );
      if (retired.length)
        await records().deleteMany({ where: { id: { $in: retired.map((record) => record.id) } } });
    },

    /**
     * Opens a period rule's record for an organization whose period has ended, when none exists (no
     * report written yet): due on `dueDate` (a Beijing date, same-day), titled for the dashboard.
     * Answers whether it opened one; an item written later for that period takes the record over.
     */
    async openPeriod(
      rule: DeadlineRule,
      opening: {
        organization: { id: number; documentId: string };
        year: number;
        half?: number | null;
        dueDate: string;
        title: string;
      }
    ): Promise<boolean> {
      if (!rule.period) throw new Error(`${rule.id} is not a period rule`);
      const key = periodRecordKey(opening.organization.documentId, opening.year, opening.half);
      const trackingStartsOn = getConfig(strapi).deadlineTrackingStartsOn;
      if (trackingStartsOn && opening.dueDate < trackingStartsOn) return false;
      const current = await calendar();
      return strapi.db.transaction(async () => {
        await lockPeriod(rule, key);
        const found = await records().count({
          where: { rule: rule.id, contentType: rule.contentType, itemDocumentId: key },
        });
        if (found) return false;
        const due = computeDue(rule.length, opening.dueDate, current);
        await records().create({
          data: {
            rule: rule.id,
            contentType: rule.contentType,
            itemDocumentId: key,
            title: opening.title,
            organization: opening.organization.id,
            startAt: due.startAt,
            dueAt: due.dueAt,
            dueDate: due.dueDate,
            metAt: null,
            calendarComplete: due.calendarComplete,
            missingYears: due.missingYears,
            ...assess(due, latenessUnitOf(rule.length), null, now(), current),
          },
        });
        return true;
      });
    },

    /**
     * Moves pending records to at-risk or overdue as time passes, and, where an office enables
     * `autoPublishAtDeadline`, publishes items that pass the gate but were left unpublished as their
     * deadline arrives. Returns what it changed.
     */
    async sweep(at: Date = now()) {
      const current = await calendar();
      const rulesById = new Map(rules().map((rule) => [rule.id, rule]));
      const open: Array<DeadlineRecord<{ code: string }>> = await records().findMany({
        where: { status: 'pending' },
        populate: { organization: { select: ['code'] } },
      });
      const autoPublish = getConfig(strapi).autoPublishAtDeadline;
      let updated = 0;
      const published: string[] = [];

      for (const record of open) {
        const rule = rulesById.get(record.rule);
        if (!rule) continue;
        const code = record.organization?.code;
        const enabled =
          autoPublish === true ||
          (Array.isArray(autoPublish) && code !== undefined && autoPublish.includes(code));
        if (
          enabled &&
          rule.metBy === 'published' &&
          !rule.period &&
          new Date(record.dueAt).getTime() - at.getTime() <= SWEEP_INTERVAL_MS
        ) {
          try {
            await documentsOf(strapi, record.contentType).publish({
              documentId: record.itemDocumentId,
            });
            published.push(record.itemDocumentId);
            continue; // publishing refreshed the record
          } catch (error) {
            // The gate refused (and wrote the ledger): the item stays for an editor.
            strapi.log.info(
              `disclosure: not auto-publishing ${record.itemDocumentId}: ${(error as Error).message}`
            );
          }
        }
        const assessment = assess(
          dueOf(record),
          record.latenessUnit ?? latenessUnitOf(rule.length),
          null,
          at,
          current
        );
        if (assessment.status !== record.status || assessment.atRisk !== record.atRisk) {
          await records().update({ where: { id: record.id }, data: assessment });
          updated += 1;
        }
      }
      return { checked: open.length, updated, published };
    },
  };
  return service;
};
