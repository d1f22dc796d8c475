import type { Core } from '@strapi/strapi';
import { randomUUID } from 'crypto';
import type {
  SyndicatedVersion,
  SyndicationMessage,
  SyndicationSource,
} from '../../../../shared/contracts/syndication';
import {
  CONTENT_TYPES,
  DELIVERY_UID,
  EVENT_UID,
  INBOX_UID,
  RECORD_UID,
  SOURCE_LOCALE,
  SOURCE_UID,
} from '../../../../shared/constants';
import { AttachmentFetchError } from '../rules/attachment-fetch';
import { identifySender, type VerificationFailure } from '../rules/webhook-signature';
import { policyDocumentUrlForPartners } from '../public-url';
import { lockWithinTransaction } from '../../utils/transaction-lock';
import { messageProblem } from '../validation/syndication-message';
import type { SourceInput } from '../validation/source';
import type { PreparedAttachments, VerifiedAttachmentRef } from './syndication-attachments';
import { getService } from '../../utils/get-service';
import { documentsOf } from '../../utils/documents';
import type { InboxRow, RecordRow, SourceRow } from '../rows';

export interface Receipt {
  documentId: string | null;
  url: string | null;
  status: 'published' | 'held' | 'withdrawn' | 'ignored';
  version: number;
  reason?: string;
}

export type InboxResult =
  | { kind: 'unauthenticated'; reason: VerificationFailure | 'unknown-source' }
  /** Not a message this receiver takes; `path` names the field when one is to blame */
  | { kind: 'invalid'; reason: string; path?: Array<string | number> }
  /** Something the copy needs could not be had now (an attachment): the sender should retry */
  | { kind: 'unavailable'; reason: string }
  | { kind: 'accepted'; receipt: Receipt; duplicate: boolean };

/**
 * The receiving side of syndication (转载): verifies the sender (Standard Webhooks, 5-minute window),
 * deduplicates on the message id, ignores versions older than the one held, and upserts the local
 * copy with its syndication record in one transaction, publishing it at once or holding it as a draft
 * for an editor (转载审核) as the source's policy says. The copy names its source; withdrawals follow.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now() as Date;
  const docs = () => documentsOf(strapi, CONTENT_TYPES.policyDocument);

  /** The active source whose secret signed the message. */
  const authenticate = async (headers: Record<string, unknown>, raw: string) => {
    const sources: SourceRow[] = await strapi.db
      .query(SOURCE_UID)
      .findMany({ where: { active: true } });
    const secretsOf = (source: SourceRow) =>
      Array.isArray(source.secrets)
        ? source.secrets.filter((s: unknown): s is string => typeof s === 'string')
        : [];
    return identifySender(sources, secretsOf, headers, raw, Math.floor(now().getTime() / 1000));
  };

  /** A local organization for a source's organization key, created on first sight. */
  const organizationFor = async (key: { code: string; name: string | null } | null) => {
    if (!key?.code) return null;
    const found: { documentId: string } | null = await strapi.db
      .query(CONTENT_TYPES.organization)
      .findOne({ where: { code: key.code, locale: SOURCE_LOCALE } });
    if (found) return found.documentId;
    const created = await documentsOf(strapi, CONTENT_TYPES.organization).create({
      data: { name: key.name ?? key.code, code: key.code, level: 'department' },
    });
    return created.documentId;
  };

  const localData = async (
    version: SyndicatedVersion,
    source: SourceRow,
    message: SyndicationMessage
  ) => ({
    title: version.title,
    documentNumber: version.documentNumber,
    indexNumber: version.indexNumber,
    category: version.category,
    topic: version.topic,
    genre: version.genre,
    isNormative: version.isNormative ?? false,
    validity: version.validity,
    writtenDate: version.writtenDate,
    issueDate: version.issueDate,
    effectiveDate: version.effectiveDate,
    expiryDate: version.expiryDate,
    summary: version.summary,
    body: version.body,
    urgent: version.urgent ?? false,
    issuingOrganization: await organizationFor(version.issuingOrganization),
    // Reviewed at the source before it published: the copy carries that review, naming the source.
    confidentialityReview: {
      reviewer: `转载自 ${source.name}`,
      reviewedAt: message.occurredAt,
      conclusion: 'approved',
    },
    // 转载须注明来源: the copy names the issuing office and links to the original.
    reprintedFrom:
      message.source?.organization?.name ?? version.issuingOrganization?.name ?? source.name,
    reprintedFromUrl: message.source?.documentUrl ?? message.source?.url ?? null,
  });

  const recordOf = (
    source: SourceRow,
    message: Pick<SyndicationMessage, 'documentId'>
  ): Promise<RecordRow | null> =>
    strapi.db
      .query(RECORD_UID)
      .findOne({ where: { source: source.id, sourceDocumentId: message.documentId } });

  /**
   * Older than what is held: ignored. The same version again (a re-send) is applied only when the
   * copy has gone missing here.
   */
  const isOutdated = async (
    record: RecordRow | null,
    message: Pick<SyndicationMessage, 'version'>
  ) => {
    if (!record || record.version < message.version) return false;
    if (record.version > message.version) return true;
    return (
      !!record.localDocumentId && !!(await docs().findOne({ documentId: record.localDocumentId }))
    );
  };

  const apply = async (
    source: SourceRow,
    message: SyndicationMessage,
    attachments: PreparedAttachments | null
  ): Promise<Receipt> => {
    const records = strapi.db.query(RECORD_UID);
    const record = await recordOf(source, message);
    if (await isOutdated(record, message)) {
      const held = record!; // only a record held can be newer
      return {
        documentId: held.localDocumentId,
        url: held.localDocumentId
          ? policyDocumentUrlForPartners(strapi, held.localDocumentId)
          : null,
        status: 'ignored',
        version: held.version,
        reason: 'older-version',
      };
    }
    const receivedAt = now();
    const common = {
      source: source.id,
      sourceDocumentId: message.documentId,
      contentType: message.contentType,
      version: message.version,
      receivedAt,
      sourceUrl: message.source?.url ?? null,
      sourceOrganizationCode: message.source?.organization?.code ?? null,
    };

    if (message.action === 'unpublish' || message.action === 'delete') {
      if (record?.localDocumentId)
        await docs()
          .unpublish({ documentId: record.localDocumentId })
          .catch(() => null);
      const state = 'withdrawn';
      if (record) await records.update({ where: { id: record.id }, data: { ...common, state } });
      else await records.create({ data: { ...common, state, localDocumentId: null } });
      return {
        documentId: record?.localDocumentId ?? null,
        url: null,
        status: state,
        version: message.version,
      };
    }

    const version = message.versions.find((v) => v.locale === SOURCE_LOCALE)!;
    const data = {
      ...(await localData(version, source, message)),
      attachments: attachments?.fileIds ?? [],
    };
    let localDocumentId = record?.localDocumentId as string | undefined;
    if (localDocumentId && (await docs().findOne({ documentId: localDocumentId }))) {
      await docs().update({ documentId: localDocumentId, data });
    } else {
      localDocumentId = (await docs().create({ data })).documentId;
    }
    const state = source.policy === 'publish' ? 'published' : 'held';
    // The record first: the publication gate knows a reprint by it.
    const kept = { ...common, state, localDocumentId, attachments: attachments?.manifest ?? [] };
    if (record) await records.update({ where: { id: record.id }, data: kept });
    else await records.create({ data: kept });
    if (state === 'published') await docs().publish({ documentId: localDocumentId });
    return {
      documentId: localDocumentId,
      url: policyDocumentUrlForPartners(strapi, localDocumentId),
      status: state,
      version: message.version,
    };
  };

  /** A source as the admin sees it: how many secrets it has, never the secrets. */
  const publicSource = (source: SourceRow): SyndicationSource => ({
    id: source.id,
    name: source.name,
    organizationCode: source.organizationCode ?? null,
    baseUrl: source.baseUrl ?? null,
    policy: source.policy,
    active: source.active,
    secretCount: Array.isArray(source.secrets) ? source.secrets.length : 0,
  });

  return {
    async listSources() {
      const all: SourceRow[] = await strapi.db
        .query(SOURCE_UID)
        .findMany({ orderBy: { name: 'asc' } });
      return all.map(publicSource);
    },

    async createSource({ secret, ...input }: SourceInput) {
      const created: SourceRow = await strapi.db.query(SOURCE_UID).create({
        data: {
          ...input,
          secrets: [secret],
          policy: input.policy ?? 'hold',
          active: input.active ?? true,
        },
      });
      return publicSource(created);
    },

    /**
     * A new secret goes in front and the one before it stays valid, so the source can switch at its
     * own pace (it signs with both meanwhile); older ones are dropped.
     */
    async updateSource(id: number, { secret, ...input }: SourceInput) {
      const current: SourceRow | null = await strapi.db
        .query(SOURCE_UID)
        .findOne({ where: { id } });
      if (!current) return null;
      const held: string[] = Array.isArray(current.secrets) ? current.secrets : [];
      const secrets = secret
        ? [secret, ...held.filter((old) => old !== secret)].slice(0, 2)
        : undefined;
      const updated: SourceRow = await strapi.db
        .query(SOURCE_UID)
        .update({ where: { id }, data: { ...input, ...(secrets ? { secrets } : {}) } });
      return publicSource(updated);
    },

    /**
     * A local document was published: if it is a reprint an editor held (转载审核), its source is owed
     * a receipt, which goes back signed through the outbox, in this same transaction.
     */
    async onLocalPublish(localDocumentId: string) {
      const records = strapi.db.query(RECORD_UID);
      const record: RecordRow | null = await records.findOne({
        where: { localDocumentId, state: 'held' },
        populate: { source: true },
      });
      if (!record?.source) return null;
      const at = now();
      await records.update({ where: { id: record.id }, data: { state: 'published' } });
      const receipt = {
        documentId: localDocumentId,
        url: policyDocumentUrlForPartners(strapi, localDocumentId),
        status: 'published',
        version: record.version,
        publishedAt: at.toISOString(),
      };
      const event: { id: number } = await strapi.db.query(EVENT_UID).create({
        data: {
          messageId: `msg_${randomUUID()}`,
          contentType: record.contentType,
          itemDocumentId: record.sourceDocumentId,
          action: 'receipt',
          version: record.version,
          occurredAt: at,
          payload: { documentId: record.sourceDocumentId, version: record.version, receipt },
        },
      });
      return strapi.db.query(DELIVERY_UID).create({
        data: {
          event: event.id,
          source: record.source.id,
          itemDocumentId: record.sourceDocumentId,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: at,
        },
      });
    },

    async receive(headers: Record<string, unknown>, raw: string | undefined): Promise<InboxResult> {
      if (typeof raw !== 'string') return { kind: 'unauthenticated', reason: 'missing-headers' };
      const identified = await authenticate(headers, raw);
      if (!identified.sender) return { kind: 'unauthenticated', reason: identified.reason! };
      const { sender: source, id: messageId } = identified;

      const seen: InboxRow | null = await strapi.db
        .query(INBOX_UID)
        .findOne({ where: { messageId, source: source.id } });
      if (seen) return { kind: 'accepted', receipt: seen.receipt, duplicate: true };

      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return { kind: 'invalid', reason: '消息不是有效的 JSON (the body is not valid JSON)' };
      }
      const problem = messageProblem(parsed);
      if (problem) return { kind: 'invalid', reason: problem.message, path: problem.path };
      const message = parsed as SyndicationMessage;

      // Attachments are fetched before the transaction (no lock held across the network), and only
      // for a version that will be applied.
      const attachmentService = getService(strapi, 'syndication-attachments');
      let attachments: PreparedAttachments | null = null;
      if (message.action === 'publish' || message.action === 'update') {
        const record = await recordOf(source, message);
        if (!(await isOutdated(record, message))) {
          // Checked by messageProblem: a list of complete references, or none.
          const refs = (message.versions.find((v) => v.locale === SOURCE_LOCALE)?.attachments ??
            []) as VerifiedAttachmentRef[];
          try {
            attachments = await attachmentService.prepare(source, refs, record?.attachments);
          } catch (failure) {
            if (!(failure instanceof AttachmentFetchError)) throw failure;
            return {
              kind: failure.kind === 'refused' ? 'invalid' : 'unavailable',
              reason: failure.message,
            };
          }
        }
      }

      // All or nothing: the copy, its record and the message's receipt. One message per document of a
      // source at a time; a retry that arrives while the first is still being stored gets its receipt.
      let duplicate = false;
      let receipt: Receipt;
      try {
        receipt = await strapi.db.transaction(async () => {
          await lockWithinTransaction(
            strapi,
            `disclosure-inbox:${source.id}:${message.documentId}`
          );
          const earlier: InboxRow | null = await strapi.db
            .query(INBOX_UID)
            .findOne({ where: { messageId, source: source.id } });
          if (earlier) {
            duplicate = true;
            return earlier.receipt;
          }
          const result = await apply(source, message, attachments);
          await strapi.db.query(INBOX_UID).create({
            data: {
              messageId,
              source: source.id,
              sourceDocumentId: message.documentId,
              version: message.version,
              receivedAt: now(),
              receipt: result,
            },
          });
          return result;
        });
      } catch (failure) {
        if (attachments) await attachmentService.discard(attachments.uploaded);
        throw failure;
      }
      // Fetched for a version overtaken meanwhile: not kept.
      if (attachments && (duplicate || receipt.status === 'ignored'))
        await attachmentService.discard(attachments.uploaded);
      return { kind: 'accepted', receipt, duplicate };
    },
  };
};
