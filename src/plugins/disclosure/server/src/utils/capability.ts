import type { Core, Modules } from '@strapi/strapi';

export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;
export type DocumentContext = Modules.Documents.Middleware.Context;

/**
 * A document-service call's parameters as the middlewares read and change them. Strapi types them per
 * content type and action, a union that a uid compared at run time does not narrow: they are read
 * through this one shape. `data` is what the caller sent (the content manager, a request body).
 */
export interface DocumentParams {
  documentId?: string;
  locale?: string | string[];
  status?: 'draft' | 'published';
  data?: Record<string, unknown>;
  filters?: unknown;
  populate?: unknown;
  [name: string]: unknown;
}

/** The parameters of the call a document middleware is running for (the same object: changes apply). */
export const paramsOf = (context: DocumentContext): DocumentParams =>
  context.params as DocumentParams;

/** The documentId of what a document-service call returned, when it returned a document (create, update). */
export const resultDocumentId = (result: unknown): string | undefined =>
  (result as { documentId?: string } | null | undefined)?.documentId;

/** What a document-service call resolves to (Strapi types `next()` as a union of each action's promise). */
export type DocumentResult = Awaited<ReturnType<Parameters<DocumentMiddleware>[1]>>;

/** A document-service middleware, made for one Strapi instance (register.ts orders them). */
export type DocumentMiddlewareFactory = (strapi: Core.Strapi) => DocumentMiddleware;

/** A route as a plugin router lists it; the path is relative to /disclosure (admin) or /api/disclosure. */
export interface PluginRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  config?: Readonly<Record<string, unknown>>;
  /** What the route takes, for the OpenAPI description (shared/contracts/public-api.ts). */
  request?: Core.RouteInput['request'];
  /** What it answers with 200 or 201, for the OpenAPI description. */
  response?: Core.RouteInput['response'];
}

/**
 * One capability of the plugin: what it adds to Strapi's registries. The plugin's index merges them;
 * a name given twice stops the boot.
 */
export interface Capability {
  services?: Record<string, unknown>;
  controllers?: Record<string, unknown>;
  contentTypes?: Record<string, { schema: unknown }>;
  /** Koa middlewares (route or app level), by registry name. */
  middlewares?: Record<string, unknown>;
  policies?: Record<string, unknown>;
  routes?: CapabilityRoutes;
}

/** A capability's routes: admin ones under /disclosure, content-API ones under /api/disclosure. */
export interface CapabilityRoutes {
  admin?: readonly PluginRoute[];
  contentApi?: readonly PluginRoute[];
}
