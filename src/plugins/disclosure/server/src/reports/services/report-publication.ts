import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_TYPES, SOURCE_LOCALE } from '../../../../shared/constants';
import type { AnnualReportData, Table3Row } from '../../../../shared/contracts/annual-report';
import type { ReportTables } from '../rules/region';
import { beijingDate } from '../../calendar/rules/beijing-time';
import type { LedgerRecord } from '../../publication/services/ledger';
import type { DocumentParams } from '../../utils/capability';
import { getService } from '../../utils/get-service';
import { singleRelationTarget } from '../../utils/relations';
import { lockWithinTransaction } from '../../utils/transaction-lock';
import {
  hasText,
  otherMattersText,
  overviewText,
  paragraphBlocks,
  reportTitle,
} from '../rules/report-text';
import { previousPeriodKey } from '../rules/period';
import { reportDueDate } from '../rules/report-deadline';

const UID = CONTENT_TYPES.annualReport;

/** Asked in an update's data (`tables: "refresh"`): take the snapshot again without publishing. */
export const REFRESH_TABLES = 'refresh';

/** A report's organization as its rules read it: the level decides when its annual report is due. */
interface SubjectOrganization {
  documentId: string;
  name: string;
  level: string;
}

/** What a report row says about its subject: the organization, year and half it reports on. */
interface ReportSubject {
  organization: string;
  year: number;
  half?: 1 | 2;
}

/** The tables as stored on the report (its `tables` field): tables 2–4, as computed. */
const snapshotOf = (data: AnnualReportData): ReportTables => data.tables;

/**
 * The tables a stored report holds: `{ table2, table3, table4 }`; a snapshot stored before the field
 * held them directly (the whole computed report, the tables under `tables`) is read as well.
 */
export const storedTables = (value: unknown): ReportTables | null => {
  if (!value || typeof value !== 'object') return null;
  const stored = value as Partial<ReportTables> & { tables?: Partial<ReportTables> };
  const tables = stored.table3 ? stored : stored.tables;
  return tables?.table2 && tables.table3 && tables.table4 ? (tables as ReportTables) : null;
};

const halfOf = (value: unknown): 1 | 2 | undefined =>
  value === 1 || value === 2 || value === '1' || value === '2'
    ? (Number(value) as 1 | 2)
    : undefined;

/**
 * The annual report's rules on its own writes (api::annual-report.annual-report), run by
 * reports/document-middlewares before the publication gate:
 * - created without 一、总体情况 or 六、其他需要报告的事项: filled from the records' figures;
 * - published: the tables computed again and stored as published (`tables`), and refused while any
 *   check fails (新收 + 结转 = 总计 + 结转下年度 …), naming the failing checks;
 * - `tables: "refresh"` in an update: the snapshot taken again, for the office to see before publishing.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const organizationOf = async (relation: unknown): Promise<SubjectOrganization | null> => {
    const target = singleRelationTarget(relation);
    if (!target) return null;
    return strapi.db
      .query(CONTENT_TYPES.organization)
      .findOne({ where: target, select: ['documentId', 'name', 'level'] });
  };

  /** The stored zh-Hans draft's subject, with this call's data on top. */
  const subjectOf = async (
    params: DocumentParams,
    action: string
  ): Promise<(ReportSubject & { name: string; level: string; title: string | null }) | null> => {
    const stored =
      action !== 'create' && params.documentId
        ? await strapi.db.query(UID).findOne({
            where: { documentId: params.documentId, locale: SOURCE_LOCALE, publishedAt: null },
            select: ['year', 'half', 'title'],
            populate: { organization: { select: ['documentId', 'name', 'level'] } },
          })
        : null;
    const data = action === 'publish' ? {} : (params.data ?? {});
    // A relation the write leaves as it was (the admin sends { connect: [], disconnect: [] }) is the stored one.
    const named = singleRelationTarget(data.organization);
    const organization =
      named === undefined
        ? ((stored?.organization as SubjectOrganization | null) ?? null)
        : await organizationOf(data.organization);
    const year = Number('year' in data ? data.year : stored?.year);
    if (!organization || !Number.isInteger(year)) return null;
    return {
      organization: organization.documentId,
      name: organization.name,
      level: organization.level,
      year,
      half: halfOf('half' in data ? data.half : stored?.half),
      title: (('title' in data ? data.title : stored?.title) as string | null) ?? null,
    };
  };

  /**
   * 结转下年度 of the previous period's published report, as it was published (its snapshot): this
   * period's 上年结转 must equal it (the `annual-report` service checks it when given).
   */
  const previousCarriedForward = async (subject: ReportSubject): Promise<Table3Row | null> => {
    const previous = previousPeriodKey({ year: subject.year, half: subject.half });
    const report: { tables: unknown } | null = await strapi.db.query(UID).findOne({
      where: {
        organization: { documentId: subject.organization },
        year: previous.year,
        half: previous.half ?? null,
        locale: SOURCE_LOCALE,
        publishedAt: { $notNull: true },
      },
      select: ['tables'],
    });
    return storedTables(report?.tables)?.table3.rows.carriedForward ?? null;
  };

  const compute = async (subject: ReportSubject): Promise<AnnualReportData> =>
    getService(strapi, 'annual-report').compute({
      organization: subject.organization,
      year: subject.year,
      half: subject.half,
      previousCarriedForward: await previousCarriedForward(subject),
    });

  /** A refusal of the tables, in the gate's form: a 400 naming each failing check, recorded in the ledger. */
  const refuseTables = (failing: string[], params: DocumentParams, title: string | null): never => {
    const message = `统计表数据不能通过核对，不能发布：${failing.join('；')} (the tables do not add up; publication refused)`;
    const error = new errors.ValidationError(message, {
      errors: failing.map((check) => ({
        path: ['tables'],
        message: check,
        name: 'ValidationError',
        rule: 'tables-add-up',
      })),
    });
    const ledgerEntry: LedgerRecord = {
      action: 'publish',
      outcome: 'refused',
      contentType: UID,
      itemDocumentId: params.documentId ?? null,
      locale: Array.isArray(params.locale) ? params.locale.join(',') : (params.locale ?? null),
      title,
      rules: ['tables-add-up'],
      message,
    };
    throw Object.assign(error, { ledgerEntry });
  };

  /** Another report (any locale or state) of the same organization and period, or null. */
  const otherReportOf = async (
    subject: ReportSubject,
    documentId: string | undefined
  ): Promise<{ documentId: string; title: string | null } | null> =>
    strapi.db.query(UID).findOne({
      where: {
        organization: { documentId: subject.organization },
        year: subject.year,
        half: subject.half ?? null,
        ...(documentId ? { documentId: { $ne: documentId } } : {}),
      },
      select: ['documentId', 'title'],
      orderBy: [{ locale: 'asc' }, { id: 'asc' }],
    });

  const refuseSecondReport = (
    subject: ReportSubject & { name: string },
    existing: { documentId: string; title: string | null }
  ): never => {
    const period = `${subject.year}年${subject.half ? (subject.half === 1 ? '上半年的统计报告' : '下半年的统计报告') : '的年度报告'}`;
    const english = `${subject.year}${subject.half ? ` H${subject.half} statistics` : ' annual report'}`;
    const message = `${subject.name}${period}已存在：《${existing.title ?? ''}》（${existing.documentId}），每个机构每年只有一份年度报告、每半年一份统计报告，请编辑已有的报告 (the ${english} of this organization already exists: "${existing.title ?? ''}" (${existing.documentId}); one report per organization, year and half: edit that one)`;
    throw new errors.ValidationError(message, {
      errors: [{ path: ['year'], message, name: 'ValidationError', rule: 'one-report-per-period' }],
    });
  };

  return {
    /**
     * One report per organization, year and half. For a create, or an update that changes the
     * organization, year or half: refused at once when another report has that subject; otherwise
     * answers the check to run again in the write's transaction, under a lock on the subject, so two
     * writes at once cannot both pass it (PostgreSQL: an advisory lock held to the commit; SQLite runs
     * writes one at a time). Sets the report's `dueOn` (reports/rules/report-deadline) on the way.
     */
    async claimSubject(
      action: string,
      params: DocumentParams
    ): Promise<(() => Promise<void>) | null> {
      const data = params.data ?? {};
      if (
        action !== 'create' &&
        !(action === 'update' && ('organization' in data || 'year' in data || 'half' in data))
      )
        return null;
      const subject = await subjectOf(params, action);
      if (!subject) return null;
      const documentId = params.documentId;
      const existing = await otherReportOf(subject, documentId);
      if (existing) refuseSecondReport(subject, existing);
      // When it falls due (the deadline rules `annual-report`, `half-year-statistics` start from it).
      if (params.data)
        params.data.dueOn = reportDueDate(subject.level, subject.year, subject.half ?? null);
      return async () => {
        await lockWithinTransaction(
          strapi,
          `annual-report:${subject.organization}:${subject.year}:${subject.half ?? '-'}`
        );
        const raced = await otherReportOf(subject, documentId);
        if (raced) refuseSecondReport(subject, raced);
      };
    },

    /** The report of an organization (documentId) and period, checked against the last published one. */
    computeReport: compute,

    /**
     * Runs before a write of a report, outside any transaction (the service computes with its own
     * reads): fills `params.data` in, or refuses; for `publish`, answers the write of the snapshot on
     * the draft, for the caller to run in the publication's transaction.
     */
    async prepareWrite(
      action: string,
      params: DocumentParams
    ): Promise<(() => Promise<void>) | null> {
      const publishes =
        action === 'publish' ||
        ((action === 'create' || action === 'update') && params.status === 'published');
      const data = params.data;
      const fills =
        action === 'create' &&
        data !== undefined &&
        (!hasText(data.overview) || !hasText(data.otherMatters) || !data.title);
      const refreshes = action === 'update' && data?.tables === REFRESH_TABLES;
      if (!publishes && !fills && !refreshes) return null;

      const subject = await subjectOf(params, action);
      if (!subject) {
        if (publishes)
          throw new errors.ValidationError(
            '年度报告须选择报告机构并填写年度，方可发布 (a report needs its organization and year to be published)',
            {
              errors: [
                { path: ['organization'], message: '须选择报告机构', name: 'ValidationError' },
              ],
            }
          );
        if (refreshes && data) delete data.tables;
        return null; // nothing to compute from yet: the office fills the sections in
      }
      const report = await compute(subject);

      if (fills && data) {
        const period = { year: subject.year, half: subject.half ?? null };
        if (!data.title) data.title = reportTitle(subject.name, period);
        if (report.figures) {
          if (!hasText(data.overview))
            data.overview = paragraphBlocks(overviewText(report.figures, period));
          if (!hasText(data.otherMatters))
            data.otherMatters = paragraphBlocks(otherMattersText(report.figures, period));
        }
      }
      if (refreshes && data) data.tables = snapshotOf(report);
      if (!publishes) return null;

      const failing = report.checks.filter((check) => !check.ok).map((check) => check.message);
      if (failing.length) refuseTables(failing, params, subject.title);
      const stamp = {
        tables: snapshotOf(report),
        publishedOn: beijingDate(getService(strapi, 'clock').now()),
      };
      const documentId = params.documentId;
      if (action === 'publish' && documentId)
        // `publish` copies the draft: the snapshot goes on the draft (every locale: the field is not
        // localized), in the publication's transaction, so a refusal further in leaves it as it was.
        return async () => {
          const draft = await strapi.db.query(UID).findOne({
            where: { documentId, locale: SOURCE_LOCALE, publishedAt: null },
            select: ['publishedOn'],
          });
          await strapi.db.query(UID).updateMany({
            where: { documentId, publishedAt: null },
            data: { tables: stamp.tables, publishedOn: draft?.publishedOn ?? stamp.publishedOn },
          });
        };
      if (data) {
        data.tables = stamp.tables;
        if (!data.publishedOn) data.publishedOn = stamp.publishedOn;
      }
      return null;
    },
  };
};
