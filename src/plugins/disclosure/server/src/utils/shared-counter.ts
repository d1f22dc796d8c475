import { randomBytes } from 'crypto';
import { performance } from 'perf_hooks';
import type { Knex } from 'knex';
import { Acknowledgements, CounterLease } from '../domain/counter-lease';
import { FreshRead } from '../domain/fresh-read';

// The drivers Strapi itself uses (the app depends on both); untyped here, hence require.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const BetterSqlite3 = require('better-sqlite3');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Client: PostgresClient } = require('pg');

/** One row per shared counter. */
const COUNTERS_TABLE = 'disclosure_cache_stamps';
/** PostgreSQL: one row per running instance, its lease (see domain/counter-lease). */
const INSTANCES_TABLE = 'disclosure_cache_instances';
const CHANGES_CHANNEL = 'disclosure_cache_changes';
const ACKNOWLEDGEMENTS_CHANNEL = 'disclosure_cache_acks';
/**
 * How long a renewal vouches for what this instance heard. Also the longest a write waits for an
 * instance that stopped answering (crashed, frozen, cut off) before it is acknowledged.
 */
export const LEASE_MS = 2000;
const RENEW_EVERY_MS = 400;
/** Marks this instance's connection in pg_stat_activity. */
const APPLICATION_NAME = 'disclosure-response-cache';

export interface SharedCounterOptions {
  dialect: string;
  knex: () => Knex;
  /** Strapi's database.connection.connection: a file name (SQLite) or pg connection settings */
  connection: any;
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
  /** Adds one; resolves once every other instance has heard it, or its lease has run out. */
  increment(): Promise<void>;
  close(): Promise<void>;
  /** For tests and the benchmark. */
  stats(): { instance: string | null; leased: boolean; reads: number };
}

/**
 * A counter in the database that every instance sharing it increments after each change it commits
 * and consults before answering from anything it keeps: the response cache's content stamp.
 */
export async function openSharedCounter(options: SharedCounterOptions): Promise<SharedCounter> {
  const { knex, name } = options;
  if (!(await knex().schema.hasTable(COUNTERS_TABLE))) {
    await knex().schema.createTable(COUNTERS_TABLE, (table) => {
      table.string('name', 40).primary();
      table.bigInteger('version').notNullable().defaultTo(0);
    });
  }
  await knex()(COUNTERS_TABLE).insert({ name, version: 0 }).onConflict('name').ignore();
  if (options.dialect === 'postgres') return openLeasedCounter(options);
  return openReadCounter(options);
}

const readThroughPool = async (knex: () => Knex, name: string): Promise<string> => {
  const row = await knex()(COUNTERS_TABLE).where({ name }).first('version');
  return String(row?.version ?? 0);
};

/**
 * Read before every answer (shared per turn, see FreshRead). Not through the query builder and the
 * pool, which cost as much as the rest of a cached answer: SQLite, a read-only handle of its own and
 * one prepared statement (microseconds).
 */
function openReadCounter({ dialect, knex, connection, name }: SharedCounterOptions): SharedCounter {
  let handle: any = null;
  let statement: any = null;
  if (dialect === 'sqlite') {
    handle = new BetterSqlite3(connection.filename, { readonly: true, fileMustExist: true });
    statement = handle.prepare(`SELECT version FROM ${COUNTERS_TABLE} WHERE name = ?`).pluck();
  }
  let reads = 0;
  const fresh = new FreshRead(async () => {
    reads += 1;
    return statement ? String(statement.get(name) ?? 0) : readThroughPool(knex, name);
  });
  return {
    current: () => fresh.get(),
    async increment() {
      await knex()(COUNTERS_TABLE).where({ name }).increment('version', 1);
    },
    async close() {
      handle?.close();
    },
    stats: () => ({ instance: null, leased: false, reads }),
  };
}

/** A pg client whose queries run one after another (pg deprecates queueing them on one client). */
class SerialClient {
  readonly client: any;
  private last: Promise<unknown> = Promise.resolve();

  constructor(settings: object) {
    this.client = new PostgresClient(settings);
  }

  query(text: string | object, values?: unknown[]): Promise<any> {
    const next = this.last.then(() => this.client.query(text, values));
    this.last = next.catch(() => undefined);
    return next;
  }

  end(): Promise<void> {
    return this.client.end();
  }
}

/**
 * PostgreSQL: LISTEN/NOTIFY made safe by leases (domain/counter-lease). A notification alone arrives
 * some time after the commit, so a read in between would be stale; the writer therefore answers its
 * client only once each instance holding a lease has acknowledged the change, or the lease ran out.
 * An instance without a running lease (starting, cut off) reads the counter before every answer.
 */
async function openLeasedCounter({ knex, connection, schema, name, warn }: SharedCounterOptions): Promise<SharedCounter> {
  const instance = randomBytes(8).toString('hex');
  const table = (bare: string) => (schema ? `"${schema}".${bare}` : bare);
  const lease = new CounterLease(LEASE_MS);
  const acknowledgements = new Acknowledgements();
  let client: SerialClient | null = null;
  let closed = false;
  let reads = 0;

  if (!(await knex().schema.hasTable(INSTANCES_TABLE))) {
    await knex().schema.createTable(INSTANCES_TABLE, (columns) => {
      columns.string('id', 40).primary();
      columns.timestamp('lease_until', { useTz: true }).notNullable();
    });
  }
  // Rows of instances long gone (a crash leaves its row behind).
  await knex()(INSTANCES_TABLE).where('lease_until', '<', knex().raw("now() - interval '1 day'")).delete();

  /** Drops the connection that listens and renews (an old one's late events change nothing). */
  const abandon = (which: SerialClient | null) => {
    if (!which || client !== which) return;
    client = null;
    lease.lost();
    which.end().catch(() => undefined);
  };

  const heard = (version: number, from: SerialClient) => {
    lease.heard(version);
    // Acknowledged after the state has moved (lease.heard is synchronous): the writer may then answer.
    from.query('SELECT pg_notify($1, $2)', [ACKNOWLEDGEMENTS_CHANNEL, `${instance}:${version}`]).catch(() => undefined);
  };

  const connect = async () => {
    const listener = new SerialClient({ ...connection, application_name: APPLICATION_NAME });
    listener.client.on('error', () => abandon(listener));
    listener.client.on('end', () => abandon(listener));
    listener.client.on('notification', (message: { channel: string; payload?: string }) => {
      if (message.channel === CHANGES_CHANNEL) {
        const version = Number(message.payload);
        if (Number.isFinite(version)) heard(version, listener);
      } else if (message.channel === ACKNOWLEDGEMENTS_CHANNEL) {
        const [from, version] = String(message.payload).split(':');
        if (from !== instance) acknowledgements.heard(from, Number(version));
      }
    });
    try {
      await listener.client.connect();
      await listener.query(`LISTEN ${CHANGES_CHANNEL}; LISTEN ${ACKNOWLEDGEMENTS_CHANNEL}`);
    } catch (error) {
      await listener.end().catch(() => undefined);
      throw error;
    }
    client = listener;
  };

  /**
   * Reads the counter under a share lock and extends this instance's lease, in one transaction (one
   * simple query, so a failure leaves no transaction open). The lock orders the renewal wholly before
   * or after any increment: after, it reads the new value; before, the writer sees the lease. (FOR
   * SHARE, not FOR KEY SHARE: only the former conflicts with the lock an UPDATE of a non-key column takes.)
   */
  const renewal =
    `SELECT version FROM ${table(COUNTERS_TABLE)} WHERE name = '${name.replace(/'/g, "''")}' FOR SHARE; ` +
    `INSERT INTO ${table(INSTANCES_TABLE)} (id, lease_until) VALUES ('${instance}', now() + interval '${LEASE_MS} milliseconds') ` +
    'ON CONFLICT (id) DO UPDATE SET lease_until = EXCLUDED.lease_until';
  let renewingSince: number | null = null;
  let warned = false;
  const renew = async () => {
    if (closed) return;
    if (renewingSince !== null) {
      // A renewal that hangs past the lease means a dead connection nobody noticed: start over.
      if (performance.now() - renewingSince > LEASE_MS) abandon(client);
      else return;
    }
    const started = (renewingSince = performance.now());
    try {
      if (!client) await connect();
      const renewing: SerialClient = client!;
      const ticket = lease.renewing(performance.now());
      const [counter] = await renewing.query(renewal);
      if (renewing === client) lease.renewed(ticket, Number(counter.rows[0]?.version ?? 0));
      warned = false;
    } catch (error) {
      // Once per outage, not every renewal.
      if (!closed && !warned) warn(`disclosure response cache: no lease, reading the counter before each answer until one is renewed (${(error as Error).message})`);
      warned = true;
      lease.lost();
      abandon(client);
    } finally {
      if (renewingSince === started) renewingSince = null;
    }
  };
  await renew();
  const timer = setInterval(() => void renew(), RENEW_EVERY_MS);
  timer.unref();

  const fresh = new FreshRead(async () => {
    reads += 1;
    const reader = client;
    const version = reader
      ? String((await reader.query({ name: 'disclosure-counter', text: `SELECT version FROM ${table(COUNTERS_TABLE)} WHERE name = $1`, values: [name] })).rows[0]?.version ?? 0)
      : await readThroughPool(knex, name);
    lease.heard(Number(version));
    return version;
  });

  return {
    current() {
      const leased = lease.current(performance.now());
      return leased === null ? fresh.get() : Promise.resolve(String(leased));
    },
    async increment() {
      const bumped = await knex().raw(
        `WITH bumped AS (UPDATE ${table(COUNTERS_TABLE)} SET version = version + 1 WHERE name = ? RETURNING version) ` +
          'SELECT version, pg_notify(?, version::text) FROM bumped',
        [name, CHANGES_CHANNEL]
      );
      const version = Number(bumped.rows[0]?.version);
      lease.heard(version);
      // After the commit (a statement of its own): a renewal ordered before the increment shows here.
      const leases = await knex().raw(
        `SELECT id, EXTRACT(EPOCH FROM (lease_until - clock_timestamp())) * 1000 AS remaining FROM ${table(INSTANCES_TABLE)} ` +
          'WHERE id <> ? AND lease_until > clock_timestamp()',
        [instance]
      );
      await Promise.all(leases.rows.map((row: { id: string; remaining: string }) => acknowledgements.wait(row.id, version, Math.ceil(Number(row.remaining)) + 5)));
    },
    async close() {
      closed = true;
      clearInterval(timer);
      const leaving = client;
      client = null;
      lease.lost();
      if (leaving) {
        await leaving.query(`DELETE FROM ${table(INSTANCES_TABLE)} WHERE id = $1`, [instance]).catch(() => undefined);
        await leaving.end().catch(() => undefined);
      }
    },
    stats: () => ({ instance, leased: lease.current(performance.now()) !== null, reads }),
  };
}
