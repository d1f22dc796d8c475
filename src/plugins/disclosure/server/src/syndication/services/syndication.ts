import type { Core } from '@strapi/strapi';
import { createHash, randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import type {
  AttachmentRef,
  Delivery,
  DocumentKey,
  OrganizationKey,
  SubscriberSyndicationStatus,
  SyndicatedVersion,
  SyndicationAction,
  SyndicationMessage,
  SyndicationStatus,
  Subscriber,
} from '../../../../shared/contracts/syndication';
import {
  CONTENT_TYPES,
  DELIVERY_UID,
  EVENT_UID,
  LOCALES,
  SOURCE_LOCALE,
  SUBSCRIBER_UID,
} from '../../../../shared/constants';
import {
  addressForPartners,
  policyDocumentUrl,
  policyDocumentUrlForPartners,
  publicUrl,
} from '../public-url';
import { beijingDate, startOfBeijingDay } from '../../calendar/rules/beijing-time';
import { tallyReprints, type ReprintFact, type ReprintTally } from '../rules/reprint-timeliness';
import { subscriberWants } from '../rules/syndication-scope';
import { generateSecret, identifySender } from '../rules/webhook-signature';
import type { SubscriberInput } from '../validation/subscriber';
import { receiptProblem } from '../validation/syndication-message';
import { getService } from '../../utils/get-service';
import { getConfig } from '../../utils/get-config';
import { documentsOf } from '../../utils/documents';
import type { DeliveryRow, DocumentEventRow, EventRow, SubscriberRow } from '../rows';

/** The catalogue type that is syndicated (转载): policy documents. */
/** A delivery to a subscriber that failed: given up on, or waiting to be retried after a failure. */
const FAILING_DELIVERIES = {
  subscriber: { id: { $notNull: true } },
  $or: [{ status: 'dead' }, { status: 'pending', attempts: { $gt: 0 } }],
};
export const SYNDICATED_TYPES = new Set<string>([CONTENT_TYPES.policyDocument]);

const ORGANIZATION_FIELDS = { fields: ['code', 'name'] };
const DOCUMENT_KEY_FIELDS = { fields: ['documentNumber', 'indexNumber', 'title'] };

/** An organization as populated for a message (code and name). */
interface OrganizationFields {
  code: string;
  name?: string | null;
}
/** A related document as populated for a message (its keys). */
interface DocumentKeyFields {
  documentNumber?: string | null;
  indexNumber?: string | null;
  title?: string | null;
}
/** A stored file, as the media library keeps it. */
interface StoredFile {
  provider?: string;
  url: string;
  name: string;
  mime?: string | null;
}
/** One published locale of a policy document, as read for a message. */
interface PublishedDocument extends DocumentKeyFields {
  title: string;
  category?: string | null;
  topic?: string | null;
  genre?: string | null;
  isNormative?: boolean | null;
  validity?: string | null;
  writtenDate?: string | null;
  issueDate?: string | null;
  effectiveDate?: string | null;
  expiryDate?: string | null;
  summary?: string | null;
  body?: unknown;
  urgent?: boolean | null;
  mustSyndicate?: boolean | null;
  publishedAt?: string | null;
  issuingOrganization?: OrganizationFields | null;
  coIssuers?: OrganizationFields[] | null;
  draftingDepartment?: OrganizationFields | null;
  replacedBy?: DocumentKeyFields | null;
  implements?: DocumentKeyFields[] | null;
  attachments?: StoredFile[] | null;
}
/** A published policy document as an Atom entry shows it. */
interface FeedDocument {
  documentId: string;
  title: string;
  documentNumber?: string | null;
  summary?: string | null;
  updatedAt: string;
  publishedAt?: string | null;
}
/** A delivery to a subscriber, with its event and subscriber populated. */
type SentDelivery = DeliveryRow & { event: EventRow; subscriber: SubscriberRow };
/** A receipt as its validation lets it through. */
interface ReceiptMessage {
  documentId: string;
  version: number;
  receipt: Record<string, unknown>;
}

function organizationKey(
  organization: OrganizationFields | null | undefined
): OrganizationKey | null;
function organizationKey(organization: OrganizationFields): OrganizationKey;
function organizationKey(
  organization: OrganizationFields | null | undefined
): OrganizationKey | null {
  return organization ? { code: organization.code, name: organization.name ?? null } : null;
}
function documentKey(document: DocumentKeyFields | null | undefined): DocumentKey | null;
function documentKey(document: DocumentKeyFields): DocumentKey;
function documentKey(document: DocumentKeyFields | null | undefined): DocumentKey | null {
  return document
    ? {
        documentNumber: document.documentNumber ?? null,
        indexNumber: document.indexNumber ?? null,
        title: document.title ?? null,
      }
    : null;
}

/**
 * The source side of syndication: every publish, update, unpublish and delete of a syndicated item
 * becomes an outbox event with the whole document, and a pending delivery per subscriber that wants
 * it, in the transaction of the change itself (so a change is never without its event, nor an event
 * without its change). A worker delivers them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now() as Date;

  /**
   * Exact size and SHA-256 of a file stored by the local upload provider, for the receiver to verify.
   * A file this instance cannot read (another upload provider, a file gone from disk) goes without its
   * hash, and receivers refuse such a message (400 naming the attachment, shown on the delivery).
   */
  const attachmentOf = async (file: StoredFile): Promise<AttachmentRef> => {
    let content: Buffer | null = null;
    if (file.provider === 'local' && typeof file.url === 'string' && file.url.startsWith('/')) {
      content = await fs.readFile(path.join(strapi.dirs.static.public, file.url)).catch(() => null);
    }
    return {
      url: file.url?.startsWith('/') ? publicUrl(strapi, file.url) : file.url,
      name: file.name,
      mime: file.mime ?? null,
      sizeInBytes: content ? content.length : null,
      sha256: content ? createHash('sha256').update(content).digest('hex') : null,
    };
  };

  const publishedVersions = async (
    uid: string,
    documentId: string
  ): Promise<SyndicatedVersion[]> => {
    const versions: SyndicatedVersion[] = [];
    for (const { code: locale } of LOCALES) {
      const doc = await documentsOf<PublishedDocument>(strapi, uid).findOne({
        documentId,
        locale,
        status: 'published',
        populate: {
          issuingOrganization: ORGANIZATION_FIELDS,
          coIssuers: ORGANIZATION_FIELDS,
          draftingDepartment: ORGANIZATION_FIELDS,
          replacedBy: DOCUMENT_KEY_FIELDS,
          implements: DOCUMENT_KEY_FIELDS,
          attachments: true,
        },
      });
      if (!doc) continue;
      versions.push({
        locale,
        title: doc.title,
        documentNumber: doc.documentNumber ?? null,
        indexNumber: doc.indexNumber ?? null,
        category: doc.category ?? null,
        topic: doc.topic ?? null,
        genre: doc.genre ?? null,
        isNormative: doc.isNormative ?? null,
        validity: doc.validity ?? null,
        writtenDate: doc.writtenDate ?? null,
        issueDate: doc.issueDate ?? null,
        effectiveDate: doc.effectiveDate ?? null,
        expiryDate: doc.expiryDate ?? null,
        summary: doc.summary ?? null,
        body: doc.body ?? null,
        urgent: doc.urgent ?? null,
        mustSyndicate: doc.mustSyndicate ?? null,
        publishedAt: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : null,
        issuingOrganization: organizationKey(doc.issuingOrganization),
        coIssuers: (doc.coIssuers ?? []).map(organizationKey),
        draftingDepartment: organizationKey(doc.draftingDepartment),
        replacedBy: documentKey(doc.replacedBy),
        implements: (doc.implements ?? []).map(documentKey),
        attachments: await Promise.all((doc.attachments ?? []).map(attachmentOf)),
      });
    }
    return versions;
  };

  const reprintOf = (delivery: DeliveryRow) => {
    const receipt = delivery.receipt;
    if (!receipt || receipt.status !== 'published') return null;
    const publishedAt =
      receipt.publishedAt ??
      (delivery.deliveredAt ? new Date(delivery.deliveredAt).toISOString() : null);
    return publishedAt
      ? { documentId: receipt.documentId ?? null, url: receipt.url ?? null, publishedAt }
      : null;
  };

  /** Deliveries as the admin lists them (newest first, at most 200). */
  const deliveriesWhere = async (where: Record<string, unknown>): Promise<Delivery[]> => {
    const rows: DeliveryRow[] = await strapi.db.query(DELIVERY_UID).findMany({
      where,
      orderBy: { id: 'desc' },
      limit: 200,
      populate: {
        event: { select: ['action', 'version', 'occurredAt'] },
        subscriber: { select: ['id', 'name'] },
        source: { select: ['id', 'name'] },
      },
    });
    return rows.map((row) => ({
      id: row.id,
      itemDocumentId: row.itemDocumentId,
      action: row.event?.action ?? null,
      version: row.event?.version ?? null,
      target: row.subscriber?.name ?? row.source?.name ?? null,
      status: row.status,
      attempts: row.attempts,
      lastStatus: row.lastStatus ?? null,
      lastError: row.lastError ?? null,
      nextAttemptAt: row.nextAttemptAt ?? null,
    }));
  };

  /**
   * Reprint timeliness per subscriber: each first publication delivered to it is due within `within`
   * working days of the source's publication (on the holiday calendar). `from` and `to` limit it to
   * documents published in that Beijing date range, `issuers` to those of these organizations (codes).
   */
  const reprintTimeliness = async (
    options: { subscriber?: number; from?: string; to?: string; issuers?: string[] } = {}
  ) => {
    const calendar = getService(strapi, 'calendar');
    const within = reprintWithinWorkingDays();
    const today = beijingDate(now());
    const received: SentDelivery[] = await strapi.db.query(DELIVERY_UID).findMany({
      where: {
        status: 'delivered',
        event: { action: 'publish' },
        ...(options.subscriber
          ? { subscriber: options.subscriber }
          : { subscriber: { id: { $notNull: true } } }),
      },
      populate: {
        event: { select: ['occurredAt', 'payload'] },
        subscriber: {
          select: ['id', 'name', 'active'],
          populate: { organization: { select: ['code'] } },
        },
      },
    });
    const facts = new Map<number, { subscriber: SubscriberRow; facts: ReprintFact[] }>();
    for (const delivery of received) {
      // A publish event's payload: the message sent.
      const published = (delivery.event?.payload as SyndicationMessage | undefined)?.versions?.[0];
      const issuer = published?.issuingOrganization?.code;
      if (options.issuers && (issuer === undefined || !options.issuers.includes(issuer))) continue;
      const sourcePublishedOn = beijingDate(
        new Date((published?.publishedAt ?? delivery.event?.occurredAt) as string)
      );
      if (
        (options.from && sourcePublishedOn < options.from) ||
        (options.to && sourcePublishedOn > options.to)
      )
        continue;
      const dueDate = (await calendar.addWorkingDays(sourcePublishedOn, within)).date as string;
      const reprint = reprintOf(delivery);
      const entry = facts.get(delivery.subscriber.id) ?? {
        subscriber: delivery.subscriber,
        facts: [],
      };
      entry.facts.push({
        dueDate,
        reprintedOn: reprint ? beijingDate(new Date(reprint.publishedAt)) : null,
      });
      facts.set(delivery.subscriber.id, entry);
    }
    return [...facts.values()]
      .sort((a, b) => a.subscriber.name.localeCompare(b.subscriber.name))
      .map(({ subscriber, facts: list }) => ({
        subscriber: {
          id: subscriber.id,
          name: subscriber.name,
          organizationCode: subscriber.organization?.code ?? null,
          active: subscriber.active,
        },
        within,
        ...tallyReprints(list, today),
      }));
  };

  const reprintWithinWorkingDays = () => getConfig(strapi).syndication.reprintWithinWorkingDays;

  /** The status's on-time summary for one subscriber, from the timeliness of all of them. */
  const onTimeOf = (timeliness: Map<number, ReprintTally>, subscriberId: number) => {
    const tally = timeliness.get(subscriberId);
    return {
      within: reprintWithinWorkingDays(),
      reprinted: tally?.reprinted ?? 0,
      onTime: tally?.onTime ?? 0,
      late: tally?.late ?? 0,
      overdue: tally?.overdue ?? 0,
      rate: tally?.rate ?? null,
    };
  };

  /** A subscriber as the admin sees it: never its secrets. */
  const publicSubscriber = (subscriber: SubscriberRow): Subscriber => ({
    id: subscriber.id,
    name: subscriber.name,
    endpointUrl: subscriber.endpointUrl,
    organization: subscriber.organization
      ? { documentId: subscriber.organization.documentId, code: subscriber.organization.code }
      : null,
    scope: subscriber.scope,
    categories: subscriber.categories ?? [],
    topics: subscriber.topics ?? [],
    active: subscriber.active,
    disabledAt: subscriber.disabledAt ?? null,
    disabledReason: subscriber.disabledReason ?? null,
  });

  const organizationId = async (documentId: string | null | undefined) => {
    if (documentId === undefined) return undefined;
    if (documentId === null) return null;
    const organization = await strapi.db
      .query(CONTENT_TYPES.organization)
      .findOne({ where: { documentId }, select: ['id'] });
    return organization?.id ?? null;
  };

  const subscriberById = (id: number): Promise<SubscriberRow | null> =>
    strapi.db
      .query(SUBSCRIBER_UID)
      .findOne({ where: { id }, populate: { organization: { select: ['documentId', 'code'] } } });

  return {
    reprintTimeliness,

    async listSubscribers() {
      const all: SubscriberRow[] = await strapi.db.query(SUBSCRIBER_UID).findMany({
        orderBy: { name: 'asc' },
        populate: { organization: { select: ['documentId', 'code'] } },
      });
      return all.map(publicSubscriber);
    },

    /** A new subscriber with a fresh secret, returned this once for the receiving portal. */
    async createSubscriber(input: SubscriberInput) {
      const secret = generateSecret();
      const created: { id: number } = await strapi.db.query(SUBSCRIBER_UID).create({
        data: {
          ...input,
          organization: await organizationId(input.organization),
          secret,
          scope: input.scope ?? 'must-syndicate',
          active: input.active ?? true,
        },
      });
      return { subscriber: publicSubscriber((await subscriberById(created.id))!), secret };
    },

    async updateSubscriber(id: number, input: SubscriberInput) {
      if (!(await subscriberById(id))) return null;
      const organization = await organizationId(input.organization);
      const reactivated = input.active === true ? { disabledAt: null, disabledReason: null } : {};
      await strapi.db.query(SUBSCRIBER_UID).update({
        where: { id },
        data: { ...input, ...(organization !== undefined ? { organization } : {}), ...reactivated },
      });
      return publicSubscriber((await subscriberById(id))!);
    },

    /** A new secret; the old one still signs alongside it until the receiver has switched. */
    async rotateSecret(id: number) {
      const current = await subscriberById(id);
      if (!current) return null;
      const secret = generateSecret();
      await strapi.db
        .query(SUBSCRIBER_UID)
        .update({ where: { id }, data: { secret, previousSecret: current.secret } });
      return { subscriber: publicSubscriber(current), secret };
    },

    /** Deliveries by state (e.g. the dead ones an administrator may retry). */
    listDeliveries: (status: string) => deliveriesWhere({ status }),

    /**
     * Deliveries to subscribers that are failing: given up on (dead), or still pending after a failed
     * attempt; with `issuedWithin` (organization documentIds), only of documents those organizations
     * issued, scoped before the list is cut to its length.
     */
    async failingDeliveries(issuedWithin: string[] | null = null): Promise<Delivery[]> {
      if (!issuedWithin) return deliveriesWhere(FAILING_DELIVERIES);
      const failing: Array<{ itemDocumentId: string }> = await strapi.db
        .query(DELIVERY_UID)
        .findMany({ where: FAILING_DELIVERIES, select: ['itemDocumentId'] });
      const documentIds = [...new Set(failing.map((row) => row.itemDocumentId))];
      if (!documentIds.length) return [];
      const inScope: Array<{ documentId: string }> = await strapi.db
        .query(CONTENT_TYPES.policyDocument)
        .findMany({
          where: {
            documentId: { $in: documentIds },
            issuingOrganization: { documentId: { $in: issuedWithin } },
          },
          select: ['documentId'],
        });
      if (!inScope.length) return [];
      return deliveriesWhere({
        ...FAILING_DELIVERIES,
        itemDocumentId: { $in: [...new Set(inScope.map((row) => row.documentId))] },
      });
    },

    /**
     * Sends again, to one subscriber, the latest version of one document, or of every document
     * changed since a Beijing date: new pending deliveries, delivered by the worker as usual.
     */
    async resend({
      subscriber,
      documentId,
      since,
    }: {
      subscriber: number;
      documentId?: string;
      since?: string;
    }) {
      const target: SubscriberRow | null = await strapi.db
        .query(SUBSCRIBER_UID)
        .findOne({ where: { id: subscriber } });
      if (!target) return null;
      const where: Record<string, unknown> = { action: { $ne: 'receipt' } };
      if (documentId) where.itemDocumentId = documentId;
      if (since) where.occurredAt = { $gte: startOfBeijingDay(since) };
      const events: EventRow[] = await strapi.db
        .query(EVENT_UID)
        .findMany({ where, orderBy: { id: 'asc' } });
      const latest = new Map<string, EventRow>();
      for (const event of events) latest.set(event.itemDocumentId, event);
      const at = now();
      for (const event of latest.values()) {
        await strapi.db.query(DELIVERY_UID).create({
          data: {
            event: event.id,
            subscriber: target.id,
            itemDocumentId: event.itemDocumentId,
            messageId: `msg_${randomUUID()}`,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: at,
          },
        });
      }
      return { subscriber: target.name, documents: latest.size };
    },

    /** Outbox events after an id, oldest first (the pull feed); receipts are between instances only. */
    eventsAfter(after: number, limit: number): Promise<DocumentEventRow[]> {
      return strapi.db.query(EVENT_UID).findMany({
        where: { id: { $gt: after }, action: { $ne: 'receipt' } },
        orderBy: { id: 'asc' },
        limit,
      });
    },

    /** The organization's latest published documents, as the public sees them, for an Atom feed. */
    async atomOf(code: string) {
      const organization: { name: string; portalUrl?: string | null; updatedAt: string } | null =
        await strapi.db
          .query(CONTENT_TYPES.organization)
          .findOne({ where: { code, locale: SOURCE_LOCALE } });
      if (!organization) return null;
      const documents = await documentsOf<FeedDocument>(
        strapi,
        CONTENT_TYPES.policyDocument
      ).findMany({
        filters: { issuingOrganization: { code }, disclosureAttribute: 'proactive' },
        status: 'published',
        locale: SOURCE_LOCALE,
        sort: ['publishedAt:desc'],
        limit: 50,
      });
      return {
        id: `urn:disclosure:organization:${code}`,
        title: `${organization.name} 政府信息公开`,
        link: organization.portalUrl || publicUrl(strapi, '/api/policy-documents'),
        self: publicUrl(
          strapi,
          `/api/disclosure/feed.atom?organization=${encodeURIComponent(code)}`
        ),
        updated: documents[0]?.publishedAt
          ? new Date(documents[0].publishedAt)
          : new Date(organization.updatedAt),
        entries: documents.map((document) => ({
          id: `urn:disclosure:document:${document.documentId}`,
          title: document.documentNumber
            ? `${document.title}（${document.documentNumber}）`
            : document.title,
          link: policyDocumentUrl(strapi, document.documentId),
          updated: new Date(document.updatedAt),
          published: document.publishedAt ? new Date(document.publishedAt) : null,
          summary: document.summary ?? null,
          author: organization.name,
        })),
      };
    },

    /**
     * A receipt from a subscriber for a reprint published after it was first held: verified against
     * the subscriber's secrets, then kept on the delivery of that version (idempotent).
     */
    async acceptReceipt(headers: Record<string, unknown>, raw: string | undefined) {
      if (typeof raw !== 'string')
        return { kind: 'unauthenticated', reason: 'missing-headers' } as const;
      const subscribers: SubscriberRow[] = await strapi.db
        .query(SUBSCRIBER_UID)
        .findMany({ where: { active: true } });
      const secretsOf = (candidate: SubscriberRow) =>
        [candidate.secret, candidate.previousSecret].filter((secret): secret is string =>
          Boolean(secret)
        );
      const { sender: subscriber, reason } = identifySender(
        subscribers,
        secretsOf,
        headers,
        raw,
        Math.floor(now().getTime() / 1000)
      );
      if (!subscriber) return { kind: 'unauthenticated', reason } as const;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return {
          kind: 'invalid',
          reason: '回执不是有效的 JSON (the receipt is not valid JSON)',
        } as const;
      }
      const problem = receiptProblem(parsed);
      if (problem) return { kind: 'invalid', reason: problem.message, path: problem.path } as const;
      const message = parsed as ReceiptMessage;
      const { receipt } = message;
      const delivery: DeliveryRow | null = await strapi.db.query(DELIVERY_UID).findOne({
        where: {
          itemDocumentId: message.documentId,
          subscriber: subscriber.id,
          event: { version: message.version },
        },
        orderBy: { id: 'desc' },
      });
      if (!delivery)
        return {
          kind: 'unknown',
          reason: `没有版本 ${message.version} 的投递 (no delivery of this version to this subscriber)`,
        } as const;
      await strapi.db.query(DELIVERY_UID).update({
        where: { id: delivery.id },
        data: { receipt: { ...(delivery.receipt ?? {}), ...receipt } },
      });
      return { kind: 'accepted' } as const;
    },

    /** Who has the document, who reprinted it and how late (null when it was never syndicated). */
    async status(documentId: string): Promise<SyndicationStatus | null> {
      const versions = await strapi.db
        .query(EVENT_UID)
        .count({ where: { itemDocumentId: documentId } });
      if (!versions) return null;
      const all: SentDelivery[] = await strapi.db.query(DELIVERY_UID).findMany({
        where: { itemDocumentId: documentId },
        populate: {
          event: { select: ['version', 'occurredAt'] },
          subscriber: { populate: { organization: { select: ['code'] } } },
        },
      });
      const latest = new Map<number, SentDelivery>();
      for (const delivery of all) {
        const current = latest.get(delivery.subscriber.id);
        if (!current || current.event.version < delivery.event.version)
          latest.set(delivery.subscriber.id, delivery);
      }
      // One pass over the deliveries for every subscriber's on-time rate, not one per subscriber.
      const timeliness = new Map<number, ReprintTally>(
        (await reprintTimeliness()).map((line) => [line.subscriber.id, line])
      );
      const subscribers: SubscriberSyndicationStatus[] = [];
      for (const delivery of [...latest.values()].sort((a, b) =>
        a.subscriber.name.localeCompare(b.subscriber.name)
      )) {
        const deliveredAt = delivery.deliveredAt ? new Date(delivery.deliveredAt) : null;
        subscribers.push({
          subscriber: {
            id: delivery.subscriber.id,
            name: delivery.subscriber.name,
            organizationCode: delivery.subscriber.organization?.code ?? null,
            active: delivery.subscriber.active,
          },
          version: delivery.event.version,
          status: delivery.status,
          attempts: delivery.attempts,
          lastError: delivery.lastError ?? null,
          deliveredAt: deliveredAt?.toISOString() ?? null,
          acknowledged: !!delivery.receipt,
          reprint: reprintOf(delivery),
          held: delivery.receipt?.status === 'held',
          lagSeconds: deliveredAt
            ? Math.round(
                (deliveredAt.getTime() - new Date(delivery.event.occurredAt).getTime()) / 1000
              )
            : null,
          onTime: onTimeOf(timeliness, delivery.subscriber.id),
        });
      }
      return { documentId, versions, subscribers };
    },

    /**
     * Called inside the transaction of a change, after it is written. `action` is what happened to
     * the published document: publish (first, or again after a change), unpublish or delete.
     */
    async recordChange(
      uid: string,
      happened: 'publish' | 'unpublish' | 'delete',
      documentId: string
    ) {
      const events = strapi.db.query(EVENT_UID);
      const deliveries = strapi.db.query(DELIVERY_UID);
      const previous: EventRow | null = await events.findOne({
        where: { itemDocumentId: documentId },
        orderBy: { version: 'desc' },
      });
      // Nothing to withdraw from subscribers that never had it.
      if (happened !== 'publish' && !previous) return null;
      const action: SyndicationAction =
        happened === 'publish'
          ? previous && previous.action !== 'unpublish' && previous.action !== 'delete'
            ? 'update'
            : 'publish'
          : happened;

      const versions = happened === 'publish' ? await publishedVersions(uid, documentId) : [];
      if (happened === 'publish' && !versions.length) return null;
      const source = versions.find((version) => version.locale === SOURCE_LOCALE) ?? versions[0];
      const occurredAt = now();
      const message: SyndicationMessage = {
        documentId,
        contentType: uid,
        action,
        version: (previous?.version ?? 0) + 1,
        occurredAt: occurredAt.toISOString(),
        source: {
          organization: source?.issuingOrganization ?? null,
          url: addressForPartners(strapi),
          documentUrl: policyDocumentUrlForPartners(strapi, documentId),
        },
        versions,
      };
      const event: EventRow = await events.create({
        data: {
          messageId: `msg_${randomUUID()}`,
          contentType: uid,
          itemDocumentId: documentId,
          action,
          version: message.version,
          occurredAt,
          payload: message,
        },
      });

      // Who gets it: those who want it now, and those who had an earlier version (to follow it).
      const earlier: Array<{ subscriber?: { id: number } | null }> = await deliveries.findMany({
        where: { itemDocumentId: documentId },
        populate: { subscriber: { select: ['id'] } },
      });
      const followers = new Set<number>(
        earlier.map((delivery) => delivery.subscriber?.id).filter((id): id is number => Boolean(id))
      );
      const subscribers: SubscriberRow[] = await strapi.db
        .query(SUBSCRIBER_UID)
        .findMany({ where: { active: true } });
      for (const subscriber of subscribers) {
        if (!followers.has(subscriber.id) && !(source && subscriberWants(subscriber, source)))
          continue;
        await deliveries.create({
          data: {
            event: event.id,
            subscriber: subscriber.id,
            itemDocumentId: documentId,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: occurredAt,
          },
        });
      }
      return event;
    },
  };
};
