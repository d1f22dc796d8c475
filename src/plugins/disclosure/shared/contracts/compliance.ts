import type { MessageStatistics } from './mailbox';
/**
 * GET /api/disclosure/compliance (API tokens) and GET /disclosure/compliance (admin panel):
 * the response both sides agree on.
 */

import type { Delivery } from './syndication';

export type DeadlineStatus = 'pending' | 'met' | 'late' | 'overdue';

export interface OrganizationSummary {
  documentId: string;
  code: string;
  name: string;
}

export interface Tally {
  total: number;
  pending: number;
  met: number;
  late: number;
  overdue: number;
  atRisk: number;
  /** Met on time, of those decided; null while nothing is decided */
  rate: number | null;
}

export interface TrackedItem {
  contentType: string;
  documentId: string;
  title: string | null;
  rule: string;
  organization: OrganizationSummary | null;
  dueAt: string;
  /** The Beijing day a day rule falls due on (null for hour rules) */
  dueDate: string | null;
  metAt: string | null;
  atRisk: boolean;
  lateness: number | null;
  latenessUnit: 'working-days' | 'hours' | null;
  /** Where the item opens in the admin's content manager */
  editPath: string;
}

export interface StaleColumn {
  organization: OrganizationSummary;
  contentType: string;
  category: string | null;
  lastPublishedAt: string;
  window: { days: number } | { months: number };
  daysSinceLastItem: number;
}

/** 转载 counted for one subscriber: on time of those decided (reprinted, or overdue). */
export interface ReprintTally {
  received: number;
  reprinted: number;
  onTime: number;
  late: number;
  /** Not reprinted, and past due */
  overdue: number;
  /** Not reprinted yet, still within its time */
  pending: number;
  rate: number | null;
}

export interface ReprintTimeliness extends ReprintTally {
  subscriber: { id: number; name: string; organizationCode: string | null; active: boolean };
  /** Working days after the source's publication a reprint is due */
  within: number;
}

export interface ComplianceReport {
  period: { from: string | null; to: string | null };
  organization: OrganizationSummary | null;
  counts: Tally;
  /** Today's Beijing date, and the pending items that fall due on it */
  today: string;
  dueToday: TrackedItem[];
  items: Record<DeadlineStatus, TrackedItem[]>;
  onTimeRate: {
    overall: number | null;
    byOrganization: Array<Tally & { organization: OrganizationSummary | null }>;
    byRule: Array<Tally & { rule: string; label: string | null; source: string | null }>;
  };
  staleColumns: StaleColumn[];
  /** 转载: how promptly each subscriber reprinted what it received (policy documents published in the period) */
  reprints: ReprintTimeliness[];
  /** 转载 deliveries to subscribers that are failing (given up, or retrying after a failure), of the documents in scope */
  failingDeliveries: Array<Delivery & { title: string | null; editPath: string }>;
  /** 新闻发布: livelihood-related organizations with no press conference published this quarter (Beijing) */
  pressConferences: { label: string; from: string; to: string; missing: OrganizationSummary[] };
  calendar: { complete: boolean; missingYears: number[] };
  /**
   * 意见箱 and 领导信箱: the figures of the month the period ends in (this month without an end),
   * for the organizations in scope: received, by kind, replied on time and late, open, satisfaction
   */
  mailbox: MessageStatistics;
}

export declare namespace GetCompliance {
  export interface Request {
    query: { organization?: string; from?: string; to?: string };
  }
  export interface Response {
    data: ComplianceReport;
  }
}

export declare namespace GetDueToday {
  export interface Response {
    data: { today: string; items: TrackedItem[] };
  }
}
