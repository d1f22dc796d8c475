import { CONTENT_TYPES } from '../../../../shared/constants';

/**
 * Compliance numbers as offices are inspected on them: items by deadline status, on-time rates per
 * organization and per rule, and catalogue columns left without new content (the national
 * inspection's single-veto items, 单项否决).
 */
import type {
  OrganizationSummary as OrganizationRef,
  Tally,
} from '../../../../shared/contracts/compliance';
import type { DeadlineStatus } from './deadlines';

export type { OrganizationRef, Tally };

export interface DeadlineFact {
  rule: string;
  status: DeadlineStatus;
  atRisk?: boolean;
  organization: OrganizationRef | null;
}

const emptyTally = (): Tally => ({
  total: 0,
  pending: 0,
  met: 0,
  late: 0,
  overdue: 0,
  atRisk: 0,
  rate: null,
});

const add = (tally: Tally, fact: DeadlineFact) => {
  tally.total += 1;
  tally[fact.status] += 1;
  if (fact.atRisk) tally.atRisk += 1;
};

const finish = (tally: Tally): Tally => {
  const decided = tally.met + tally.late + tally.overdue;
  return { ...tally, rate: decided ? Math.round((tally.met / decided) * 10_000) / 10_000 : null };
};

export function summarizeDeadlines(facts: DeadlineFact[]) {
  const overall = emptyTally();
  const byOrganization = new Map<string, { organization: OrganizationRef | null; tally: Tally }>();
  const byRule = new Map<string, Tally>();
  for (const fact of facts) {
    add(overall, fact);
    const key = fact.organization?.documentId ?? '';
    if (!byOrganization.has(key))
      byOrganization.set(key, { organization: fact.organization, tally: emptyTally() });
    add(byOrganization.get(key)!.tally, fact);
    if (!byRule.has(fact.rule)) byRule.set(fact.rule, emptyTally());
    add(byRule.get(fact.rule)!, fact);
  }
  return {
    overall: finish(overall),
    byOrganization: [...byOrganization.values()]
      .map(({ organization, tally }) => ({ organization, ...finish(tally) }))
      .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || b.total - a.total),
    byRule: [...byRule.entries()].map(([rule, tally]) => ({ rule, ...finish(tally) })),
  };
}

export type FreshnessWindow = { days: number } | { months: number };

/** Default windows: news-like columns 14 days; notices and policy documents 6 months. */
export const DEFAULT_FRESHNESS_WINDOWS: Record<string, FreshnessWindow> = {
  [CONTENT_TYPES.pressRelease]: { days: 14 },
  [CONTENT_TYPES.policyDocument]: { months: 6 },
  [CONTENT_TYPES.interpretation]: { months: 6 },
  [CONTENT_TYPES.consultation]: { months: 6 },
};

export interface ColumnActivity {
  organization: OrganizationRef;
  contentType: string;
  /** The 五公开 class, for policy documents */
  category: string | null;
  lastPublishedAt: Date;
}

const windowStart = (now: Date, window: FreshnessWindow): Date => {
  const start = new Date(now.getTime());
  if ('days' in window) start.setUTCDate(start.getUTCDate() - window.days);
  else start.setUTCMonth(start.getUTCMonth() - window.months);
  return start;
};

/** Columns whose newest item is older than their window, stalest first. */
export function staleColumns(
  columns: ColumnActivity[],
  windows: Record<string, FreshnessWindow>,
  now: Date
) {
  return columns
    .filter((column) => windows[column.contentType])
    .filter(
      (column) =>
        column.lastPublishedAt.getTime() < windowStart(now, windows[column.contentType]).getTime()
    )
    .map((column) => ({
      ...column,
      window: windows[column.contentType],
      daysSinceLastItem: Math.floor(
        (now.getTime() - column.lastPublishedAt.getTime()) / 86_400_000
      ),
    }))
    .sort((a, b) => b.daysSinceLastItem - a.daysSinceLastItem);
}
