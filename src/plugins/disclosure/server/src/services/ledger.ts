import type { Core } from '@strapi/strapi';

export const LEDGER_UID = 'plugin::disclosure.ledger-entry';

export interface LedgerRecord {
  action: 'publish' | 'unpublish';
  outcome: 'allowed' | 'refused';
  contentType: string;
  itemDocumentId?: string | null;
  locale?: string | null;
  title?: string | null;
  rules?: string[];
  message?: string | null;
}

interface Actor {
  actorType: 'admin' | 'api-token' | 'user' | 'system';
  actorId: string | null;
  actorName: string | null;
}

/**
 * The disclosure ledger (发布台账): who published, unpublished or was refused what, when, under which
 * rule. Append-only: the document service refuses to change it and database triggers refuse UPDATE
 * and DELETE, so no role (nor a bug) can rewrite history.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const actor = (): Actor => {
    const request = strapi.requestContext.get() as any;
    const auth = request?.state?.auth;
    if (!auth) return { actorType: 'system', actorId: null, actorName: null };
    const strategy = auth.strategy?.name;
    const credentials = auth.credentials ?? {};
    if (strategy === 'admin') {
      const name = [credentials.firstname, credentials.lastname].filter(Boolean).join(' ');
      return { actorType: 'admin', actorId: String(credentials.id), actorName: credentials.email ?? name };
    }
    if (strategy === 'content-api-token' || strategy === 'api-token') {
      return { actorType: 'api-token', actorId: String(credentials.id), actorName: credentials.name ?? null };
    }
    return { actorType: 'user', actorId: credentials.id ? String(credentials.id) : null, actorName: credentials.email ?? null };
  };

  return {
    async record(entry: LedgerRecord) {
      const { rules, ...rest } = entry;
      const now = strapi.plugin('disclosure').service('clock').now() as Date;
      await strapi.db.query(LEDGER_UID).create({
        data: { ...rest, rules: rules?.length ? rules.join(',') : null, at: now, ...actor() },
      });
    },

    /** Database triggers that refuse UPDATE and DELETE on the ledger table (created idempotently). */
    async protect() {
      const { tableName } = strapi.db.metadata.get(LEDGER_UID);
      const knex = strapi.db.connection;
      const client = strapi.db.dialect.client;
      const message = 'disclosure ledger is append-only';
      if (client === 'postgres') {
        await knex.raw(`
          CREATE OR REPLACE FUNCTION disclosure_ledger_append_only() RETURNS trigger AS $$
          BEGIN RAISE EXCEPTION '${message}'; END; $$ LANGUAGE plpgsql;`);
        await knex.raw(`DROP TRIGGER IF EXISTS ${tableName}_append_only ON ??`, [tableName]);
        await knex.raw(
          `CREATE TRIGGER ${tableName}_append_only BEFORE UPDATE OR DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION disclosure_ledger_append_only()`,
          [tableName]
        );
      } else if (client === 'sqlite') {
        for (const operation of ['UPDATE', 'DELETE']) {
          await knex.raw(
            `CREATE TRIGGER IF NOT EXISTS ${tableName}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${tableName} BEGIN SELECT RAISE(ABORT, '${message}'); END;`
          );
        }
      } else {
        strapi.log.warn(`Disclosure ledger: no append-only trigger for database client ${client}`);
      }
    },
  };
};
