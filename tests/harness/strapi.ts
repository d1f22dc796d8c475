import crypto from 'crypto';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';
import { createThrowawayDatabase, type ThrowawayDatabase } from './database';

/**
 * Boots the compiled app in-process on a throwaway database and serves it to supertest through the
 * real HTTP server, as production would (minus the admin panel's static build).
 */
export interface TestApp {
  strapi: Core.Strapi;
  http: () => request.Agent;
  stop(): Promise<void>;
}

const ROOT = path.join(__dirname, '..', '..');
const secret = () => crypto.randomBytes(16).toString('base64');

export async function startApp(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database: ThrowawayDatabase = await createThrowawayDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    SEED_DEMO: options.seed ? 'true' : 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'false',
    ...database.env,
    ...options.env,
  });

  const strapi = createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  strapi.log.level = 'warn';
  await strapi.load();
  await strapi.server.mount();

  return {
    strapi,
    http: () => request.agent(strapi.server.httpServer),
    async stop() {
      await strapi.destroy();
      await database.drop();
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

/** Pins the disclosure plugin's clock (every deadline and ledger time reads it). */
export function setClock(app: TestApp, iso: string): void {
  app.strapi.plugin('disclosure').service('clock').now = () => new Date(iso);
}
