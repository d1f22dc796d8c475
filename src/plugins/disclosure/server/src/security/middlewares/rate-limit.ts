import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { RateLimiter } from '../rules/rate-limit';
import { clientKey } from '../rules/client-key';
import { respondWithError } from '../../errors/error-response';
import { getService } from '../../utils/get-service';

export interface RateLimitConfig {
  /** Requests a client may make at once */
  max?: number;
  /** Over how many seconds that allowance refills */
  perSeconds?: number;
}

/**
 * Route middleware for public endpoints that cost work (conversion, feedback): 429 with Retry-After,
 * per client address (behind a proxy, set IS_PROXIED so the address is the visitor's), an IPv6 one
 * by its /64 (rules/client-key). Time is the
 * plugin's clock, as for the login guard, so a pinned clock pins the refill too.
 */
export default (config: RateLimitConfig = {}, { strapi }: { strapi: Core.Strapi }) => {
  const max = config.max ?? 30;
  const perSeconds = config.perSeconds ?? 60;
  const limiter = new RateLimiter(max, perSeconds, () =>
    getService(strapi, 'clock').now().getTime()
  );
  return async (ctx: Context, next: Next) => {
    const decision = limiter.take(clientKey(ctx.request.ip));
    ctx.set('RateLimit-Limit', String(max));
    ctx.set('RateLimit-Remaining', String(decision.remaining));
    if (!decision.allowed) {
      respondWithError(
        ctx,
        429,
        'RateLimitError',
        `请求过于频繁：每 ${perSeconds} 秒最多 ${max} 次，请 ${decision.retryAfterSeconds} 秒后再试 (too many requests: at most ${max} every ${perSeconds} s; retry after ${decision.retryAfterSeconds} s)`,
        { limit: max, perSeconds, retryAfterSeconds: decision.retryAfterSeconds },
        decision.retryAfterSeconds
      );
      return;
    }
    await next();
  };
};
