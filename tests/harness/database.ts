import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

/**
 * A throwaway database per suite: a SQLite file under .tmp/, or, when DATABASE_URL points at a
 * PostgreSQL server, a freshly created database on it that is dropped afterwards.
 */
export interface ThrowawayDatabase {
  /** The engine the suite asked for (DATABASE_CLIENT / DATABASE_URL when the suite started) */
  client: 'sqlite' | 'postgres';
  /** The database's name: the file, or the PostgreSQL database created for the suite */
  name: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

const ROOT = path.join(__dirname, '..', '..');
/**
 * The PostgreSQL server the suite was given, read once: startApp then points DATABASE_URL at its own
 * throwaway database, which a second app in the same suite must not take for the server.
 */
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const usingPostgres = (): boolean =>
  process.env.DATABASE_CLIENT === 'postgres' ||
  /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '');

export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const name = `disclosure_test_${crypto.randomBytes(6).toString('hex')}`;

  if (!usingPostgres()) {
    const filename = path.join('.tmp', 'tests', `${name}.db`);
    fs.mkdirSync(path.join(ROOT, '.tmp', 'tests'), { recursive: true });
    return {
      client: 'sqlite',
      name,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      async drop() {
        for (const suffix of ['', '-wal', '-shm', '-journal']) {
          fs.rmSync(path.join(ROOT, `${filename}${suffix}`), { force: true });
        }
      },
    };
  }

  const serverUrl = new URL(SERVER_URL);
  const admin = new Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(serverUrl.toString());
  testUrl.pathname = `/${name}`;

  return {
    client: 'postgres',
    name,
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: testUrl.toString() },
    async drop() {
      const cleanup = new Client({ connectionString: serverUrl.toString() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * What the booted app is really connected to, asked of the connection itself (not of the
 * configuration): Strapi's dialect, knex's driver, the server's own answer to a version query, and
 * the database it has open. Throws, naming both, when that is not the engine and database the suite
 * asked for, so `npm run test:pg` cannot pass on SQLite (nor the SQLite run on a PostgreSQL server).
 */
export async function assertConnectedTo(db: any, expected: ThrowawayDatabase): Promise<void> {
  const dialect: string = db.dialect?.client;
  const driver: string = db.connection?.client?.config?.client;
  let server = '';
  let database = '';
  try {
    if (dialect === 'postgres') {
      const { rows } = await db.connection.raw(
        'select version() as version, current_database() as name'
      );
      server = rows[0].version;
      database = rows[0].name;
    } else if (dialect === 'sqlite') {
      const [row] = await db.connection.raw('select sqlite_version() as version');
      server = `SQLite ${row.version}`;
      const files = await db.connection.raw('pragma database_list');
      database = path.basename(
        String(files.find((file: any) => file.name === 'main')?.file ?? ''),
        '.db'
      );
    }
  } catch (error: any) {
    server = `(no answer: ${error.message})`;
  }
  const engine = { sqlite: /^SQLite \d/, postgres: /^PostgreSQL \d/ }[expected.client];
  const drivers = {
    sqlite: ['sqlite', 'sqlite3', 'better-sqlite3'],
    postgres: ['postgres', 'pg', 'postgresql'],
  }[expected.client];
  if (
    dialect !== expected.client ||
    !drivers.includes(driver) ||
    !engine.test(server) ||
    database !== expected.name
  ) {
    throw new Error(
      `测试数据库不符：要求 ${expected.client}（${expected.name}），实际连接的是 ${dialect}/${driver}（${server || '?'}，${database || '?'}） ` +
        `(wrong test database: the suite asked for ${expected.client} database ${expected.name}, the app is on ${dialect} via ${driver}: ${server || '?'}, database ${database || '?'})`
    );
  }
}

/**
 * Every table of an instance's database (as `env` names it: a SQLite file or a PostgreSQL URL) with
 * its row count: taken before and after a request, it shows whether the request stored anything.
 */
export async function rowCounts(env: Record<string, string>): Promise<Record<string, number>> {
  if (env.DATABASE_CLIENT === 'sqlite') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the database is SQLite
    const Database = require('better-sqlite3');
    const db = new Database(path.join(ROOT, env.DATABASE_FILENAME), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      const tables: Array<{ name: string }> = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        .all();
      return Object.fromEntries(
        tables.map(({ name }) => [
          name,
          Number(db.prepare(`SELECT count(*) AS n FROM "${name}"`).get().n),
        ])
      );
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const schema = env.DATABASE_SCHEMA ?? 'public';
    const tables = await client.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name",
      [schema]
    );
    const counts: Record<string, number> = {};
    for (const { table_name: name } of tables.rows) {
      counts[name] = Number(
        (await client.query(`SELECT count(*) AS n FROM "${schema}"."${name}"`)).rows[0].n
      );
    }
    return counts;
  } finally {
    await client.end();
  }
}
