import type { Core } from '@strapi/strapi';
import { LEDGER_UID } from '../../../../shared/constants';
import { addCalendarDays, startOfBeijingDay } from '../../calendar/rules/beijing-time';
import type { LedgerQuery } from '../validation/ledger';
import { getService } from '../../utils/get-service';
import { currentRequest } from '../../utils/request-state';

export interface LedgerRecord {
  /** personal-data-read: an admin opened a case with an applicant's personal data (who, which case; never the data) */
  /** case-step: a step taken on a public message (who, which message, which step; never its text) */
  action: 'publish' | 'unpublish' | 'role-change' | 'export' | 'personal-data-read' | 'case-step';
  outcome: 'allowed' | 'refused';
  contentType: string;
  itemDocumentId?: string | null;
  locale?: string | null;
  title?: string | null;
  rules?: string[];
  message?: string | null;
}

export interface LoginRecord {
  realm: 'admin' | 'user';
  /** The account named in the attempt, normalized */
  account: string | null;
  outcome: 'allowed' | 'refused';
  address: string;
  /** Why it was refused: wrong-password, account-locked, address-limit */
  rule?: string;
}

/** A ledger row as stored; Strapi's bookkeeping columns are not part of an entry. */
interface LedgerRow {
  id: number;
  createdAt?: string | null;
  updatedAt?: string | null;
  publishedAt?: string | null;
  [column: string]: unknown;
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
    const request = currentRequest(strapi);
    const auth = request?.state?.auth;
    if (!auth) return { actorType: 'system', actorId: null, actorName: null };
    const strategy = auth.strategy?.name;
    const credentials = auth.credentials ?? {};
    if (strategy === 'admin') {
      const name = [credentials.firstname, credentials.lastname].filter(Boolean).join(' ');
      return {
        actorType: 'admin',
        actorId: String(credentials.id),
        actorName: credentials.email ?? name,
      };
    }
    if (strategy === 'content-api-token' || strategy === 'api-token') {
      return {
        actorType: 'api-token',
        actorId: String(credentials.id),
        actorName: credentials.name ?? null,
      };
    }
    return {
      actorType: 'user',
      actorId: credentials.id ? String(credentials.id) : null,
      actorName: credentials.email ?? null,
    };
  };

  const now = () => getService(strapi, 'clock').now() as Date;
  const address = () => currentRequest(strapi)?.request?.ip ?? null;

  return {
    async record(entry: LedgerRecord) {
      const { rules, ...rest } = entry;
      await strapi.db.query(LEDGER_UID).create({
        data: {
          ...rest,
          rules: rules?.length ? rules.join(',') : null,
          at: now(),
          address: address(),
          ...actor(),
        },
      });
    },

    /** A login attempt: the actor is the account it named, whether or not it exists. */
    async recordLogin(entry: LoginRecord) {
      await strapi.db.query(LEDGER_UID).create({
        data: {
          at: now(),
          action: 'login',
          outcome: entry.outcome,
          rules: entry.rule ?? null,
          contentType: entry.realm === 'admin' ? 'admin::user' : 'plugin::users-permissions.user',
          actorType: entry.realm,
          actorId: null,
          actorName: entry.account,
          address: entry.address,
        },
      });
    },

    /** Entries newest first, for the auditor; dates are Beijing calendar days, both ends included. */
    async list(query: LedgerQuery) {
      const at: Record<string, Date> = {};
      if (query.from) at.$gte = startOfBeijingDay(query.from);
      if (query.to) at.$lt = startOfBeijingDay(addCalendarDays(query.to, 1));
      const where = {
        ...(query.action ? { action: query.action } : {}),
        ...(query.outcome ? { outcome: query.outcome } : {}),
        ...(Object.keys(at).length ? { at } : {}),
      };
      const [entries, total] = await Promise.all([
        strapi.db.query(LEDGER_UID).findMany({
          where,
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
        strapi.db.query(LEDGER_UID).count({ where }),
      ]);
      return {
        entries: entries.map(
          ({ id, createdAt, updatedAt, publishedAt, ...entry }: LedgerRow) => entry
        ),
        total,
      };
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
