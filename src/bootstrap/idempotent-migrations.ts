import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * Strapi runs database/migrations once, before it syncs the tables with the content types, so on a
 * new database a migration that creates indexes finds no tables. Migrations marked `idempotent` are
 * applied again here, after the sync, on every start: on a new database that is their first real
 * run, and on an existing one it restores anything a table rebuild dropped.
 */
export async function reapplyIdempotentMigrations(strapi: Core.Strapi): Promise<void> {
  const dir = path.join(strapi.dirs.app.root, 'database', 'migrations');
  if (!fs.existsSync(dir)) return;
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS migration file, loaded by path
    const migration = require(path.join(dir, file));
    if (migration.idempotent === true) {
      await strapi.db.connection.transaction((trx) => migration.up(trx, strapi.db));
    }
  }
}
