import type { Core } from '@strapi/strapi';

/** This instance's public address (server.url) joined with a path; the bare path when none is set. */
export const publicUrl = (strapi: Core.Strapi, path: string): string =>
  `${String(strapi.config.get('server.url') ?? '').replace(/\/$/, '')}${path}`;

/** Where the public API serves a policy document. */
export const policyDocumentUrl = (strapi: Core.Strapi, documentId: string): string =>
  publicUrl(strapi, `/api/policy-documents/${documentId}`);
