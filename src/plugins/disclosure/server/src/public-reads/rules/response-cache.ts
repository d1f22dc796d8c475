import { createHash } from 'crypto';

/**
 * Rendered public responses, kept in memory. An entry answers only while the content state it was
 * rendered in is still current: the state is read before rendering, so a response rendered while a
 * write was committing is filed under the old state and never served after the write is announced.
 */
export interface CachedResponse {
  /** The content state (see the response-cache service) the response was rendered in */
  state: string;
  /** Headers the route set, replayed on every hit (content type, a feed's Link…) */
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
}

export interface ResponseCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

export class ResponseCache {
  // A Map iterates in insertion order; re-inserting on every hit makes its first key the least recent.
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(private readonly limits: ResponseCacheLimits) {}

  get(key: string, state: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.state !== state) {
      this.bytes -= entry.body.length;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    // One response larger than a tenth of the budget would push out everything else for one page.
    if (entry.body.length > this.limits.maxBytes / 10) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.body.length;
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, evicted] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= evicted.body.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get sizeInBytes(): number {
    return this.bytes;
  }
}

/** A strong validator: the same bytes always get the same tag, on every instance. */
export const entityTag = (body: Buffer): string =>
  `"${createHash('sha1').update(body).digest('base64url')}"`;

/** If-None-Match (RFC 9110 §13.1.2): a list of tags or "*", compared weakly. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

/** A request for drafts (`status=draft`, also as `status[]=` or URL-encoded) is never answered from the cache. */
export const asksForDrafts = (querystring: string): boolean =>
  /(^|&)status(%5B%5D|\[\])?=draft(&|$)/i.test(querystring);

/** Request headers with which Strapi renders an answer in another shape: the v4 response format, content source maps. */
const RENDERING_HEADERS = ['strapi-response-format', 'strapi-encode-source-maps'];

/** Whether the request asks for an answer in a shape of its own, which the cache must neither give nor keep. */
export const rendersOwnShape = (headers: Record<string, string | string[] | undefined>): boolean =>
  RENDERING_HEADERS.some((name) => headers[name] !== undefined);

/**
 * The key a public answer is filed under: path and query as sent, and the caller's Origin (CORS
 * answers depend on it; nothing else in a public request changes the answer).
 */
export const cacheKey = (path: string, querystring: string, origin: string): string =>
  `${path}?${querystring}\n${origin}`;

/**
 * A request URL that every parser splits the same way at its first '?': printable ASCII with no
 * fragment. Only these are answered before Koa, so both paths file an answer under the same key.
 */
export function splitSimpleUrl(url: string): { path: string; querystring: string } | null {
  if (!/^\/[\x21-\x22\x24-\x7e]*$/.test(url)) return null;
  const at = url.indexOf('?');
  return at < 0
    ? { path: url, querystring: '' }
    : { path: url.slice(0, at), querystring: url.slice(at + 1) };
}

/** The Cache-Control of a public answer whose route chose none of its own. */
export const publicCacheControl = (maxAgeSeconds: number): string =>
  `public, max-age=${maxAgeSeconds}, must-revalidate`;
