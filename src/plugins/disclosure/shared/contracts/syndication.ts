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
