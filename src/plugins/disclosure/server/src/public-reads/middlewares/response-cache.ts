import type { Core } from '@strapi/strapi';
import type { IncomingMessage, ServerResponse } from 'http';
import type { Context, Next } from 'koa';
import {
  asksForDrafts,
  cacheKey,
  entityTag,
  matchesIfNoneMatch,
  publicCacheControl,
  rendersOwnShape,
  splitSimpleUrl,
  type CachedResponse,
} from '../rules/response-cache';
import { CONTENT_CHANGED, CONTENT_STATE } from '../services/response-cache';
import { getService } from '../../utils/get-service';

const CACHEABLE_PREFIX = '/api/';
/** The content state the early answer read, handed to the middleware so a miss reads it once. */
const STATE_READ_EARLY = Symbol('disclosureContentState');
/** A request the early answer has read the content state for. */
type ReadEarly = IncomingMessage & { [STATE_READ_EARLY]?: string };
/** Recomputed by Koa for each answer, or belonging to this request only (a client's rate-limit counts). */
const NOT_REPLAYED = new Set([
  'content-length',
  'etag',
  'x-response-cache',
  'date',
  'set-cookie',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'retry-after',
]);

const bodyBytes = (body: unknown): Buffer | null => {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (
    body === null ||
    body === undefined ||
    typeof (body as { pipe?: unknown }).pipe === 'function'
  )
    return null;
  return Buffer.from(JSON.stringify(body));
};

/**
 * Public GETs of the content API: answered from the response cache when nothing has changed, always
 * with an ETag and Cache-Control, and 304 when the client already has the answer. Authenticated and
 * draft requests pass through, marked private. Every other request (a write) ends only after its
 * changes are announced to the other instances, so whoever it answers can read them anywhere.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'response-cache');

  const answer = (
    ctx: Context,
    entry: Pick<CachedResponse, 'headers' | 'body' | 'etag'>,
    outcome: string
  ) => {
    for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
    ctx.set('ETag', entry.etag);
    // A route that chose its own public lifetime (working days: 5 minutes) keeps it.
    if (!entry.headers['cache-control'])
      ctx.set('Cache-Control', publicCacheControl(service().maxAgeSeconds()));
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
    if (
      ctx.get('Authorization') ||
      asksForDrafts(ctx.querystring) ||
      rendersOwnShape(ctx.headers)
    ) {
      await next();
      // Someone's own view: no shared cache (a CDN, a proxy) may keep it.
      if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'private, no-store');
      ctx.set('X-Response-Cache', 'bypass');
      return;
    }

    const cache = service();
    const key = cacheKey(ctx.path, ctx.querystring, ctx.get('Origin'));
    let state: string;
    try {
      state = (ctx.req as ReadEarly)[STATE_READ_EARLY] ?? (await cache.state());
    } catch (error) {
      // The shared counter cannot be read: answer from the database, as without a cache.
      strapi.log.warn(
        `disclosure response cache: content state unavailable (${(error as Error).message})`
      );
      return next();
    }
    ctx.state[CONTENT_STATE] = state;
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
      if (!before.has(name) && !NOT_REPLAYED.has(name) && value !== undefined)
        headers[name] = String(value);
    }
    const entry: CachedResponse = { state, headers, body, etag: entityTag(body) };
    if (cache.enabled()) cache.store(key, entry);
    answer(ctx, entry, cache.enabled() ? 'miss' : 'off');
  };
};

/** An answer's headers for a 200 and for a 304 (as Koa answers one: no body, so no body headers). */
function rawHeadersOf(
  entry: CachedResponse,
  maxAgeSeconds: number
): { ok: string[]; notModified: string[] } {
  const common = Object.entries(entry.headers).flat();
  common.push('ETag', entry.etag);
  if (!entry.headers['cache-control'])
    common.push('Cache-Control', publicCacheControl(maxAgeSeconds));
  common.push('X-Response-Cache', 'hit');
  const notModified: string[] = [];
  for (let index = 0; index < common.length; index += 2) {
    if (common[index].toLowerCase() !== 'content-type')
      notModified.push(common[index], common[index + 1]);
  }
  return { ok: [...common, 'Content-Length', String(entry.body.length)], notModified };
}

/**
 * Cache hits answered in the HTTP server's request handler, before Koa builds a context and runs the
 * middleware stack: on small answers that machinery costs several times the answer itself. The rules
 * are the middleware's (public GET or HEAD under /api/, no Authorization, no drafts, the content state
 * read first); the answer replays the headers the stack gave it when it was rendered. Everything
 * else, and every miss, goes to Koa as usual.
 */
export function answerHitsBeforeKoa(strapi: Core.Strapi): void {
  const server = strapi.server.httpServer;
  const [koa] = server.listeners('request') as Array<
    (req: IncomingMessage, res: ServerResponse) => void
  >;
  if (!koa) return;
  // Looked up once: this runs before every request.
  const cache = getService(strapi, 'response-cache');
  // Each entry's headers flattened once, as writeHead takes them: no per-request header bookkeeping.
  const rawHeaders = new WeakMap<CachedResponse, { ok: string[]; notModified: string[] }>();

  const answeredEarly = async (
    req: IncomingMessage,
    res: ServerResponse,
    parts: { path: string; querystring: string }
  ): Promise<boolean> => {
    const state: string = await cache.state();
    (req as ReadEarly)[STATE_READ_EARLY] = state;
    const hit: CachedResponse | undefined = cache.lookup(
      cacheKey(parts.path, parts.querystring, req.headers.origin ?? ''),
      state
    );
    if (!hit) return false;
    let headers = rawHeaders.get(hit);
    if (!headers) rawHeaders.set(hit, (headers = rawHeadersOf(hit, cache.maxAgeSeconds())));
    if (matchesIfNoneMatch(req.headers['if-none-match'], hit.etag)) {
      res.writeHead(304, headers.notModified);
      res.end();
    } else {
      res.writeHead(200, headers.ok);
      res.end(req.method === 'HEAD' ? undefined : hit.body);
    }
    return true;
  };

  server.removeListener('request', koa);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const parts =
      (req.method === 'GET' || req.method === 'HEAD') && req.url?.startsWith(CACHEABLE_PREFIX)
        ? splitSimpleUrl(req.url)
        : null;
    if (
      !parts ||
      req.headers.authorization ||
      asksForDrafts(parts.querystring) ||
      rendersOwnShape(req.headers) ||
      !cache.enabled()
    )
      return koa.call(server, req, res);
    answeredEarly(req, res, parts).then(
      (answered) => answered || koa.call(server, req, res),
      // The shared counter cannot be read: Koa's middleware answers from the database and says why.
      () => koa.call(server, req, res)
    );
  });
}
