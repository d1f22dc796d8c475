/**
 * GET /disclosure/item-status?contentType=&documentId= (admin panel): what the edit view's side
 * panel shows of one catalogue item.
 */
import type { DeadlineStatus } from './compliance';
import type { SubscriberSyndicationStatus } from './syndication';

/** A rule of the publication gate (publication/rules/publication-gate). */
export type GateRule =
  | 'disclosure-attribute'
  | 'confidentiality-review'
  | 'interpretation-required'
  | 'interpretation-after-document'
  | 'image-alt-text'
  | 'personal-data-removed';

/** One line of the gate's checklist, as the edit view shows it before anyone tries to publish. */
export interface GateCheck {
  rule: GateRule;
  passed: boolean;
  /** What is missing, in the words of the refusal publishing would meet */
  messages: string[];
}

export interface ItemDeadline {
  rule: string;
  label: string | null;
  source: string | null;
  status: DeadlineStatus;
  atRisk: boolean;
  dueAt: string;
  /** The Beijing day a day rule falls due on (null for hour rules) */
  dueDate: string | null;
  metAt: string | null;
  lateness: number | null;
  latenessUnit: 'working-days' | 'hours' | null;
}

export interface ConfidentialityReviewRecord {
  reviewer: string | null;
  reviewedAt: string | null;
  conclusion: string | null;
  note: string | null;
}

export interface ItemStatus {
  contentType: string;
  documentId: string;
  published: boolean;
  deadlines: ItemDeadline[];
  /** null for types without a publication gate */
  gate: { ready: boolean; checks: GateCheck[] } | null;
  review: ConfidentialityReviewRecord | null;
  /** Whether the signed-in account may record the confidentiality review of this item */
  canReview: boolean;
  /** 转载 receipts: one line per subscriber (syndicated types only; empty before the first delivery) */
  syndication: SubscriberSyndicationStatus[];
  /** The zh-Hans title and summary, and their Traditional conversion as the zh-Hant copy will read */
  preview: {
    title: { hans: string | null; hant: string | null };
    summary: { hans: string | null; hant: string | null };
  };
}

export declare namespace GetItemStatus {
  export interface Request {
    query: { contentType: string; documentId: string };
  }
  export interface Response {
    data: ItemStatus;
  }
}
