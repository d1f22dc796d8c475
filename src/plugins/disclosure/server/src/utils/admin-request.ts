import type { Core } from '@strapi/strapi';
import { currentRequest, type AdminAbility } from './request-state';

/**
 * The admin account behind the current request and its permissions (the content manager's ability),
 * or null when the request is not an admin's (API tokens, the public, code run outside a request).
 */
export function adminRequest(
  strapi: Core.Strapi
): { user: { id: number }; ability: AdminAbility | null } | null {
  const request = currentRequest(strapi);
  if (request?.state?.auth?.strategy?.name !== 'admin' || !request.state.user?.id) return null;
  return { user: request.state.user, ability: request.state.userAbility ?? null };
}
