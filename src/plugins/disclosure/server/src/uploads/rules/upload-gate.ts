/**
 * The upload gate's rules: which request paths reach a stored file, which stored files a name can
 * be, and the per-file answers kept between content changes. Plain TypeScript.
 */
import path from 'path';
import { RecentlyUsed } from '../../public-reads/rules/recently-used';

/** Where Strapi's local provider stores files, and the URL prefix they are served under. */
export const UPLOADS_PREFIX = '/uploads/';

/**
 * The `/uploads/…` URL a request path reaches, or null when it reaches no stored file. The path is
 * decoded and its dot segments resolved first, as the static server does (koa-send decodes it):
 * Strapi's public-folder route excludes only paths that start with `/uploads/` as typed, so
 * `/x/../uploads/a.pdf` or `/uploads%2Fa.pdf` would otherwise reach the same file by another route.
 * Compared without case: on a case-insensitive file system `/UPLOADS/a.pdf` is the same file.
 */
export function uploadUrlOf(requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    // Undecodable: the static server refuses it (400) without reading a file.
    return requestPath.toLowerCase().startsWith(UPLOADS_PREFIX) ? requestPath : null;
  }
  // Backslashes are separators for a Windows host's file system.
  const normalized = path.posix.normalize(decoded.replace(/\\/g, '/'));
  const lower = normalized.toLowerCase();
  if (lower === UPLOADS_PREFIX.slice(0, -1) || lower.startsWith(UPLOADS_PREFIX)) {
    return UPLOADS_PREFIX + normalized.slice(UPLOADS_PREFIX.length);
  }
  return null;
}

/**
 * The stored file hashes a served name can belong to. Strapi names a file `<hash><ext>`, and every
 * derivative (its formats, the WebP derivatives, the tiles) `<key>_<hash><ext>`, the key possibly
 * holding underscores itself (`small_webp`, `tile_01`): so the hash is the name without its extension,
 * or what follows any of its underscores. At most `limit` candidates, longest first.
 */
export function candidateHashes(url: string, limit = 16): string[] {
  const base = url.slice(url.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const candidates = [stem];
  for (let index = stem.indexOf('_'); index >= 0; index = stem.indexOf('_', index + 1)) {
    const rest = stem.slice(index + 1);
    if (rest) candidates.push(rest);
  }
  return candidates.slice(0, limit);
}

/** A stored file as the gate reads it. */
export interface StoredFile {
  id: number;
  url?: string | null;
  /** Strapi's formats (JSON: an object of derivatives, each with its url), or its text */
  formats?: unknown;
}

/** Every URL a stored file is served under: the original's and each derivative's. */
export function urlsOf(file: StoredFile): string[] {
  const urls = file.url ? [file.url] : [];
  let formats = file.formats;
  if (typeof formats === 'string') {
    try {
      formats = JSON.parse(formats);
    } catch {
      formats = null;
    }
  }
  if (formats && typeof formats === 'object') {
    for (const format of Object.values(formats as Record<string, unknown>)) {
      const url = (format as { url?: unknown } | null)?.url;
      if (typeof url === 'string') urls.push(url);
    }
  }
  return urls;
}

/** The stored file served under `url`, if any. */
export const fileServedAt = (files: readonly StoredFile[], url: string): StoredFile | undefined =>
  files.find((file) => urlsOf(file).includes(url));

/**
 * Answers per URL (public, hidden, unknown), kept for one content state: when the state moves (any
 * committed write to anything the public can see, on any instance) all are forgotten. Bounded: past
 * `maxEntries` the least recently used is dropped.
 */
export class GateAnswers<V> {
  private state: string | null = null;
  private entries: RecentlyUsed<V>;

  constructor(private readonly maxEntries = 10_000) {
    this.entries = new RecentlyUsed<V>(maxEntries);
  }

  get(state: string, url: string): V | undefined {
    if (state !== this.state) return undefined;
    return this.entries.get(url);
  }

  /** Keeps an answer computed after reading `state` (so never older than the state it is filed under). */
  set(state: string, url: string, value: V): void {
    if (state !== this.state) {
      this.entries = new RecentlyUsed<V>(this.maxEntries);
      this.state = state;
    }
    this.entries.set(url, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
