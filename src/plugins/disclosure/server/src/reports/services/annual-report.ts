import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type {
  AnnualReportData,
  ReportFigures,
  Table3Row,
} from '../../../../shared/contracts/annual-report';
import type {
  ApplicantType,
  Outcome,
  OutcomeReason,
} from '../../../../shared/contracts/on-request';
import {
  APPLICATION_UID,
  CONTENT_TYPES,
  DEADLINE_UID,
  LEGAL_CHALLENGE_UID,
  REPORT_FIGURE_UID,
  SOURCE_LOCALE,
} from '../../../../shared/constants';
import { organizationAndBelow } from '../../roles/rules/organization-scope';
import { refuse } from '../../utils/validation';
import { checkRegion, checkTables, type CheckInput, type RegionPart } from '../rules/checks';
import {
  previousPeriodKey,
  periodInstants,
  reportPeriod,
  type Half,
  type Period,
} from '../rules/period';
import { sumTables, type ReportTables } from '../rules/region';
import {
  computeTable2,
  emptyCatalogueCounts,
  type CatalogueCounts,
  type DecisionKind,
  type EnteredFigure,
  type FigureKind,
} from '../rules/table2';
import { table3FromGroups, type CaseGroup } from '../rules/table3';
import {
  table4FromGroups,
  type ChallengeGroup,
  type ChallengeKind,
  type ChallengeResult,
} from '../rules/table4';

export interface AnnualReportQuery {
  /** The organization's code or documentId */
  organization: string;
  year: number;
  half?: Half;
  /** The organization and every one below it, summed, with each one's tables */
  region?: boolean;
  /**
   * The last report's 结转下年度 row as published (the report document's, when it exists); without it
   * the previous period is computed from the records.
   */
  previousCarriedForward?: Table3Row | null;
}

interface OrganizationInfo {
  documentId: string;
  code: string;
  name: string;
}

/** The table and columns of a content type's relation to an organization (its link table). */
interface Linked {
  table: string;
  link: string;
  /** The link table's column naming the item, and the one naming the organization row */
  item: string;
  organization: string;
}

type Row = Record<string, unknown>;
const num = (value: unknown): number => Number(value ?? 0) || 0;

/**
 * 统计与年度报告: the tables of an organization's (or region's) annual report or half-year statistics,
 * computed from the records with grouped queries (one per source, grouped by organization), never by
 * reading the rows into memory: a province's report reads 100,000 documents and 20,000 cases.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection;

  const columnOf = (uid: string, field: string): string => {
    const attribute = strapi.db.metadata.get(uid).attributes[field] as
      { columnName?: string } | undefined;
    return attribute?.columnName ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  };

  const linked = (uid: string, field: string): Linked => {
    const metadata = strapi.db.metadata.get(uid);
    const attribute = metadata.attributes[field] as unknown as {
      joinTable: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
      };
    };
    return {
      table: metadata.tableName,
      link: attribute.joinTable.name,
      item: attribute.joinTable.joinColumn.name,
      organization: attribute.joinTable.inverseJoinColumn.name,
    };
  };

  const organizationsTable = () => strapi.db.metadata.get(CONTENT_TYPES.organization).tableName;

  /**
   * Rows of a type joined to their organization's documentId (`org`), for these organizations; the
   * published zh-Hans rows of a type with drafts and locales (one row per document).
   */
  const fromLinked = (uid: string, field: string, organizations: string[]) => {
    const { table, link, item, organization } = linked(uid, field);
    const model = strapi.contentType(uid as Parameters<Core.Strapi['contentType']>[0]);
    const query = knex()
      .from({ t: table })
      .join({ l: link }, `l.${item}`, 't.id')
      .join({ o: organizationsTable() }, 'o.id', `l.${organization}`)
      .whereIn('o.document_id', organizations);
    if (model.options?.draftAndPublish) query.whereNotNull('t.published_at');
    if ((model.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized)
      query.where('t.locale', SOURCE_LOCALE);
    return query;
  };

  /** A SUM(CASE WHEN … THEN 1 ELSE 0 END) column. */
  const countWhen = (sql: string, bindings: readonly Knex.Value[], alias: string) =>
    knex().raw(`SUM(CASE WHEN ${sql} THEN 1 ELSE 0 END) AS ??`, [...bindings, alias]);

  // ------------------------------------------------------------------ organizations

  const loadOrganizations = async () => {
    const rows: Array<{
      documentId: string;
      code: string;
      name: string;
      parent?: { documentId: string } | null;
    }> = await strapi.db.query(CONTENT_TYPES.organization).findMany({
      where: { locale: SOURCE_LOCALE },
      select: ['documentId', 'code', 'name'],
      populate: { parent: { select: ['documentId'] } },
    });
    return rows;
  };

  // ------------------------------------------------------------------ table 2

  const catalogueCounts = async (
    organizations: string[],
    period: Period
  ): Promise<Map<string, CatalogueCounts>> => {
    const DOC = CONTENT_TYPES.policyDocument;
    const c = (field: string) => `t.${columnOf(DOC, field)}`;
    const { from, to } = period;
    const regulation = `${c('normativeKind')} = 'regulation'`;
    const normative = `(${c('isNormative')} = ? AND (${c('normativeKind')} IS NULL OR ${c('normativeKind')} <> 'regulation') OR ${c('normativeKind')} = 'normative-document')`;
    const issued = `${c('issueDate')} >= ? AND ${c('issueDate')} <= ?`;
    const repealed = `${c('repealedOn')} >= ? AND ${c('repealedOn')} <= ?`;
    // Valid at the period's end: issued by then, neither repealed nor expired by then (a document
    // marked repealed without a date counts as repealed; 已修改 documents stay in force).
    const valid = `${c('issueDate')} <= ? AND (${c('repealedOn')} IS NULL OR ${c('repealedOn')} > ?) AND NOT (${c('validity')} = 'repealed' AND ${c('repealedOn')} IS NULL) AND (${c('expiryDate')} IS NULL OR ${c('expiryDate')} > ?) AND NOT (${c('validity')} = 'expired' AND ${c('expiryDate')} IS NULL)`;
    const decision = (kind: DecisionKind) =>
      `${c('category')} = 'result' AND ${c('decisionKind')} = '${kind}' AND ${issued}`;
    const rows: Row[] = await fromLinked(DOC, 'issuingOrganization', organizations)
      .where((scope) =>
        scope
          .whereNotNull(c('normativeKind'))
          .orWhere(c('isNormative'), true)
          .orWhereNotNull(c('decisionKind'))
      )
      .groupBy('o.document_id')
      .select(
        'o.document_id as org',
        countWhen(`${regulation} AND ${issued}`, [from, to], 'regIssued'),
        countWhen(`${regulation} AND ${repealed}`, [from, to], 'regRepealed'),
        countWhen(`${regulation} AND ${valid}`, [to, to, to], 'regValid'),
        countWhen(`${normative} AND ${issued}`, [true, from, to], 'normIssued'),
        countWhen(`${normative} AND ${repealed}`, [true, from, to], 'normRepealed'),
        countWhen(`${normative} AND ${valid}`, [true, to, to, to], 'normValid'),
        countWhen(decision('administrative-licensing'), [from, to], 'licensing'),
        countWhen(decision('administrative-penalty'), [from, to], 'penalty'),
        countWhen(decision('administrative-enforcement'), [from, to], 'enforcement')
      );
    return new Map(
      rows.map((row) => [
        String(row.org),
        {
          regulations: {
            issued: num(row.regIssued),
            repealed: num(row.regRepealed),
            valid: num(row.regValid),
          },
          normativeDocuments: {
            issued: num(row.normIssued),
            repealed: num(row.normRepealed),
            valid: num(row.normValid),
          },
          decisions: {
            'administrative-licensing': num(row.licensing),
            'administrative-penalty': num(row.penalty),
            'administrative-enforcement': num(row.enforcement),
          },
        },
      ])
    );
  };

  const enteredFigures = async (
    organizations: string[],
    year: number
  ): Promise<Map<string, EnteredFigure[]>> => {
    const c = (field: string) => `t.${columnOf(REPORT_FIGURE_UID, field)}`;
    const rows: Row[] = await fromLinked(REPORT_FIGURE_UID, 'organization', organizations)
      .where(c('year'), year)
      .groupBy('o.document_id', c('kind'), c('half'))
      .select('o.document_id as org', `${c('kind')} as kind`, `${c('half')} as half`)
      .sum({ value: c('value') });
    const figures = new Map<string, EnteredFigure[]>();
    for (const row of rows) {
      const list = figures.get(String(row.org)) ?? [];
      list.push({
        kind: row.kind as FigureKind,
        half: row.half === null || row.half === undefined ? null : (num(row.half) as Half),
        value: num(row.value),
      });
      figures.set(String(row.org), list);
    }
    return figures;
  };

  // ------------------------------------------------------------------ table 3

  /**
   * Cases by organization, applicant type and outcome, counted by where they stand in the period (as
   * rules/table3 classifyCase does one case): received by its end and not concluded before it began.
   */
  const caseGroups = async (
    organizations: string[],
    period: Period
  ): Promise<Map<string, CaseGroup[]>> => {
    const c = (field: string) => `t.${columnOf(APPLICATION_UID, field)}`;
    const { start, end } = periodInstants(period);
    const { from, to } = period;
    const received = c('receivedOn');
    const concluded = c('concludedAt');
    const rows: Row[] = await fromLinked(APPLICATION_UID, 'organization', organizations)
      .whereNotNull(received)
      .where(received, '<=', to)
      .where((open) => open.whereNull(concluded).orWhere(concluded, '>=', start))
      .groupBy('o.document_id', c('applicantType'), c('outcome'), c('outcomeReason'))
      .select(
        'o.document_id as org',
        `${c('applicantType')} as applicantType`,
        `${c('outcome')} as outcome`,
        `${c('outcomeReason')} as outcomeReason`,
        countWhen(`${received} >= ?`, [from], 'new'),
        countWhen(`${received} < ?`, [from], 'carriedOver'),
        countWhen(`${concluded} >= ? AND ${concluded} < ?`, [start, end], 'concluded'),
        countWhen(`(${concluded} IS NULL OR ${concluded} >= ?)`, [end], 'carriedForward')
      );
    const groups = new Map<string, CaseGroup[]>();
    for (const row of rows) {
      const list = groups.get(String(row.org)) ?? [];
      list.push({
        applicantType: row.applicantType as ApplicantType,
        outcome: (row.outcome ?? null) as Outcome | null,
        outcomeReason: (row.outcomeReason ?? null) as OutcomeReason | null,
        new: num(row.new),
        carriedOver: num(row.carriedOver),
        concluded: num(row.concluded),
        carriedForward: num(row.carriedForward),
      });
      groups.set(String(row.org), list);
    }
    return groups;
  };

  // ------------------------------------------------------------------ table 4

  const challengeGroups = async (
    organizations: string[],
    period: Period
  ): Promise<Map<string, ChallengeGroup[]>> => {
    const c = (field: string) => `t.${columnOf(LEGAL_CHALLENGE_UID, field)}`;
    const { from, to } = period;
    const decided = c('decidedOn');
    const rows: Row[] = await fromLinked(LEGAL_CHALLENGE_UID, 'organization', organizations)
      .whereNotNull(c('filedOn'))
      .where(c('filedOn'), '<=', to)
      .where((open) => open.whereNull(decided).orWhere(decided, '>=', from))
      .groupBy('o.document_id', c('kind'), c('result'))
      .select(
        'o.document_id as org',
        `${c('kind')} as kind`,
        `${c('result')} as result`,
        countWhen(`${decided} >= ? AND ${decided} <= ?`, [from, to], 'decided'),
        countWhen(`(${decided} IS NULL OR ${decided} > ?)`, [to], 'pending')
      );
    const groups = new Map<string, ChallengeGroup[]>();
    for (const row of rows) {
      const list = groups.get(String(row.org)) ?? [];
      list.push({
        kind: row.kind as ChallengeKind,
        result: (row.result ?? null) as ChallengeResult | null,
        decided: num(row.decided),
        pending: num(row.pending),
      });
      groups.set(String(row.org), list);
    }
    return groups;
  };

  // ------------------------------------------------------------------ the sections' figures

  /** One count over the organizations' items (published zh-Hans rows of catalogue types). */
  const countOf = async (
    uid: string,
    field: string,
    organizations: string[],
    where: (query: Knex.QueryBuilder) => Knex.QueryBuilder
  ): Promise<number> => {
    const [row] = (await where(fromLinked(uid, field, organizations)).count({
      count: '*',
    })) as Row[];
    return num(row?.count);
  };

  const sectionFigures = async (
    organizations: string[],
    period: Period
  ): Promise<ReportFigures> => {
    const { from, to } = period;
    const { start, end } = periodInstants(period);
    const col = (uid: string, field: string) => `t.${columnOf(uid, field)}`;
    const replies = (statuses: string[]) =>
      countOf(DEADLINE_UID, 'organization', organizations, (query) =>
        query
          .where(col(DEADLINE_UID, 'rule'), 'application-reply')
          .whereBetween(col(DEADLINE_UID, 'dueDate'), [from, to])
          .whereIn(col(DEADLINE_UID, 'status'), statuses)
      );
    const [itemsPublished, interpretations, pressConferences, consultations, due, onTime, fees] =
      await Promise.all([
        // Documents by the date the catalogue dates them (印发日期), the same the deadlines read.
        countOf(CONTENT_TYPES.policyDocument, 'issuingOrganization', organizations, (query) =>
          query.whereBetween(col(CONTENT_TYPES.policyDocument, 'issueDate'), [from, to])
        ),
        // Interpretations carry no date of their own: by publication.
        countOf(CONTENT_TYPES.interpretation, 'interpreter', organizations, (query) =>
          query.where('t.published_at', '>=', start).where('t.published_at', '<', end)
        ),
        countOf(CONTENT_TYPES.pressRelease, 'organization', organizations, (query) =>
          query
            .where(col(CONTENT_TYPES.pressRelease, 'kind'), 'press-conference')
            .where(col(CONTENT_TYPES.pressRelease, 'heldAt'), '>=', start)
            .where(col(CONTENT_TYPES.pressRelease, 'heldAt'), '<', end)
        ),
        countOf(CONTENT_TYPES.consultation, 'organization', organizations, (query) =>
          query.whereBetween(col(CONTENT_TYPES.consultation, 'startDate'), [from, to])
        ),
        // Replies falling due in the period and decided (met, late or overdue); on time: met.
        replies(['met', 'late', 'overdue']),
        replies(['met']),
        (async () => {
          const [row] = (await fromLinked(APPLICATION_UID, 'organization', organizations)
            .whereBetween(col(APPLICATION_UID, 'paidOn'), [from, to])
            .sum({ amount: col(APPLICATION_UID, 'paidAmount') })) as Row[];
          return num(row?.amount);
        })(),
      ]);
    return {
      itemsPublished,
      interpretations,
      pressConferences,
      consultations,
      repliesOnTime: onTime,
      repliesDue: due,
      feesCollected: fees,
    };
  };

  // ------------------------------------------------------------------ the report

  return {
    async compute(query: AnnualReportQuery): Promise<AnnualReportData> {
      const { year, half } = query;
      const all = await loadOrganizations();
      const target = all.find(
        (row) => row.code === query.organization || row.documentId === query.organization
      );
      if (!target)
        return refuse(
          'organization',
          `找不到机构 ${query.organization} (no organization with this code or documentId)`
        );
      const info = (row: (typeof all)[number]): OrganizationInfo => ({
        documentId: row.documentId,
        code: row.code,
        name: row.name,
      });
      const byId = new Map(all.map((row) => [row.documentId, row]));
      const below = query.region
        ? organizationAndBelow(
            all.map((row) => ({
              documentId: row.documentId,
              parentDocumentId: row.parent?.documentId ?? null,
            })),
            target.documentId
          )
        : [target.documentId];
      // The organization first, then those below it by code.
      const members = [
        target,
        ...below
          .filter((id) => id !== target.documentId)
          .map((id) => byId.get(id)!)
          .sort((a, b) => a.code.localeCompare(b.code)),
      ];
      const ids = members.map((row) => row.documentId);
      const period = reportPeriod(year, half);
      const previous = previousPeriodKey({ year, half });
      const [counts, figures, cases, challenges, previousCases, sections] = await Promise.all([
        catalogueCounts(ids, period),
        enteredFigures(ids, year),
        caseGroups(ids, period),
        challengeGroups(ids, period),
        query.previousCarriedForward
          ? Promise.resolve(null)
          : caseGroups(ids, reportPeriod(previous.year, previous.half)),
        sectionFigures(ids, period),
      ]);
      let unclassified = 0;
      const checked: RegionPart[] = [];
      const parts = members.map((row) => {
        const id = row.documentId;
        const table3 = table3FromGroups(cases.get(id) ?? []);
        unclassified += table3.unclassified;
        const tables: ReportTables = {
          table2: computeTable2(
            counts.get(id) ?? emptyCatalogueCounts(),
            figures.get(id) ?? [],
            half
          ),
          table3: table3.table,
          table4: table4FromGroups(challenges.get(id) ?? []),
        };
        checked.push({
          organization: { code: row.code, name: row.name },
          table3: tables.table3,
          table4: tables.table4,
          unclassified: table3.unclassified,
          previousCarriedForward: previousCases
            ? table3FromGroups(previousCases.get(id) ?? []).table.rows.carriedForward
            : null,
        });
        return { organization: info(row), tables };
      });
      const tables = parts.length === 1 ? parts[0].tables : sumTables(parts.map((p) => p.tables));
      const previousCarriedForward =
        query.previousCarriedForward ??
        table3FromGroups([...(previousCases?.values() ?? [])].flat()).table.rows.carriedForward;
      // The checks of the report's tables: a region's sum, and each of its organizations on its own.
      const summed: CheckInput = {
        table3: tables.table3,
        table4: tables.table4,
        previousCarriedForward,
        unclassified,
      };
      return {
        organization: info(target),
        year,
        ...(half ? { half } : {}),
        period,
        tables,
        checks: query.region ? checkRegion(summed, checked) : checkTables(summed),
        ...(query.region ? { region: { organizations: parts } } : {}),
        figures: sections,
      };
    },
  };
};
