import { randomBytes } from 'crypto';
import { performance } from 'perf_hooks';
import type { Knex } from 'knex';
import { Acknowledgements, CounterLease, type Instant } from './rules/counter-lease';
import { FreshRead } from './rules/fresh-read';

/** better-sqlite3's database, as far as it is used here. */
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  close(): void;
}
interface SqliteStatement {
  pluck(): SqliteStatement;
  get(...params: unknown[]): unknown;
}
/** pg's client, as far as it is used here. */
interface PgClient {
  query(text: string | object, values?: unknown[]): Promise<unknown>;
  connect(): Promise<void>;
  end(): Promise<void>;
  on(event: 'error' | 'end', listener: () => void): void;
  on(
    event: 'notification',
    listener: (message: { channel: string; payload?: string }) => void
  ): void;
}
/** A query's result; a simple query of several statements answers with one per statement. */
interface PgResult {
  rows: Array<Record<string, unknown>>;
}

// The drivers Strapi itself uses (the app depends on both); they ship no types, hence require, typed
// above as far as they are used.
type SqliteConstructor = new (
  filename: string,
  options: { readonly: boolean; fileMustExist: boolean }
) => SqliteDatabase;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- better-sqlite3 ships no types
const BetterSqlite3: SqliteConstructor = require('better-sqlite3');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- pg ships no types here
const { Client: PostgresClient }: { Client: new (settings: object) => PgClient } = require('pg');

/** One row per shared counter. */
const COUNTERS_TABLE = 'disclosure_cache_stamps';
/** PostgreSQL: one row per running instance, its lease (see rules/counter-lease). */
const INSTANCES_TABLE = 'disclosure_cache_instances';
/** Database-wide, whatever the schema: payloads name their schema and counter, and others are ignored. */
const CHANGES_CHANNEL = 'disclosure_cache_changes';
const ACKNOWLEDGEMENTS_CHANNEL = 'disclosure_cache_acks';
/**
 * How long a renewal vouches for what this instance heard; also the longest a write waits for an
 * instance that stopped answering (crashed, frozen, cut off) before it is acknowledged.
 */
export const LEASE_MS = 2000;
/** Renewals come every 300–500 ms (spread, so many instances do not renew in step). */
const RENEW_MS = { min: 300, spread: 200 };
/**
 * A write's increment is retried this many times (0.1, 0.2, 0.4, 0.8 s apart) before the write is
 * answered regardless; it is then tried every second until one is stored.
 */
const INCREMENT_ATTEMPTS = 5;
/** Marks this instance's connection in pg_stat_activity. */
const APPLICATION_NAME = 'disclosure-response-cache';

export interface SharedCounterOptions {
  dialect: string;
  /** The app's query builder for a table, in its schema (Strapi's db.getConnection) */
  table: (name: string) => Knex.QueryBuilder;
  /** The app's knex, for raw statements */
  knex: () => Knex;
  /** Strapi's database.connection.connection: a file name (SQLite) or pg connection settings */
  connection: { filename?: string; [setting: string]: unknown };
  schema?: string;
  name: string;
  warn: (message: string) => void;
}

export interface SharedCounter {
  /**
   * The counter, as fresh as a read started after this call: PostgreSQL answers from a running lease
   * without a round trip; otherwise a read, shared among callers who asked in the same turn.
   */
  current(): Promise<string>;
  /** Adds one; resolves once every other instance has heard it, or its lease has run out. Rejects when the database refused it. */
  increment(): Promise<void>;
  close(): Promise<void>;
  /** For tests and the benchmark. */
  stats(): {
    instance: string | null;
    leased: boolean;
    reads: number;
    heard: string | null;
    connectionsLost: number;
  };
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A counter in the database that every instance sharing it increments after each change it commits
 * and consults before answering from anything it keeps: the response cache's content stamp.
 */
export async function openSharedCounter(options: SharedCounterOptions): Promise<SharedCounter> {
  const { knex, schema, name } = options;
  const qualified = (table: string) => (schema ? `${quote(schema)}.${quote(table)}` : quote(table));
  // IF NOT EXISTS: several instances may start on an empty database at once.
  await knex().raw(
    `CREATE TABLE IF NOT EXISTS ${qualified(COUNTERS_TABLE)} (name varchar(40) PRIMARY KEY, version bigint NOT NULL DEFAULT 0)`
  );
  await options.table(COUNTERS_TABLE).insert({ name, version: 0 }).onConflict('name').ignore();
  const counter =
    options.dialect === 'postgres'
      ? await openLeasedCounter(options, qualified)
      : openReadCounter(options);
  /** An increment given up on (after its retries) is owed: tried every second until one is stored. */
  let owed: NodeJS.Timeout | null = null;
  const increment = async (): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await counter.increment();
        // Any stored increment announces every change before it, the owed one included.
        if (owed) clearTimeout(owed);
        owed = null;
        return;
      } catch (error) {
        if (attempt < INCREMENT_ATTEMPTS) {
          await wait(100 * 2 ** (attempt - 1));
          continue;
        }
        owed ??= setTimeout(() => {
          owed = null;
          increment().catch(() => undefined);
        }, 1000);
        owed.unref();
        throw error;
      }
    }
  };
  return {
    ...counter,
    // Retried: a write answered while its increment is not stored could be answered stale elsewhere.
    increment,
    async close() {
      if (owed) clearTimeout(owed);
      owed = null;
      await counter.close();
    },
  };
}

const readThroughPool = async (
  table: SharedCounterOptions['table'],
  name: string
): Promise<number> => {
  const row = await table(COUNTERS_TABLE).where({ name }).first('version');
  return Number(row?.version ?? 0);
};

/**
 * Read before every answer (shared per turn, see FreshRead). Not through the query builder and the
 * pool, which cost as much as the rest of a cached answer: SQLite, a read-only handle of its own and
 * one prepared statement (microseconds).
 */
function openReadCounter({
  dialect,
  table,
  connection,
  name,
}: SharedCounterOptions): SharedCounter {
  let handle: SqliteDatabase | null = null;
  let statement: SqliteStatement | null = null;
  if (dialect === 'sqlite') {
    // SQLite's settings name the file.
    handle = new BetterSqlite3(connection.filename!, { readonly: true, fileMustExist: true });
    statement = handle.prepare(`SELECT version FROM ${COUNTERS_TABLE} WHERE name = ?`).pluck();
  }
  let reads = 0;
  const fresh = new FreshRead(async () => {
    reads += 1;
    return String(statement ? (statement.get(name) ?? 0) : await readThroughPool(table, name));
  });
  return {
    current: () => fresh.get(),
    async increment() {
      await table(COUNTERS_TABLE).where({ name }).increment('version', 1);
    },
    async close() {
      handle?.close();
    },
    stats: () => ({ instance: null, leased: false, reads, heard: null, connectionsLost: 0 }),
  };
}

/** A pg client whose queries run one after another (pg deprecates queueing them on one client). */
class SerialClient {
  readonly client: PgClient;
  private last: Promise<unknown> = Promise.resolve();
  private ending: Promise<void> | null = null;

  constructor(settings: object) {
    this.client = new PostgresClient(settings);
  }

  query<Result = PgResult>(text: string | object, values?: unknown[]): Promise<Result> {
    const next = this.last.then(() => this.client.query(text, values)) as Promise<Result>;
    this.last = next.catch(() => undefined);
    return next;
  }

  /** Once: its own 'end' event must not end it again. */
  end(): Promise<void> {
    return (this.ending ??= this.client.end());
  }
}

const instant = (): Instant => ({ monotonic: performance.now(), wall: Date.now() });

/**
 * PostgreSQL: LISTEN/NOTIFY made safe by leases (rules/counter-lease). A notification alone arrives
 * some time after the commit, so a read in between would be stale; the writer therefore answers its
 * client only once each instance holding a lease has acknowledged the change, or the lease ran out.
 * An instance without a running lease (starting, cut off) reads the counter before every answer.
 */
async function openLeasedCounter(
  options: SharedCounterOptions,
  qualified: (table: string) => string
): Promise<SharedCounter> {
  const { knex, connection, schema, name, warn } = options;
  const instance = randomBytes(8).toString('hex');
  /** Which counter a notification is about: the channels are shared by every schema of the database. */
  const scope = `${schema ?? ''}.${name}`;
  const lease = new CounterLease(LEASE_MS);
  const acknowledgements = new Acknowledgements();
  let client: SerialClient | null = null;
  let closed = false;
  let reads = 0;
  let connectionsLost = 0;

  await knex().raw(
    `CREATE TABLE IF NOT EXISTS ${qualified(INSTANCES_TABLE)} (id varchar(40) PRIMARY KEY, lease_until timestamptz NOT NULL)`
  );
  // Rows of instances long gone (a crash leaves its row behind).
  await options
    .table(INSTANCES_TABLE)
    .where('lease_until', '<', knex().raw("now() - interval '1 day'"))
    .delete();

  /** Drops a connection that listens and renews (an old one's late events change nothing). */
  const abandon = (which: SerialClient | null) => {
    if (!which) return;
    if (client === which) {
      client = null;
      connectionsLost += 1;
      lease.lost();
    }
    which.end().catch(() => undefined);
  };

  /** Says what this instance has heard, once its state has moved (lease calls are synchronous). */
  const acknowledge = (through: SerialClient) => {
    const payload = JSON.stringify({ scope, instance, version: lease.version });
    through
      .query('SELECT pg_notify($1, $2)', [ACKNOWLEDGEMENTS_CHANNEL, payload])
      .catch(() => undefined);
  };

  const onNotification = (
    listener: SerialClient,
    message: { channel: string; payload?: string }
  ) => {
    let payload: { scope?: unknown; version?: unknown; instance?: unknown } | null;
    try {
      payload = JSON.parse(message.payload ?? '');
    } catch {
      return;
    }
    if (payload?.scope !== scope) return;
    if (message.channel === CHANGES_CHANNEL) {
      lease.heard(Number(payload.version));
      // Always: the writer waits for this, even when a renewal brought the news first.
      acknowledge(listener);
    } else if (message.channel === ACKNOWLEDGEMENTS_CHANNEL && payload.instance !== instance) {
      acknowledgements.heard(String(payload.instance), Number(payload.version));
    }
  };

  const connect = async (): Promise<SerialClient> => {
    const listener = new SerialClient({
      ...connection,
      application_name: APPLICATION_NAME,
      keepAlive: true,
      connectionTimeoutMillis: LEASE_MS,
      // Ending a client does not stop its statement on the server: these do, so nothing piles up.
      lock_timeout: LEASE_MS / 2,
      statement_timeout: LEASE_MS,
    });
    listener.client.on('error', () => abandon(listener));
    listener.client.on('end', () => abandon(listener));
    listener.client.on('notification', (message: { channel: string; payload?: string }) =>
      onNotification(listener, message)
    );
    try {
      await listener.client.connect();
      await listener.query(`LISTEN ${CHANGES_CHANNEL}; LISTEN ${ACKNOWLEDGEMENTS_CHANNEL}`);
    } catch (error) {
      await listener.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await listener.end().catch(() => undefined);
      throw new Error('closed');
    }
    client = listener;
    return listener;
  };

  /**
   * Reads the counter under a share lock and extends this instance's lease, in one transaction (one
   * simple query, so a failure leaves no transaction open). The lock orders the renewal wholly before
   * or after any increment: after, it reads the new value; before, the writer sees the lease. (FOR
   * SHARE, not FOR KEY SHARE: only the former conflicts with the lock an UPDATE of a non-key column takes.)
   */
  const renewal =
    `SELECT version FROM ${qualified(COUNTERS_TABLE)} WHERE name = '${name.replace(/'/g, "''")}' FOR SHARE; ` +
    `INSERT INTO ${qualified(INSTANCES_TABLE)} (id, lease_until) VALUES ('${instance}', now() + interval '${LEASE_MS} milliseconds') ` +
    'ON CONFLICT (id) DO UPDATE SET lease_until = EXCLUDED.lease_until';
  /** At most one renewal (or connection attempt) at a time. */
  let attempt: { since: number; through: SerialClient | null } | null = null;
  let warned = false;
  const renew = async () => {
    if (closed) return;
    if (attempt) {
      const stuck = performance.now() - attempt.since;
      // Hung past the lease: a dead connection nobody noticed. End it; its query then fails.
      if (stuck > LEASE_MS) abandon(attempt.through);
      // And if even that does not settle it, stop waiting for it.
      if (stuck > 2 * LEASE_MS) attempt = null;
      return;
    }
    const mine: { since: number; through: SerialClient | null } = {
      since: performance.now(),
      through: client,
    };
    attempt = mine;
    try {
      const through = mine.through ?? (mine.through = await connect());
      const ticket = lease.renewing(instant());
      const [counter] = await through.query<PgResult[]>(renewal);
      if (through === client) {
        if (lease.renewed(ticket, Number(counter.rows[0]?.version ?? 0))) acknowledge(through);
      }
      warned = false;
    } catch (error) {
      // Once per outage, not every renewal.
      if (!closed && !warned)
        warn(
          `disclosure response cache: no lease, reading the counter before each answer until one is renewed (${(error as Error).message})`
        );
      warned = true;
      abandon(mine.through);
    } finally {
      if (attempt === mine) attempt = null;
    }
  };
  await renew();
  let timer: NodeJS.Timeout;
  const schedule = () => {
    timer = setTimeout(
      () => {
        void renew();
        schedule();
      },
      RENEW_MS.min + Math.random() * RENEW_MS.spread
    );
    timer.unref();
  };
  schedule();

  const fresh = new FreshRead(async () => {
    reads += 1;
    const through = client;
    const version = through
      ? Number(
          (
            await through.query({
              name: 'disclosure-counter',
              text: `SELECT version FROM ${qualified(COUNTERS_TABLE)} WHERE name = $1`,
              values: [name],
            })
          ).rows[0]?.version ?? 0
        )
      : await readThroughPool(options.table, name);
    if (lease.read(version) && through) acknowledge(through);
    return lease.value;
  });

  return {
    current() {
      const leased = lease.current(instant());
      return leased === null ? fresh.get() : Promise.resolve(leased);
    },
    async increment() {
      // On this instance's clock, from before the increment: no renewal ordered before it vouches
      // for longer than this, whatever the database's clock does.
      const deadline = performance.now() + LEASE_MS;
      const bumped = await knex().raw(
        `WITH bumped AS (UPDATE ${qualified(COUNTERS_TABLE)} SET version = version + 1 WHERE name = ? RETURNING version) ` +
          "SELECT version, pg_notify(?, json_build_object('scope', ?::text, 'version', version)::text) FROM bumped",
        [name, CHANGES_CHANNEL, scope]
      );
      const version = Number(bumped.rows[0]?.version);
      // heard, not read: a notification of a later increment may already have arrived.
      lease.heard(version);
      // After the commit (a statement of its own): a renewal ordered before the increment shows here.
      // With a lease's worth of slack, so a database clock set back does not hide a running lease.
      const leases = await knex().raw(
        `SELECT id FROM ${qualified(INSTANCES_TABLE)} WHERE id <> ? AND lease_until > clock_timestamp() - interval '${LEASE_MS} milliseconds'`,
        [instance]
      );
      const ids: string[] = leases.rows.map((row: { id: string }) => row.id);
      acknowledgements.retain(new Set(ids));
      await Promise.all(
        ids.map((id) => acknowledgements.wait(id, version, deadline - performance.now()))
      );
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      const leaving = client;
      client = null;
      lease.lost();
      if (leaving) {
        await leaving
          .query(`DELETE FROM ${qualified(INSTANCES_TABLE)} WHERE id = $1`, [instance])
          .catch(() => undefined);
        await leaving.end().catch(() => undefined);
      }
    },
    stats: () => ({
      instance,
      leased: lease.current(instant()) !== null,
      reads,
      heard: lease.value,
      connectionsLost,
    }),
  };
}
