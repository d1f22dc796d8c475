import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, DEADLINE_UID, SOURCE_LOCALE } from '../../../../shared/constants';
import { beijingDate } from '../../calendar/rules/beijing-time';
import { periodRecordKey } from '../../deadlines/rules/deadlines';
import { getService } from '../../utils/get-service';
import { endedPeriods, reportDueDate } from '../rules/report-deadline';
import { reportTitle } from '../rules/report-text';

/** The deadline rules of the reports (deadlines/rules/deadlines): the annual report, the halves. */
export const REPORT_RULES = { annual: 'annual-report', half: 'half-year-statistics' } as const;

/**
 * The reports as tracked deadlines, owed whether or not an office has written its report: when a
 * period ends, a record per organization (the deadline sweep's pass, every 10 minutes). A report
 * written for the period takes its record over (the deadline engine's period rules); publishing it
 * meets it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Opens the records of the periods ended by `at` that have none yet; answers how many it opened. */
  async openPeriods(at: Date = getService(strapi, 'clock').now()): Promise<number> {
    const deadlines = getService(strapi, 'deadlines');
    const rules = new Map(deadlines.rules().map((rule) => [rule.id, rule]));
    const organizations: Array<{ id: number; documentId: string; name: string; level: string }> =
      await strapi.db.query(CONTENT_TYPES.organization).findMany({
        where: { locale: SOURCE_LOCALE },
        select: ['id', 'documentId', 'name', 'level'],
      });
    const owed = endedPeriods(beijingDate(at)).flatMap((period) => {
      const rule = rules.get(period.half ? REPORT_RULES.half : REPORT_RULES.annual);
      if (!rule?.period) return []; // the office's rules track no such report
      return organizations.map((organization) => ({
        rule,
        organization,
        period,
        key: periodRecordKey(organization.documentId, period.year, period.half),
      }));
    });
    if (!owed.length) return 0;
    // One read for the records already there; a transaction each only for those still to open.
    const open: Array<{ rule: string; itemDocumentId: string }> = await strapi.db
      .query(DEADLINE_UID)
      .findMany({
        where: {
          rule: { $in: [REPORT_RULES.annual, REPORT_RULES.half] },
          itemDocumentId: { $in: owed.map((entry) => entry.key) },
        },
        select: ['rule', 'itemDocumentId'],
      });
    const known = new Set(open.map((record) => `${record.rule}|${record.itemDocumentId}`));
    let opened = 0;
    for (const { rule, organization, period, key } of owed) {
      if (known.has(`${rule.id}|${key}`)) continue;
      const created = await deadlines.openPeriod(rule, {
        organization,
        year: period.year,
        half: period.half ?? null,
        dueDate: reportDueDate(organization.level, period.year, period.half),
        title: reportTitle(organization.name, { year: period.year, half: period.half ?? null }),
      });
      if (created) opened += 1;
    }
    return opened;
  },
});
