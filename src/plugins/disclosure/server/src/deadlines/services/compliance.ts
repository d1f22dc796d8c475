import type { Core } from '@strapi/strapi';
import type {
  ComplianceReport,
  OrganizationSummary,
  TrackedItem,
} from '../../../../shared/contracts/compliance';
import { CONTENT_TYPES, DEADLINE_UID, SOURCE_LOCALE } from '../../../../shared/constants';
import { addCalendarDays, beijingDate, startOfBeijingDay } from '../../calendar/rules/beijing-time';
import {
  DEFAULT_FRESHNESS_WINDOWS,
  staleColumns,
  summarizeDeadlines,
  type ColumnActivity,
  type DeadlineFact,
  type OrganizationRef,
} from '../rules/compliance';
import { isPeriodRecordKey, type DeadlineStatus } from '../rules/deadlines';
import { APPLICATION_UID, MESSAGE_UID, ORGANIZATION_FIELD } from '../../../../shared/constants';
import { missingPressConferences, quarterOf } from '../../press/rules/press-duty';
import { organizationNotFound, type ComplianceQuery } from '../validation/compliance';
import { getService } from '../../utils/get-service';
import { monthStatistics } from '../../mailbox/services/message-statistics';
import type { DeadlineRecord } from './deadlines';

/** An organization's reference with its row id, as found by code or documentId. */
type FoundOrganization = OrganizationRef & { id: number };
const withoutId = ({ id: _id, ...reference }: FoundOrganization): OrganizationRef => reference;

/** The catalogue columns whose freshness is reported, and where each names its organization. */
const ORGANIZATION_FIELDS: Record<string, string> = Object.fromEntries(
  [
    CONTENT_TYPES.policyDocument,
    CONTENT_TYPES.pressRelease,
    CONTENT_TYPES.interpretation,
    CONTENT_TYPES.consultation,
  ].map((uid) => [uid, ORGANIZATION_FIELD[uid]])
);
const ORG_FIELDS = ['documentId', 'code', 'name'];
const STATUSES: DeadlineStatus[] = ['overdue', 'pending', 'late', 'met'];
const LIST_LIMIT = 200;

export const editViewPath = (contentType: string, documentId: string) =>
  // A case or a message is not in the content manager (personal data is read only through the plugin's pages).
  contentType === APPLICATION_UID
    ? `/admin/plugins/disclosure/applications/${documentId}`
    : contentType === MESSAGE_UID
      ? `/admin/plugins/disclosure/messages/${documentId}`
      : isPeriodRecordKey(documentId)
        ? // A period's record (an annual report owed, written or not): the reports of that year, where
          // the office opens its report or creates it.
          `/admin/content-manager/collection-types/${contentType}?filters[$and][0][year][$eq]=${documentId.split(':')[1]}`
        : `/admin/content-manager/collection-types/${contentType}/${documentId}`;

/** The numbers behind GET /api/disclosure/compliance and the plugin's admin page. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const findOrganization = async (value: string): Promise<FoundOrganization | null> =>
    strapi.db.query(CONTENT_TYPES.organization).findOne({
      where: { $or: [{ code: value }, { documentId: value }] },
      select: ['id', ...ORG_FIELDS],
    });

  /** When each catalogue column last received an item (published versions only). */
  const columnActivity = async (within: string[] | null): Promise<ColumnActivity[]> => {
    const latest = new Map<string, ColumnActivity>();
    for (const [uid, field] of Object.entries(ORGANIZATION_FIELDS)) {
      const rows: Array<{
        publishedAt: string;
        category?: string | null;
        [field: string]: unknown;
      }> = await strapi.db.query(uid).findMany({
        where: {
          publishedAt: { $notNull: true },
          ...(within ? { [field]: { documentId: { $in: within } } } : {}),
        },
        select:
          uid === CONTENT_TYPES.policyDocument ? ['publishedAt', 'category'] : ['publishedAt'],
        populate: { [field]: { select: ORG_FIELDS } },
      });
      for (const row of rows) {
        const organization = row[field] as OrganizationRef | null | undefined;
        if (!organization) continue;
        const category = row.category ?? null;
        const key = `${uid}|${organization.documentId}|${category}`;
        const publishedAt = new Date(row.publishedAt);
        const seen = latest.get(key);
        if (!seen || seen.lastPublishedAt < publishedAt) {
          latest.set(key, {
            organization,
            contentType: uid,
            category,
            lastPublishedAt: publishedAt,
          });
        }
      }
    }
    return [...latest.values()];
  };

  /** Livelihood-related organizations that have held no press conference this quarter (Beijing). */
  const pressConferenceDuty = async (now: Date, within: string[] | null) => {
    const quarter = quarterOf(beijingDate(now));
    const organizations: OrganizationSummary[] = await strapi.db
      .query(CONTENT_TYPES.organization)
      .findMany({
        where: {
          livelihoodRelated: true,
          locale: SOURCE_LOCALE,
          ...(within ? { documentId: { $in: within } } : {}),
        },
        select: ORG_FIELDS,
        orderBy: { code: 'asc' },
      });
    const held: Array<{ organization?: { code: string } | null }> = await strapi.db
      .query(CONTENT_TYPES.pressRelease)
      .findMany({
        where: {
          kind: 'press-conference',
          publishedAt: { $notNull: true },
          heldAt: {
            $gte: startOfBeijingDay(quarter.from),
            $lt: startOfBeijingDay(addCalendarDays(quarter.to, 1)),
          },
        },
        populate: { organization: { select: ['code'] } },
      });
    const heldBy = new Set<string>(
      held
        .map((release) => release.organization?.code)
        .filter((code): code is string => Boolean(code))
    );
    return { ...quarter, missing: missingPressConferences(organizations, heldBy) };
  };

  /** Syndication deliveries that are failing, of documents issued within these organizations, with their titles. */
  const failingDeliveries = async (
    within: string[] | null
  ): Promise<ComplianceReport['failingDeliveries']> => {
    const failing = await getService(strapi, 'syndication').failingDeliveries(within);
    if (!failing.length) return [];
    const documents: Array<{ documentId: string; title: string }> = await strapi.db
      .query(CONTENT_TYPES.policyDocument)
      .findMany({
        where: {
          documentId: { $in: [...new Set(failing.map((delivery) => delivery.itemDocumentId))] },
          locale: SOURCE_LOCALE,
          publishedAt: null,
        },
        select: ['documentId', 'title'],
      });
    const titles = new Map<string, string>(
      documents.map((document) => [document.documentId, document.title])
    );
    return failing.map((delivery) => ({
      ...delivery,
      title: titles.get(delivery.itemDocumentId) ?? null,
      editPath: editViewPath(CONTENT_TYPES.policyDocument, delivery.itemDocumentId),
    }));
  };

  const trackedItem = (record: DeadlineRecord): TrackedItem => ({
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
  });

  /**
   * Pending items that fall due on today's Beijing day: a day rule's deadline is the midnight that
   * ends its day, an hour rule's an instant within it, so both lie in (start of today, start of tomorrow].
   */
  const dueTodayWithin = async (within: string[] | null, now: Date) => {
    const today = beijingDate(now);
    // No organization at all (an account assigned to none): nothing, not everything.
    if (within && !within.length) return { today, items: [] };
    const records: DeadlineRecord[] = await strapi.db.query(DEADLINE_UID).findMany({
      where: {
        status: 'pending',
        dueAt: {
          $gt: startOfBeijingDay(today),
          $lte: startOfBeijingDay(addCalendarDays(today, 1)),
        },
        ...(within ? { organization: { documentId: { $in: within } } } : {}),
      },
      orderBy: { dueAt: 'asc' },
      limit: LIST_LIMIT,
      populate: { organization: { select: ORG_FIELDS } },
    });
    return { today, items: records.map(trackedItem) };
  };

  return {
    /** What falls due today for these organizations (all, for null): the homepage widget. */
    dueToday: (within: string[] | null) =>
      dueTodayWithin(within, getService(strapi, 'clock').now()),

    async report(query: ComplianceQuery): Promise<ComplianceReport> {
      const organization = query.organization ? await findOrganization(query.organization) : null;
      if (query.organization && !organization) organizationNotFound(query.organization);
      // An organization's account sees its own organization and those below it; a named one, only it.
      const within: string[] | null =
        query.within ?? (organization ? [organization.documentId] : null);

      const where: Record<string, unknown> = {};
      if (within) where.organization = { documentId: { $in: within } };
      // A day rule falls due at the midnight that ends its day, so "due on D" is (start of D, end of D].
      const dueAt: Record<string, Date> = {};
      if (query.from) dueAt.$gt = startOfBeijingDay(query.from);
      if (query.to) dueAt.$lte = startOfBeijingDay(addCalendarDays(query.to, 1));
      if (Object.keys(dueAt).length) where.dueAt = dueAt;

      const records: DeadlineRecord[] = await strapi.db.query(DEADLINE_UID).findMany({
        where,
        orderBy: { dueAt: 'asc' },
        populate: { organization: { select: ORG_FIELDS } },
      });
      const facts: DeadlineFact[] = records.map((record) => ({
        rule: record.rule,
        status: record.status,
        atRisk: record.atRisk,
        organization: record.organization ?? null,
      }));
      const summary = summarizeDeadlines(facts);
      const rules = new Map(
        getService(strapi, 'deadlines')
          .rules()
          .map((rule) => [rule.id, rule])
      );
      const missingYears = [
        ...new Set(records.flatMap((record) => record.missingYears ?? [])),
      ].sort();

      const items = Object.fromEntries(
        STATUSES.map((status) => [
          status,
          records
            .filter((record) => record.status === status)
            .slice(0, LIST_LIMIT)
            .map(trackedItem),
        ])
      ) as ComplianceReport['items'];

      const now: Date = getService(strapi, 'clock').now();
      const { today, items: dueToday } = await dueTodayWithin(within, now);
      const stale = staleColumns(await columnActivity(within), DEFAULT_FRESHNESS_WINDOWS, now);
      const issuers = within
        ? (
            await strapi.db
              .query(CONTENT_TYPES.organization)
              .findMany({ where: { documentId: { $in: within } }, select: ['code'] })
          ).map((row: { code: string }) => row.code)
        : undefined;

      return {
        period: { from: query.from ?? null, to: query.to ?? null },
        organization: organization ? withoutId(organization) : null,
        counts: summary.overall,
        today,
        dueToday,
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
        staleColumns: stale.map((column) => ({
          ...column,
          lastPublishedAt: column.lastPublishedAt.toISOString(),
        })),
        reprints: await getService(strapi, 'syndication').reprintTimeliness({
          from: query.from,
          to: query.to,
          issuers,
        }),
        failingDeliveries: await failingDeliveries(within),
        pressConferences: await pressConferenceDuty(now, within),
        calendar: { complete: missingYears.length === 0, missingYears },
        mailbox: await monthStatistics(strapi, (query.to ?? today).slice(0, 7), within, today),
      };
    },
  };
};
