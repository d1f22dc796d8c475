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
  /**
   * hex SHA-256 of the file, for the receiver to verify what it fetched; required (a reference without it
   * is refused). Null when the sender could not read its own file (another upload provider, a file gone).
   */
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
  /** The source instance, and the original's public address there (a reprint links back to it) */
  source: { organization: OrganizationKey | null; url: string | null; documentUrl?: string | null };
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
  onTime: {
    within: number;
    reprinted: number;
    onTime: number;
    late: number;
    overdue: number;
    rate: number | null;
  };
}

export interface SyndicationStatus {
  documentId: string;
  versions: number;
  subscribers: SubscriberSyndicationStatus[];
}

/*
 * Admin panel routes under /disclosure (super admins only): subscribers we push to, sources that
 * push to us, deliveries, and one document's syndication status.
 */

export type SubscriberScope = 'must-syndicate' | 'categories';

/** A subscriber as the admin sees it: never its secrets. */
export interface Subscriber {
  id: number;
  name: string;
  endpointUrl: string;
  organization: { documentId: string; code: string } | null;
  scope: SubscriberScope;
  categories: string[];
  topics: string[];
  active: boolean;
  /** Set when the worker stopped sending to it on its own (e.g. repeated failures) */
  disabledAt: string | null;
  disabledReason: string | null;
}

export interface SubscriberInput {
  name?: string;
  endpointUrl?: string;
  /** The organization's documentId */
  organization?: string | null;
  scope?: SubscriberScope;
  categories?: string[];
  topics?: string[];
  active?: boolean;
}

export type SourcePolicy = 'publish' | 'hold';

/** An instance that pushes to us; its secrets stay on the server, only their count is shown. */
export interface SyndicationSource {
  id: number;
  name: string;
  organizationCode: string | null;
  baseUrl: string | null;
  policy: SourcePolicy;
  active: boolean;
  secretCount: number;
}

export type DeliveryStatus = SubscriberSyndicationStatus['status'];

export interface Delivery {
  id: number;
  itemDocumentId: string;
  action: string | null;
  version: number | null;
  /** The subscriber's (or, for a receipt, the source's) name */
  target: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

export declare namespace GetSubscribers {
  export interface Response {
    data: Subscriber[];
  }
}

export declare namespace CreateSubscriber {
  export interface Request {
    body: { data: SubscriberInput & { name: string; endpointUrl: string } };
  }
  /** The secret is returned this once, for the receiving portal. */
  export interface Response {
    data: Subscriber;
    meta: { secret: string };
  }
}

export declare namespace UpdateSubscriber {
  export interface Request {
    params: { id: number };
    body: { data: SubscriberInput };
  }
  export interface Response {
    data: Subscriber;
  }
}

export declare namespace RotateSubscriberSecret {
  export interface Request {
    params: { id: number };
  }
  /** The new secret, returned this once; the previous one keeps signing alongside until the receiver switches. */
  export interface Response {
    data: Subscriber;
    meta: { secret: string };
  }
}

export declare namespace ResendToSubscriber {
  export interface Request {
    params: { id: number };
    /** One document, or every document changed since a Beijing date (YYYY-MM-DD) */
    body: { data: { documentId?: string; since?: string } };
  }
  export interface Response {
    data: { subscriber: string; documents: number };
  }
}

export declare namespace GetSources {
  export interface Response {
    data: SyndicationSource[];
  }
}

export declare namespace CreateSource {
  export interface Request {
    body: {
      data: {
        name: string;
        organizationCode?: string | null;
        baseUrl?: string | null;
        /** The secret the source gave us */
        secret: string;
        policy?: SourcePolicy;
        active?: boolean;
      };
    };
  }
  export interface Response {
    data: SyndicationSource;
  }
}

export declare namespace UpdateSource {
  export interface Request {
    params: { id: number };
    /** `secret` is added to the source's secrets; the previous ones stay valid */
    body: { data: { policy?: SourcePolicy; active?: boolean; secret?: string } };
  }
  export interface Response {
    data: SyndicationSource;
  }
}

export declare namespace GetDeliveries {
  export interface Request {
    query: { status?: DeliveryStatus };
  }
  export interface Response {
    data: Delivery[];
  }
}

export declare namespace RetryDelivery {
  export interface Request {
    params: { id: number };
  }
  export interface Response {
    data: { id: number; status: DeliveryStatus };
  }
}

export declare namespace GetSyndicationStatus {
  export interface Request {
    query: { document: string };
  }
  /** 404 when the document was never syndicated */
  export interface Response {
    data: SyndicationStatus;
  }
}

export declare namespace GetFeed {
  export interface Request {
    /** `since`: the cursor of the previous page; `limit`: 1–200, 50 when not given */
    query: { since?: string; limit?: string };
  }
  /** GET /api/disclosure/feed (API tokens): the outbox's events in order, page by page. */
  export interface Response {
    data: Array<{
      messageId: string;
      action: SyndicationAction;
      version: number;
      occurredAt: string;
      message: SyndicationMessage;
    }>;
    meta: { cursor: string | null; hasMore: boolean };
  }
}
