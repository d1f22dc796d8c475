import type { Context } from 'koa';

/**
 * An error answered by a middleware or controller itself, in the shape Strapi's error handler gives
 * (`{ data: null, error: { status, name, message, details } }`), for the cases that handler must not
 * see: a 429 that needs Retry-After, a 401 whose reason the caller needs.
 */
export function respondWithError(
  ctx: Context,
  status: number,
  name: string,
  message: string,
  details: Record<string, unknown> = {},
  retryAfterSeconds?: number
): void {
  if (retryAfterSeconds !== undefined) ctx.set('Retry-After', String(retryAfterSeconds));
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
}
