import type { Core } from '@strapi/strapi';
import { DEADLINE_UID } from '../../../../shared/constants';
import { beijingDate } from '../../calendar/rules/beijing-time';
import {
  DEFAULT_DEADLINE_RULES,
  assess,
  computeDue,
  latenessUnitOf,
  matchesFilter,
  valueAt,
  type Due,
  type DeadlineRule,
} from '../rules/deadlines';
import { getService } from '../../utils/get-service';
import { getConfig } from '../../utils/get-config';

/** The sweep runs every 10 minutes; auto-publication takes items due before the next one. */
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

type Record_ = Record<string, any>;

/**
 * Deadline records: one per tracked item and rule, recomputed whenever the item changes, and moved
 * along by the sweep as time passes. All computation is in domain/deadlines; this is storage.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const now = (): Date => getService(strapi, 'clock').now();
  const calendar = () => getService(strapi, 'calendar').get();
  const rules = (): DeadlineRule[] =>
    getConfig(strapi).deadlineRules ?? DEFAULT_DEADLINE_RULES;
  const records = () => strapi.db.query(DEADLINE_UID as any);

  const rulesFor = (uid: string) => rules().filter((rule) => rule.contentType === uid);

  const populateFor = (applicable: DeadlineRule[]) => {
    const populate: Record_ = {};
    for (const rule of applicable) {
      if (rule.organizationField) populate[rule.organizationField] = { select: ['id', 'code'] };
      for (const path of [rule.startField, rule.metBy]) {
        const [head, ...rest] = path.split('.');
        if (rest.length) populate[head] = true;
      }
    }
    return populate;
  };

  const dueOf = (record: Record_): Due => ({
    startAt: new Date(record.startAt),
    dueAt: new Date(record.dueAt),
    dueDate: record.dueDate ?? null,
    calendarComplete: record.calendarComplete !== false,
    missingYears: record.missingYears ?? [],
  });

  const service = {
    rules,

    tracks(uid: string): boolean {
      return rulesFor(uid).length > 0;
    },

    /** Rules name real content types and fields; checked at start-up so a typo stops the boot. */
    assertRulesFit() {
      const problems: string[] = [];
      for (const rule of rules()) {
        const model = strapi.contentTypes[rule.contentType as keyof typeof strapi.contentTypes] as any;
        if (!model) {
          problems.push(`${rule.id}: no content type ${rule.contentType}`);
          continue;
        }
        for (const path of [rule.startField, rule.metBy === 'published' ? null : rule.metBy, rule.organizationField]) {
          if (path && !model.attributes[path.split('.')[0]]) problems.push(`${rule.id}: ${rule.contentType} has no field ${path}`);
        }
      }
      if (problems.length) throw new Error(`disclosure: deadline rules do not fit the content model:\n  ${problems.join('\n  ')}`);
    },

    /** Recomputes the records of one item (all rules for its type), or removes them once it is gone. */
    async refresh(uid: string, documentId: string) {
      const applicable = rulesFor(uid);
      if (!applicable.length) return;
      const model = strapi.getModel(uid as any) as any;
      const hasDraftAndPublish = Boolean(model.options?.draftAndPublish);
      const populate = populateFor(applicable);
      const [draft, published] = await Promise.all([
        strapi.db.query(uid as any).findOne({ where: { documentId, ...(hasDraftAndPublish ? { publishedAt: null } : {}) }, populate }),
        strapi.db.query(uid as any).findOne({
          where: { documentId, publishedAt: { $notNull: true } },
          populate,
          orderBy: { publishedAt: 'asc' },
        }),
      ]);
      const item = draft ?? published;
      const existing: Record_[] = await records().findMany({ where: { contentType: uid, itemDocumentId: documentId } });
      const current = await calendar();
      const at = now();
      const trackingStartsOn = getConfig(strapi).deadlineTrackingStartsOn;

      for (const rule of applicable) {
        const record = existing.find((candidate) => candidate.rule === rule.id);
        const start = item ? valueAt(item, rule.startField) : null;
        const length = rule.urgentLength && item?.urgent ? rule.urgentLength : rule.length;
        const due = start ? computeDue(length, start, current) : null;
        const archive = due && trackingStartsOn ? beijingDate(due.startAt) < trackingStartsOn : false;
        if (!item || !due || archive || !matchesFilter(item, rule.filter)) {
          if (record) await records().delete({ where: { id: record.id } });
          continue;
        }
        // Publication meets a deadline once; a later unpublish or republish does not move it.
        const metValue = rule.metBy === 'published' ? (record?.metAt ?? published?.publishedAt) : valueAt(item, rule.metBy);
        const metAt = metValue ? new Date(metValue) : null;
        const assessment = assess(due, latenessUnitOf(length), metAt, at, current);
        const data = {
          rule: rule.id,
          contentType: uid,
          itemDocumentId: documentId,
          title: item.title ?? null,
          organization: rule.organizationField ? (valueAt(item, rule.organizationField)?.id ?? null) : null,
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
      const retired = existing.filter((record) => !applicable.some((rule) => rule.id === record.rule));
      if (retired.length) await records().deleteMany({ where: { id: { $in: retired.map((record) => record.id) } } });
    },

    /**
     * Moves pending records to at-risk or overdue as time passes, and, where an office enables
     * `autoPublishAtDeadline`, publishes items that pass the gate but were left unpublished as their
     * deadline arrives. Returns what it changed.
     */
    async sweep(at: Date = now()) {
      const current = await calendar();
      const rulesById = new Map(rules().map((rule) => [rule.id, rule]));
      const open: Record_[] = await records().findMany({
        where: { status: 'pending' },
        populate: { organization: { select: ['code'] } },
      });
      const autoPublish = getConfig(strapi).autoPublishAtDeadline;
      let updated = 0;
      const published: string[] = [];

      for (const record of open) {
        const rule = rulesById.get(record.rule);
        if (!rule) continue;
        const enabled = autoPublish === true || (Array.isArray(autoPublish) && autoPublish.includes(record.organization?.code));
        if (enabled && rule.metBy === 'published' && new Date(record.dueAt).getTime() - at.getTime() <= SWEEP_INTERVAL_MS) {
          try {
            await strapi.documents(record.contentType).publish({ documentId: record.itemDocumentId });
            published.push(record.itemDocumentId);
            continue; // publishing refreshed the record
          } catch (error) {
            // The gate refused (and wrote the ledger): the item stays for an editor.
            strapi.log.info(`disclosure: not auto-publishing ${record.itemDocumentId}: ${(error as Error).message}`);
          }
        }
        const assessment = assess(dueOf(record), record.latenessUnit ?? latenessUnitOf(rule.length), null, at, current);
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
