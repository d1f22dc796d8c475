import type { Core } from '@strapi/strapi';
import type { ComplianceReport, OrganizationSummary } from '../../../shared/contracts/compliance';
import { CONTENT_TYPES, LOCALES } from '../constants';
import { addCalendarDays, beijingDate, startOfBeijingDay } from '../domain/beijing-time';
import {
  DEFAULT_FRESHNESS_WINDOWS,
  staleColumns,
  summarizeDeadlines,
  type ColumnActivity,
  type DeadlineFact,
  type OrganizationRef,
} from '../domain/compliance';
import type { DeadlineStatus } from '../domain/deadlines';
import { ORGANIZATION_FIELD } from '../domain/organization-scope';
import { missingPressConferences, quarterOf } from '../domain/press-duty';
import { organizationNotFound, type ComplianceQuery } from '../validation/compliance';
import { DEADLINE_UID } from './deadlines';

/** The catalogue columns whose freshness is reported, and where each names its organization. */
const ORGANIZATION_FIELDS: Record<string, string> = Object.fromEntries(
  [CONTENT_TYPES.policyDocument, CONTENT_TYPES.pressRelease, CONTENT_TYPES.interpretation, CONTENT_TYPES.consultation].map((uid) => [uid, ORGANIZATION_FIELD[uid]])
);
const ORG_FIELDS = ['documentId', 'code', 'name'];
const STATUSES: DeadlineStatus[] = ['overdue', 'pending', 'late', 'met'];
const LIST_LIMIT = 200;

export const editViewPath = (contentType: string, documentId: string) =>
  `/admin/content-manager/collection-types/${contentType}/${documentId}`;

/** The numbers behind GET /api/disclosure/compliance and the plugin's admin page. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('disclosure');

  const findOrganization = async (value: string): Promise<(OrganizationRef & { id: number }) | null> =>
    strapi.db.query(CONTENT_TYPES.organization).findOne({
      where: { $or: [{ code: value }, { documentId: value }] },
      select: ['id', ...ORG_FIELDS],
    });

  /** When each catalogue column last received an item (published versions only). */
  const columnActivity = async (organizationId?: number): Promise<ColumnActivity[]> => {
    const latest = new Map<string, ColumnActivity>();
    for (const [uid, field] of Object.entries(ORGANIZATION_FIELDS)) {
      const rows = await strapi.db.query(uid as any).findMany({
        where: { publishedAt: { $notNull: true }, ...(organizationId ? { [field]: { id: organizationId } } : {}) },
        select: uid === CONTENT_TYPES.policyDocument ? ['publishedAt', 'category'] : ['publishedAt'],
        populate: { [field]: { select: ORG_FIELDS } },
      });
      for (const row of rows) {
        const organization = row[field];
        if (!organization) continue;
        const category = row.category ?? null;
        const key = `${uid}|${organization.documentId}|${category}`;
        const publishedAt = new Date(row.publishedAt);
        const seen = latest.get(key);
        if (!seen || seen.lastPublishedAt < publishedAt) {
          latest.set(key, { organization, contentType: uid, category, lastPublishedAt: publishedAt });
        }
      }
    }
    return [...latest.values()];
  };

  /** Livelihood-related organizations that have held no press conference this quarter (Beijing). */
  const pressConferenceDuty = async (now: Date, organizationId?: number) => {
    const quarter = quarterOf(beijingDate(now));
    const organizations = await strapi.db.query(CONTENT_TYPES.organization).findMany({
      where: { livelihoodRelated: true, locale: LOCALES[0].code, ...(organizationId ? { id: organizationId } : {}) },
      select: ORG_FIELDS,
      orderBy: { code: 'asc' },
    });
    const held = await strapi.db.query(CONTENT_TYPES.pressRelease).findMany({
      where: {
        kind: 'press-conference',
        publishedAt: { $notNull: true },
        heldAt: { $gte: startOfBeijingDay(quarter.from), $lt: startOfBeijingDay(addCalendarDays(quarter.to, 1)) },
      },
      populate: { organization: { select: ['code'] } },
    });
    const heldBy = new Set<string>(held.map((release: any) => release.organization?.code).filter(Boolean));
    return { ...quarter, missing: missingPressConferences(organizations as OrganizationSummary[], heldBy) };
  };

  return {
    async report(query: ComplianceQuery): Promise<ComplianceReport> {
      const organization = query.organization ? await findOrganization(query.organization) : null;
      if (query.organization && !organization) organizationNotFound(query.organization);

      const where: Record<string, unknown> = {};
      if (organization) where.organization = { id: organization.id };
      // A day rule falls due at the midnight that ends its day, so "due on D" is (start of D, end of D].
      const dueAt: Record<string, Date> = {};
      if (query.from) dueAt.$gt = startOfBeijingDay(query.from);
      if (query.to) dueAt.$lte = startOfBeijingDay(addCalendarDays(query.to, 1));
      if (Object.keys(dueAt).length) where.dueAt = dueAt;

      const records = await strapi.db.query(DEADLINE_UID as any).findMany({
        where,
        orderBy: { dueAt: 'asc' },
        populate: { organization: { select: ORG_FIELDS } },
      });
      const facts: DeadlineFact[] = records.map((record: any) => ({
        rule: record.rule,
        status: record.status,
        atRisk: record.atRisk,
        organization: record.organization ?? null,
      }));
      const summary = summarizeDeadlines(facts);
      const rules = new Map<string, any>(plugin().service('deadlines').rules().map((rule: any) => [rule.id, rule]));
      const missingYears = [...new Set(records.flatMap((record: any) => record.missingYears ?? []))].sort();

      const items = Object.fromEntries(
        STATUSES.map((status) => [
          status,
          records
            .filter((record: any) => record.status === status)
            .slice(0, LIST_LIMIT)
            .map((record: any) => ({
              contentType: record.contentType,
              documentId: record.itemDocumentId,
              title: record.title,
              rule: record.rule,
              organization: record.organization ?? null,
              dueAt: record.dueAt,
              dueDate: record.dueDate ?? null,
              metAt: record.metAt,
              atRisk: record.atRisk,
              lateness: record.lateness,
              latenessUnit: record.latenessUnit,
              editPath: editViewPath(record.contentType, record.itemDocumentId),
            })),
        ])
      ) as ComplianceReport['items'];

      const now: Date = plugin().service('clock').now();
      const stale = staleColumns(await columnActivity(organization?.id), DEFAULT_FRESHNESS_WINDOWS, now);

      const { id: _id, ...organizationRef } = organization ?? ({} as any);
      return {
        period: { from: query.from ?? null, to: query.to ?? null },
        organization: organization ? organizationRef : null,
        counts: summary.overall,
        items,
        onTimeRate: {
          overall: summary.overall.rate,
          byOrganization: summary.byOrganization,
          byRule: summary.byRule.map((row) => ({
            ...row,
            label: rules.get(row.rule)?.label ?? null,
            source: rules.get(row.rule)?.source ?? null,
          })),
        },
        staleColumns: stale.map((column) => ({ ...column, lastPublishedAt: column.lastPublishedAt.toISOString() })),
        reprints: await plugin().service('syndication').reprintTimeliness({ from: query.from, to: query.to, issuer: organization?.code }),
        pressConferences: await pressConferenceDuty(now, organization?.id),
        calendar: { complete: missingYears.length === 0, missingYears },
      };
    },
  };
};
