import type { Core } from '@strapi/strapi';

/**
 * The admin account behind the current request and its permissions (the content manager's ability),
 * or null when the request is not an admin's (API tokens, the public, code run outside a request).
 */
export function adminRequest(strapi: Core.Strapi): { user: { id: number }; ability: any } | null {
  const request = strapi.requestContext.get() as any;
  if (request?.state?.auth?.strategy?.name !== 'admin' || !request.state.user?.id) return null;
  return { user: request.state.user, ability: request.state.userAbility ?? null };
}
