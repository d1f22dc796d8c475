/**
 * The syndication message (转载) one instance pushes to another, signed per Standard Webhooks, and the
 * receipt the receiver answers with. Relations travel by stable keys (organization code, 文号, 索引号),
 * never by the sender's database ids.
 */

export type SyndicationAction = 'publish' | 'update' | 'unpublish' | 'delete';

export interface OrganizationKey {
  code: string;
  name: string | null;
}

export interface DocumentKey {
  documentNumber: string | null;
  indexNumber: string | null;
  title: string | null;
}

export interface AttachmentRef {
  url: string;
  name: string;
  mime: string | null;
  sizeInBytes: number | null;
  /** hex SHA-256 of the file, for the receiver to verify what it fetched */
  sha256: string | null;
}

/** One locale of the document, as published at the source. */
export interface SyndicatedVersion {
  locale: string;
  title: string;
  documentNumber: string | null;
  indexNumber: string | null;
  category: string | null;
  topic: string | null;
  genre: string | null;
  isNormative: boolean | null;
  validity: string | null;
  writtenDate: string | null;
  issueDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  summary: string | null;
  body: unknown;
  urgent: boolean | null;
  mustSyndicate: boolean | null;
  publishedAt: string | null;
  issuingOrganization: OrganizationKey | null;
  coIssuers: OrganizationKey[];
  draftingDepartment: OrganizationKey | null;
  replacedBy: DocumentKey | null;
  implements: DocumentKey[];
  attachments: AttachmentRef[];
}

export interface SyndicationMessage {
  /** The source's documentId: with the source, the key of the copy */
  documentId: string;
  contentType: string;
  action: SyndicationAction;
  /** Increases with every change of the document at the source; older versions are ignored */
  version: number;
  occurredAt: string;
  source: { organization: OrganizationKey | null; url: string | null };
  /** Every published locale; empty for unpublish and delete */
  versions: SyndicatedVersion[];
}

/** GET /api/disclosure/syndication/status?document=<documentId>: one line per subscriber. */
export interface SubscriberSyndicationStatus {
  subscriber: { id: number; name: string; organizationCode: string | null; active: boolean };
  /** The latest version sent, and where its delivery stands */
  version: number;
  status: 'pending' | 'delivered' | 'dead' | 'cancelled';
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  /** The receiver's receipt: it has the message */
  acknowledged: boolean;
  /** Where the copy is public, when the receiver published it */
  reprint: { documentId: string | null; url: string | null; publishedAt: string } | null;
  held: boolean;
  /** From the source's change to its delivery, in seconds */
  lagSeconds: number | null;
  /** Reprints by this subscriber published within the configured working days, of all it received */
  onTime: { within: number; reprinted: number; onTime: number; rate: number | null };
}

export interface SyndicationStatus {
  documentId: string;
  versions: number;
  subscribers: SubscriberSyndicationStatus[];
}
