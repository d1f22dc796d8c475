import type { Core } from '@strapi/strapi';
import type { ParameterizedContext } from 'koa';

/**
 * An admin account's permissions as the content manager checks them (Strapi's CASL ability, set as
 * ctx.state.userAbility; Strapi exports no type for it).
 */
export interface AdminAbility {
  can(action: string, subject?: unknown): boolean;
}

/** The admin account behind a request, as Strapi's admin auth sets ctx.state.user. */
export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  /** Required for an admin account */
  email: string;
  roles?: Array<{ code?: string }>;
}

/** What Strapi's auth strategies put on ctx.state.auth. */
export interface RequestAuth {
  strategy?: { name?: string };
  credentials?: {
    id?: number | string;
    email?: string | null;
    firstname?: string | null;
    lastname?: string | null;
    name?: string | null;
    /** An API token's type (read-only, full-access, custom) */
    type?: string;
  } | null;
}

/**
 * ctx.state as Strapi's router and auth fill it, and the marks the plugin leaves on it (Koa leaves the
 * state untyped and Strapi declares none of it).
 */
export interface RequestState {
  auth?: RequestAuth;
  user?: AdminUser;
  userAbility?: AdminAbility;
  route?: { info?: { type?: string } };
  [mark: string]: unknown;
}

export type RequestContext = ParameterizedContext<RequestState>;

/** The request the current code runs for (Strapi's request context), or undefined outside one. */
export const currentRequest = (strapi: Core.Strapi): RequestContext | undefined =>
  strapi.requestContext.get() as RequestContext | undefined;
