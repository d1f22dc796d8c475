import type { Core } from '@strapi/strapi';
import { beijingDate } from '../domain/beijing-time';
import { FreshRead } from '../domain/fresh-read';
import { ResponseCache, type CachedResponse } from '../domain/response-cache';
import { StateMemo } from '../domain/state-memo';

/** One row per shared counter; 'content' counts changes to anything the public API can show. */
const STAMP_TABLE = 'disclosure_cache_stamps';
const CONTENT_STAMP = 'content';
/** Set on a request's context by a write it made, so the request ends by announcing the change. */
export const CONTENT_CHANGED = 'disclosureContentChanged';
/** Set on a public read's context: the content state it was answered in. */
export const CONTENT_STATE = 'disclosureContentState';

/** Models outside src/api whose rows can change a public answer. */
const PUBLICLY_VISIBLE_MODELS = [
  'plugin::upload.file',
  'plugin::i18n.locale',
  'plugin::users-permissions.permission',
  'plugin::users-permissions.role',
  'plugin::disclosure.calendar-day',
];
// The drivers Strapi itself uses (the app depends on both); untyped here, hence require.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const BetterSqlite3 = require('better-sqlite3');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Client: PostgresClient } = require('pg');

const WRITE_EVENTS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;

export interface ResponseCacheConfig {
  enabled: boolean;
  maxEntries: number;
  maxMegabytes: number;
  /** max-age of public responses; 0: clients and CDNs revalidate every time (ETag makes that a 304) */
  maxAgeSeconds: number;
}

/**
 * Public responses, rendered once per content state. The state is this instance's count of changes
 * plus a counter in the database that every instance increments after each change it commits, and
 * that is read (shared among concurrent requests, see FreshRead) before every cached answer: an
 * instance never answers from its cache after another instance's change has been acknowledged.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get('plugin::disclosure.responseCache') as ResponseCacheConfig;
  let enabled = settings().enabled;
  let localChanges = 0;
  const cache = new ResponseCache({ maxEntries: settings().maxEntries, maxBytes: settings().maxMegabytes * 1024 * 1024 });
  const announcing = new Set<Promise<unknown>>();
  const knex = () => strapi.db.connection;
  // The clock service, looked up once (state() runs before every public answer); tests replace its `now`.
  let clockService: { now: () => Date } | null = null;
  const clock = () => (clockService ??= strapi.plugin('disclosure').service('clock'));
  const readThroughPool = async (): Promise<string> => {
    const row = await knex()(STAMP_TABLE).where({ name: CONTENT_STAMP }).first('version');
    return String(row?.version ?? 0);
  };
  /**
   * The counter is read before every cached answer, so not through the query builder and the pool
   * (which cost as much as the rest of a cached answer): SQLite, a read-only handle of its own and
   * one prepared statement (microseconds); PostgreSQL, a connection of its own and a named statement.
   */
  let direct: { read: () => Promise<string>; close: () => Promise<void> } | null = null;
  const openDirectReader = async () => {
    const settings = (strapi.config.get('database.connection') as any) ?? {};
    if (strapi.db.dialect.client === 'sqlite') {
      const handle = new BetterSqlite3(settings.connection.filename, { readonly: true, fileMustExist: true });
      const statement = handle.prepare(`SELECT version FROM ${STAMP_TABLE} WHERE name = ?`).pluck();
      return { read: async () => String(statement.get(CONTENT_STAMP) ?? 0), close: async () => void handle.close() };
    }
    if (strapi.db.dialect.client === 'postgres') {
      const client = new PostgresClient(settings.connection);
      await client.connect();
      const schema = strapi.db.getSchemaName();
      let broken = false;
      client.on('error', () => {
        broken = true;
      });
      const query = { name: 'disclosure-content-stamp', text: `SELECT version FROM ${schema ? `"${schema}".` : ''}${STAMP_TABLE} WHERE name = $1`, values: [CONTENT_STAMP] };
      return {
        // A dropped connection falls back to the pool rather than failing reads.
        read: async () => (broken ? readThroughPool() : String((await client.query(query)).rows[0]?.version ?? 0)),
        close: () => client.end().catch(() => undefined),
      };
    }
    return null;
  };
  const sharedStamp = new FreshRead(() => (direct ? direct.read() : readThroughPool()));
  const memos = new StateMemo();

  /** Called after a change is committed: this instance forgets at once, the others at their next read. */
  const contentChanged = (): void => {
    localChanges += 1;
    cache.clear();
    const announcement = knex()(STAMP_TABLE)
      .where({ name: CONTENT_STAMP })
      .increment('version', 1)
      .catch((error: Error) => strapi.log.error(`disclosure response cache: could not announce a change: ${error.message}`))
      .finally(() => announcing.delete(announcement));
    announcing.add(announcement);
  };

  /** A write to a watched model: announced after its transaction commits, and again when its request ends. */
  const onWrite = async (): Promise<void> => {
    const request = strapi.requestContext.get() as any;
    if (request?.state) request.state[CONTENT_CHANGED] = true;
    if (strapi.db.inTransaction()) {
      await strapi.db.transaction(async ({ onCommit }) => onCommit(contentChanged));
    } else {
      contentChanged();
    }
  };

  return {
    /** Creates the shared counter and starts watching every model a public answer can depend on. */
    async install() {
      if (!(await knex().schema.hasTable(STAMP_TABLE))) {
        await knex().schema.createTable(STAMP_TABLE, (table) => {
          table.string('name', 40).primary();
          table.bigInteger('version').notNullable().defaultTo(0);
        });
      }
      await knex()(STAMP_TABLE).insert({ name: CONTENT_STAMP, version: 0 }).onConflict('name').ignore();
      const models = [...Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::')), ...PUBLICLY_VISIBLE_MODELS];
      const subscriber: Record<string, unknown> = { models };
      for (const event of WRITE_EVENTS) subscriber[event] = onWrite;
      strapi.db.lifecycles.subscribe(subscriber as any);
      direct = await openDirectReader();
    },

    /** Closes the counter's own connection (plugin destroy). */
    async close() {
      await direct?.close();
      direct = null;
    },

    enabled: () => enabled,
    /** For the benchmark's cache-disabled runs. */
    setEnabled(value: boolean) {
      enabled = value;
      cache.clear();
    },
    maxAgeSeconds: () => settings().maxAgeSeconds,

    /**
     * The content state now. Read before rendering: what is rendered is filed under it. The Beijing
     * day is part of it: answers computed from the date (a consultation opens, closes) change at
     * midnight with no write at all.
     */
    async state(): Promise<string> {
      const local = localChanges;
      const today = beijingDate(clock().now() as Date);
      return `${local}:${today}:${await sharedStamp.get()}`;
    },
    /**
     * For a public read (its context carries the state it was answered in): `load`'s value, computed
     * once per content state and key, and shared. Anything else loads afresh. For reads that only a
     * watched write can change: the Public role's permissions, a public list's total.
     */
    forContentState<T>(key: string, load: () => Promise<T>): Promise<T> {
      const state = (strapi.requestContext.get() as any)?.state?.[CONTENT_STATE];
      return typeof state === 'string' ? memos.get(state, key, load) : load();
    },
    lookup: (key: string, state: string) => cache.get(key, state),
    store: (key: string, entry: CachedResponse) => cache.set(key, entry),

    contentChanged,
    /** Resolves once every change this instance committed so far is announced in the database. */
    async announced(): Promise<void> {
      await Promise.all([...announcing]);
    },
    stats: () => ({ entries: cache.size, bytes: cache.sizeInBytes, localChanges }),
  };
};
