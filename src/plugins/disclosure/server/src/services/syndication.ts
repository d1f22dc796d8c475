import type { Core } from '@strapi/strapi';
import { createHash, randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import type {
  AttachmentRef,
  DocumentKey,
  OrganizationKey,
  SyndicatedVersion,
  SyndicationAction,
  SyndicationMessage,
} from '../../../shared/contracts/syndication';
import { CONTENT_TYPES, LOCALES } from '../constants';
import { subscriberWants } from '../domain/syndication-scope';

export const SUBSCRIBER_UID = 'plugin::disclosure.subscriber';
export const EVENT_UID = 'plugin::disclosure.syndication-event';
export const DELIVERY_UID = 'plugin::disclosure.syndication-delivery';
/** The catalogue type that is syndicated (转载): policy documents. */
export const SYNDICATED_TYPES = new Set<string>([CONTENT_TYPES.policyDocument]);

const ORGANIZATION_FIELDS = { fields: ['code', 'name'] };
const DOCUMENT_KEY_FIELDS = { fields: ['documentNumber', 'indexNumber', 'title'] };

const organizationKey = (organization: any): OrganizationKey | null =>
  organization ? { code: organization.code, name: organization.name ?? null } : null;
const documentKey = (document: any): DocumentKey | null =>
  document ? { documentNumber: document.documentNumber ?? null, indexNumber: document.indexNumber ?? null, title: document.title ?? null } : null;

/**
 * The source side of syndication: every publish, update, unpublish and delete of a syndicated item
 * becomes an outbox event with the whole document, and a pending delivery per subscriber that wants
 * it, in the transaction of the change itself (so a change is never without its event, nor an event
 * without its change). A worker delivers them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => strapi.plugin('disclosure').service('clock').now() as Date;

  /** Size and SHA-256 of a file stored by the local upload provider; other providers: size only. */
  const attachmentOf = async (file: any): Promise<AttachmentRef> => {
    let sha256: string | null = null;
    if (file.provider === 'local' && typeof file.url === 'string' && file.url.startsWith('/')) {
      const content = await fs.readFile(path.join(strapi.dirs.static.public, file.url)).catch(() => null);
      if (content) sha256 = createHash('sha256').update(content).digest('hex');
    }
    const publicUrl = strapi.config.get('server.url') as string;
    return {
      url: file.url?.startsWith('/') && publicUrl ? `${publicUrl.replace(/\/$/, '')}${file.url}` : file.url,
      name: file.name,
      mime: file.mime ?? null,
      sizeInBytes: typeof file.size === 'number' ? Math.round(file.size * 1000) : null,
      sha256,
    };
  };

  const publishedVersions = async (uid: string, documentId: string): Promise<SyndicatedVersion[]> => {
    const versions: SyndicatedVersion[] = [];
    for (const { code: locale } of LOCALES) {
      const doc: any = await strapi.documents(uid as any).findOne({
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
        } as any,
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

  return {
    /**
     * Called inside the transaction of a change, after it is written. `action` is what happened to
     * the published document: publish (first, or again after a change), unpublish or delete.
     */
    async recordChange(uid: string, happened: 'publish' | 'unpublish' | 'delete', documentId: string) {
      const events = strapi.db.query(EVENT_UID);
      const deliveries = strapi.db.query(DELIVERY_UID);
      const previous = await events.findOne({ where: { itemDocumentId: documentId }, orderBy: { version: 'desc' } });
      // Nothing to withdraw from subscribers that never had it.
      if (happened !== 'publish' && !previous) return null;
      const action: SyndicationAction =
        happened === 'publish' ? (previous && previous.action !== 'unpublish' && previous.action !== 'delete' ? 'update' : 'publish') : happened;

      const versions = happened === 'publish' ? await publishedVersions(uid, documentId) : [];
      if (happened === 'publish' && !versions.length) return null;
      const source = versions.find((version) => version.locale === LOCALES[0].code) ?? versions[0];
      const occurredAt = now();
      const message: SyndicationMessage = {
        documentId,
        contentType: uid,
        action,
        version: (previous?.version ?? 0) + 1,
        occurredAt: occurredAt.toISOString(),
        source: { organization: source?.issuingOrganization ?? null, url: (strapi.config.get('server.url') as string) || null },
        versions,
      };
      const event = await events.create({
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
      const earlier = await deliveries.findMany({ where: { itemDocumentId: documentId }, populate: { subscriber: { select: ['id'] } } });
      const followers = new Set<number>(earlier.map((delivery: any) => delivery.subscriber?.id).filter(Boolean));
      const subscribers = await strapi.db.query(SUBSCRIBER_UID).findMany({ where: { active: true } });
      for (const subscriber of subscribers) {
        if (!followers.has(subscriber.id) && !(source && subscriberWants(subscriber, source))) continue;
        await deliveries.create({
          data: { event: event.id, subscriber: subscriber.id, itemDocumentId: documentId, status: 'pending', attempts: 0, nextAttemptAt: occurredAt },
        });
      }
      return event;
    },
  };
};
