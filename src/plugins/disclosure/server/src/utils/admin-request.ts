import type { Core } from '@strapi/strapi';
import type { ParameterizedContext } from 'koa';
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

/**
 * Runs `work` outside the current request, so document middlewares see code, not the admin: for a
 * write a plugin route has already authorized on its own terms (permission and organization).
 */
export async function outsideRequest<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> {
  let result: T | undefined;
  await strapi.requestContext.run(undefined as unknown as ParameterizedContext, async () => {
    result = await work();
  });
  return result as T;
}
