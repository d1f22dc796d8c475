import type { Core, Modules } from '@strapi/strapi';

export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;

/** A document-service middleware, made for one Strapi instance (register.ts orders them). */
export type DocumentMiddlewareFactory = (strapi: Core.Strapi) => DocumentMiddleware;

/** A route as a plugin router lists it; the path is relative to /disclosure (admin) or /api/disclosure. */
export interface PluginRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  config?: Readonly<Record<string, unknown>>;
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
