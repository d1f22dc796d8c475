import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { asksForDrafts, entityTag, matchesIfNoneMatch, type CachedResponse } from '../domain/response-cache';
import { CONTENT_CHANGED } from '../services/response-cache';

const CACHEABLE_PREFIX = '/api/';
/** Recomputed by Koa for each answer, or belonging to this request only. */
const NOT_REPLAYED = new Set(['content-length', 'etag', 'x-response-cache', 'date', 'set-cookie']);

const bodyBytes = (body: unknown): Buffer | null => {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body === null || body === undefined || typeof (body as any).pipe === 'function') return null;
  return Buffer.from(JSON.stringify(body));
};

/**
 * Public GETs of the content API: answered from the response cache when nothing has changed, always
 * with an ETag and Cache-Control, and 304 when the client already has the answer. Authenticated and
 * draft requests pass through, marked private. Every other request (a write) ends only after its
 * changes are announced to the other instances, so whoever it answers can read them anywhere.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('disclosure').service('response-cache');

  const answer = (ctx: Context, entry: Pick<CachedResponse, 'headers' | 'body' | 'etag'>, outcome: string) => {
    for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
    ctx.set('ETag', entry.etag);
    // A route that chose its own public lifetime (working days: 5 minutes) keeps it.
    if (!entry.headers['cache-control']) ctx.set('Cache-Control', `public, max-age=${service().maxAgeSeconds()}, must-revalidate`);
    ctx.set('X-Response-Cache', outcome);
    ctx.status = 200;
    if (matchesIfNoneMatch(ctx.get('If-None-Match'), entry.etag)) {
      ctx.status = 304;
      ctx.body = null;
    } else {
      ctx.body = entry.body;
    }
  };

  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      try {
        await next();
      } finally {
        if (ctx.state[CONTENT_CHANGED]) service().contentChanged();
        await service().announced();
      }
      return;
    }
    if (!ctx.path.startsWith(CACHEABLE_PREFIX)) return next();
    if (ctx.get('Authorization') || asksForDrafts(ctx.querystring)) {
      await next();
      // Someone's own view: no shared cache (a CDN, a proxy) may keep it.
      if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'private, no-store');
      ctx.set('X-Response-Cache', 'bypass');
      return;
    }

    const cache = service();
    // CORS answers depend on the caller's Origin; nothing else in the request changes a public answer.
    const key = `${ctx.path}?${ctx.querystring}\n${ctx.get('Origin')}`;
    let state: string;
    try {
      state = await cache.state();
    } catch (error) {
      // The shared counter cannot be read: answer from the database, as without a cache.
      strapi.log.warn(`disclosure response cache: content state unavailable (${(error as Error).message})`);
      return next();
    }
    if (cache.enabled()) {
      const hit = cache.lookup(key, state);
      if (hit) return answer(ctx, hit, 'hit');
    }

    const before = new Set(Object.keys(ctx.response.headers));
    await next();
    const body = ctx.status === 200 ? bodyBytes(ctx.body) : null;
    const routeCacheControl = ctx.response.get('Cache-Control');
    if (!body || /no-store|private/.test(routeCacheControl) || ctx.response.get('Set-Cookie')) {
      if (!routeCacheControl) ctx.set('Cache-Control', 'no-store');
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(ctx.response.headers)) {
      if (!before.has(name) && !NOT_REPLAYED.has(name) && value !== undefined) headers[name] = String(value);
    }
    const entry: CachedResponse = { state, headers, body, etag: entityTag(body) };
    if (cache.enabled()) cache.store(key, entry);
    answer(ctx, entry, cache.enabled() ? 'miss' : 'off');
  };
};
