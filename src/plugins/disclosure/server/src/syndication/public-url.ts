import type { Core } from '@strapi/strapi';
import { isWebAddress } from '../../../shared/web-address';

/** This instance's public address (server.url) joined with a path; the bare path when none is set. */
export const publicUrl = (strapi: Core.Strapi, path: string): string =>
  `${String(strapi.config.get('server.url') ?? '').replace(/\/$/, '')}${path}`;

/** Where the public API serves a policy document. */
export const policyDocumentUrl = (strapi: Core.Strapi, documentId: string): string =>
  publicUrl(strapi, `/api/policy-documents/${documentId}`);

/**
 * This instance's address as another instance can use it: server.url when it is an http(s) address,
 * else null. A bare path would name the other instance's own site, and partners refuse any address
 * that is not http(s) (they show it as a link).
 */
export const addressForPartners = (strapi: Core.Strapi): string | null => {
  const own = String(strapi.config.get('server.url') ?? '').replace(/\/$/, '');
  return isWebAddress(own) ? own : null;
};

/** Where the public API serves a policy document, for another instance: null when that is not known. */
export const policyDocumentUrlForPartners = (
  strapi: Core.Strapi,
  documentId: string
): string | null => (addressForPartners(strapi) ? policyDocumentUrl(strapi, documentId) : null);
