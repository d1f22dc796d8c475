import type {
  DeliveryStatus,
  SourcePolicy,
  SubscriberScope,
  SyndicationAction,
  SyndicationMessage,
} from '../../../shared/contracts/syndication';
import type { AttachmentManifestEntry } from './services/syndication-attachments';
import type { Receipt } from './services/syndication-inbox';

/*
 * Syndication's rows as stored (read through strapi.db.query). A relation is there when populated,
 * with the columns selected.
 */

export interface SubscriberRow {
  id: number;
  name: string;
  endpointUrl: string;
  secret: string;
  previousSecret?: string | null;
  organization?: { documentId: string; code: string } | null;
  scope: SubscriberScope;
  /** JSON: lists of strings, as the admin wrote them */
  categories?: string[] | null;
  topics?: string[] | null;
  active: boolean;
  disabledAt?: string | null;
  disabledReason?: string | null;
}

export interface SourceRow {
  id: number;
  name: string;
  organizationCode?: string | null;
  baseUrl?: string | null;
  /** JSON: the secrets it signs with, newest first */
  secrets: unknown;
  policy: SourcePolicy;
  active: boolean;
}

/** A receipt event's payload: the receipt, going back to the source of a reprint. */
export interface ReceiptPayload {
  documentId: string;
  version: number;
  receipt: Record<string, unknown>;
}

export interface EventRow {
  id: number;
  messageId: string;
  contentType: string;
  itemDocumentId: string;
  action: SyndicationAction | 'receipt';
  version: number;
  occurredAt: string;
  payload: SyndicationMessage | ReceiptPayload;
}

/** An outbox event of a document (not a receipt): what the pull feed pages through. */
export type DocumentEventRow = EventRow & {
  action: SyndicationAction;
  payload: SyndicationMessage;
};

/** What a receiver answered about a delivered version (its documentId, address, and whether published). */
export interface DeliveryReceipt {
  status?: string;
  documentId?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  [field: string]: unknown;
}

export interface DeliveryRow {
  id: number;
  itemDocumentId: string;
  messageId?: string | null;
  status: DeliveryStatus;
  attempts: number;
  firstAttemptAt?: string | null;
  nextAttemptAt: string;
  lastStatus?: number | null;
  lastError?: string | null;
  deliveredAt?: string | null;
  receipt?: DeliveryReceipt | null;
  event?: EventRow | null;
  subscriber?: SubscriberRow | null;
  source?: SourceRow | null;
}

/** The receiver's record of a reprint: which local copy holds which version of the source's document. */
export interface RecordRow {
  id: number;
  source?: SourceRow | null;
  sourceDocumentId: string;
  contentType: string;
  localDocumentId: string | null;
  version: number;
  attachments?: AttachmentManifestEntry[] | null;
  state: 'published' | 'held' | 'withdrawn';
}

export interface InboxRow {
  id: number;
  messageId: string;
  receipt: Receipt;
}
