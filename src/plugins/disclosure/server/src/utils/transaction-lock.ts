import type { Core } from '@strapi/strapi';

/**
 * Serializes work on one key until the caller's transaction ends. PostgreSQL: a transaction-scoped
 * advisory lock. SQLite: writes already run one at a time, so nothing is needed.
 */
export async function lockWithinTransaction(strapi: Core.Strapi, key: string): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres' || !strapi.db.inTransaction()) return;
  await strapi.db.transaction(({ trx }) =>
    trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [key])
  );
}
