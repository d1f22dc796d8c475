import crypto from 'crypto';
import path from 'path';
import { freshSecrets } from '../../scripts/fresh-secrets';
import { createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';
import { assertConnectedTo, createThrowawayDatabase, type ThrowawayDatabase } from './database';

/**
 * Boots the compiled app in-process on a throwaway database and serves it to supertest through the
 * real HTTP server, as production would (minus the admin panel's static build, unless asked for:
 * the browser tests need it, see tests/harness/browser.ts).
 */
export interface TestApp {
  strapi: Core.Strapi;
  http: () => request.Agent;
  /** Where it runs: pass it to startApp, after stop({ keepDatabase: true }), to restart on it. */
  database: ThrowawayDatabase;
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

const ROOT = path.join(__dirname, '..', '..');

export interface StartOptions {
  seed?: boolean;
  env?: Record<string, string>;
  /** Serve the built admin panel (dist/build) at /admin, as `strapi start` does. */
  serveAdminPanel?: boolean;
  /** Boot on this database (a stopped app's, kept), as a restart of the same deployment would. */
  database?: ThrowawayDatabase;
}

export async function startApp(options: StartOptions = {}): Promise<TestApp> {
  const database: ThrowawayDatabase = options.database ?? (await createThrowawayDatabase());
  Object.assign(process.env, {
    NODE_ENV: 'test',
    ...freshSecrets(),
    SEED_DEMO: options.seed ? 'true' : 'false',
    // The deadline sweep runs when a test calls it, not at a wall-clock minute in the middle of one.
    CRON_ENABLED: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'false',
    ...database.env,
    ...options.env,
  });

  const strapi = createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: options.serveAdminPanel ?? false,
  });
  strapi.log.level = 'warn';
  await strapi.load();
  try {
    // `npm run test:pg` proves nothing unless the app is on PostgreSQL (and `npm test` on SQLite).
    await assertConnectedTo(strapi.db, database);
  } catch (error) {
    await strapi.destroy();
    await database.drop();
    throw error;
  }
  await strapi.server.mount();

  return {
    strapi,
    http: () => request.agent(strapi.server.httpServer),
    database,
    async stop({ keepDatabase = false } = {}) {
      jest.useRealTimers();
      // Strapi leaves some reads running after a document-service write has returned (on PostgreSQL,
      // populating an organization's parent and children after a create); let them finish first.
      const pool = (strapi.db.connection as any).client.pool;
      for (
        let waited = 0;
        waited < 3000 && (pool.numUsed() > 0 || pool.numPendingAcquires() > 0);
        waited += 20
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await strapi.destroy();
      if (!keepDatabase) await database.drop();
    },
  };
}

/** A full-access API token, as a trusted system (or an outside check) would use the REST API. */
export async function createFullAccessToken(strapi: Core.Strapi): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `test-${crypto.randomBytes(4).toString('hex')}`,
    type: 'full-access',
    lifespan: null,
  });
  return token.accessKey;
}

/**
 * Pins time: the disclosure plugin's clock (deadlines, ledger), and the system date Strapi itself
 * stamps on publishedAt and updatedAt, which then runs on from there (or, `frozen`, stays there, for
 * a bound that must be hit to the millisecond). Only Date is faked; timers, I/O and the database run
 * as usual.
 */
export function setClock(app: TestApp, iso: string, options: { frozen?: boolean } = {}): void {
  const instant = pinSystemTime(iso, options);
  app.strapi.plugin('disclosure').service('clock').now = () => new Date(instant);
}

/**
 * Pins the system date only (Date, running on from there unless `frozen`): before an app starts, so
 * that what its start-up does by the date (the demo seed's "today") does not depend on today's date.
 */
export function pinSystemTime(iso: string, options: { frozen?: boolean } = {}): Date {
  const instant = new Date(iso);
  jest.useFakeTimers({
    advanceTimers: !options.frozen,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  jest.setSystemTime(instant);
  return instant;
}

/** Undoes setClock: real time again, for the plugin and for Date. */
export function resetClock(app: TestApp): void {
  jest.useRealTimers();
  app.strapi.plugin('disclosure').service('clock').now = () => new Date();
}

/**
 * The rate-limit middleware's settings on a route, as the router has them: `{ max, perSeconds }`.
 * `plugin` names the plugin whose content-API router holds the route; without it, an API's router.
 */
export function rateLimitOf(
  app: TestApp,
  method: string,
  path: string,
  plugin?: string
): { max: number; perSeconds: number } {
  const routers: any[] = plugin
    ? Object.values(app.strapi.plugin(plugin).routes as any)
    : Object.values(app.strapi.apis).flatMap((api: any) => Object.values(api.routes));
  const route = routers
    .flatMap((router) => router.routes ?? [])
    .find((entry: any) => entry.method === method && entry.path === path);
  const middleware = route?.config?.middlewares?.find(
    (entry: any) => entry?.name === 'plugin::disclosure.rate-limit'
  );
  if (!middleware) throw new Error(`no rate limit on ${method} ${path}`);
  return middleware.config;
}

/** A super admin logged in through /admin/login; returns the bearer token the admin panel would use. */
export async function createAdminSession(
  app: TestApp,
  email = 'admin@example.gov.cn'
): Promise<string> {
  const password = 'Disclosure-2026';
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email,
    firstname: '管理员',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const login = await app.http().post('/admin/login').send({ email, password });
  if (login.status !== 200)
    throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.data.token ?? login.body.data.accessToken;
}
