import type { Core } from '@strapi/strapi';
import {
  CALENDAR_DAY_UID,
  CONVERSION_TERM_UID,
  UPLOAD_FILE_UID,
  isAppContentType,
} from '../../../../shared/constants';
import { beijingDate } from '../../calendar/rules/beijing-time';
import { ResponseCache, type CachedResponse } from '../rules/response-cache';
import { StateMemo } from '../rules/state-memo';
import {
  openSharedCounter,
  type SharedCounter,
  type SharedCounterOptions,
} from '../shared-counter';
import { getService } from '../../utils/get-service';
import { getConfig } from '../../utils/get-config';
import { currentRequest } from '../../utils/request-state';

/** A database lifecycle subscriber for some models (Strapi's type, without the bare-function form). */
type ModelSubscriber = Exclude<
  Parameters<Core.Strapi['db']['lifecycles']['subscribe']>[0],
  (...args: never[]) => unknown
>;

/** The shared counter that counts changes to anything the public API can show. */
const CONTENT_COUNTER = 'content';
/** Set on a request's context by a write it made once committed, so the request ends by announcing the change. */
export const CONTENT_CHANGED = 'disclosureContentChanged';
/** Set on a public read's context: the content state it was answered in. */
export const CONTENT_STATE = 'disclosureContentState';

/** Models outside src/api whose rows can change a public answer. */
const PUBLICLY_VISIBLE_MODELS = [
  UPLOAD_FILE_UID,
  'plugin::i18n.locale',
  'plugin::users-permissions.permission',
  'plugin::users-permissions.role',
  CALENDAR_DAY_UID,
  // The dictionary: a Traditional search query is read through it.
  CONVERSION_TERM_UID,
];

const WRITE_EVENTS = [
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
] as const;

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
 * that every instance knows fresh before each cached answer (public-reads/shared-counter: read, or on
 * PostgreSQL vouched for by a lease): an instance never answers from its cache after another
 * instance's change has been acknowledged.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getConfig(strapi).responseCache;
  let enabled = settings().enabled;
  // Off only in the benchmark's cold runs (setMemosEnabled): every read loads afresh, as after a change.
  let memosEnabled = true;
  let localChanges = 0;
  const cache = new ResponseCache({
    maxEntries: settings().maxEntries,
    maxBytes: settings().maxMegabytes * 1024 * 1024,
  });
  const announcing = new Set<Promise<unknown>>();
  const knex = () => strapi.db.connection;
  // The clock service, looked up once (state() runs before every public answer); tests replace its `now`.
  let clockService: { now: () => Date } | null = null;
  const clock = () => (clockService ??= getService(strapi, 'clock'));
  let counter: SharedCounter | null = null;
  const memos = new StateMemo();

  // A refused increment is retried by the counter itself until stored; the write is answered meanwhile.
  const announce = () =>
    Promise.resolve()
      .then(() => counter?.increment())
      .catch((error: Error) =>
        strapi.log.error(
          `disclosure response cache: could not announce a change, other instances may answer from before it until it is (${error.message})`
        )
      );

  /** Called after a change is committed: this instance forgets at once, the others once it is announced. */
  const contentChanged = (): void => {
    localChanges += 1;
    cache.clear();
    const announcement = announce().finally(() => announcing.delete(announcement));
    announcing.add(announcement);
  };

  /**
   * A write to a watched model: announced after its transaction commits, and again when its request
   * ends. Only once committed: a write rolled back (a refused request: the document service writes a
   * draft, then fails validating it for publication) changed nothing, and moving the shared counter
   * for it would empty every instance's cache for nothing.
   */
  const onWrite = async (): Promise<void> => {
    const request = currentRequest(strapi);
    const committed = () => {
      if (request?.state) request.state[CONTENT_CHANGED] = true;
      contentChanged();
    };
    if (strapi.db.inTransaction()) {
      await strapi.db.transaction(async ({ onCommit }) => onCommit(committed));
    } else {
      committed();
    }
  };

  return {
    /** Creates the shared counter and starts watching every model a public answer can depend on. */
    async install() {
      const connection =
        strapi.config.get<{ connection?: SharedCounterOptions['connection'] } | undefined>(
          'database.connection'
        ) ?? {};
      counter = await openSharedCounter({
        dialect: strapi.db.dialect.client,
        table: (name) => strapi.db.getConnection(name),
        knex,
        // Always set by config/database.ts.
        connection: connection.connection!,
        schema: strapi.db.getSchemaName(),
        name: CONTENT_COUNTER,
        warn: (message) => strapi.log.warn(message),
      });
      const models = [
        ...Object.keys(strapi.contentTypes).filter(isAppContentType),
        ...PUBLICLY_VISIBLE_MODELS,
      ];
      const subscriber: ModelSubscriber = { models };
      for (const event of WRITE_EVENTS) subscriber[event] = onWrite;
      strapi.db.lifecycles.subscribe(subscriber);
    },

    /** Closes the counter's own connection (plugin destroy). */
    async close() {
      await counter?.close();
      counter = null;
    },

    enabled: () => enabled,
    /** For the benchmark's cache-disabled runs. */
    setEnabled(value: boolean) {
      enabled = value;
      cache.clear();
    },
    maxAgeSeconds: () => settings().maxAgeSeconds,
    memosEnabled: () => memosEnabled,
    /**
     * For the benchmark's cold runs: with the memos off, values remembered per content state (the
     * Public role's permissions, list totals, catalogue counts) are loaded for every read, as the
     * first read after a change loads them. The state does not move, so what was remembered stays valid.
     */
    setMemosEnabled(value: boolean) {
      memosEnabled = value;
    },

    /**
     * The content state now. Read before rendering: what is rendered is filed under it. The Beijing
     * day is part of it: answers computed from the date (a consultation opens, closes) change at
     * midnight with no write at all.
     */
    async state(): Promise<string> {
      const local = localChanges;
      const today = beijingDate(clock().now() as Date);
      if (!counter) throw new Error('the shared counter is not open');
      return `${local}:${today}:${await counter.current()}`;
    },
    /**
     * For a public read (its context carries the state it was answered in): `load`'s value, computed
     * once per content state and key, and shared. Anything else loads afresh. For reads that only a
     * watched write can change: the Public role's permissions, a public list's total.
     */
    forContentState<T>(key: string, load: () => Promise<T>): Promise<T> {
      const state = currentRequest(strapi)?.state?.[CONTENT_STATE];
      return typeof state === 'string' && memosEnabled ? memos.get(state, key, load) : load();
    },
    lookup: (key: string, state: string) => cache.get(key, state),
    store: (key: string, entry: CachedResponse) => cache.set(key, entry),

    contentChanged,
    /** Resolves once every change this instance committed so far is announced, and heard by every other instance holding a lease. */
    async announced(): Promise<void> {
      await Promise.all([...announcing]);
    },
    stats: () => ({
      entries: cache.size,
      bytes: cache.sizeInBytes,
      localChanges,
      counter: counter?.stats() ?? null,
    }),
  };
};
