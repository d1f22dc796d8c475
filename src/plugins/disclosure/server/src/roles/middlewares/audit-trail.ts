import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { getService } from '../../utils/get-service';

/** Admin routes that change who may do what: roles, their permissions, and admin accounts. */
const AUDITED_ROUTES: Array<{ pattern: RegExp; contentType: string }> = [
  { pattern: /^\/admin\/roles(?:\/([^/]+))?(?:\/permissions)?$/, contentType: 'admin::role' },
  { pattern: /^\/admin\/users(?:\/([^/]+))?$/, contentType: 'admin::user' },
  {
    pattern: /^\/users-permissions\/roles(?:\/([^/]+))?$/,
    contentType: 'plugin::users-permissions.role',
  },
];
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * App-level middleware: every successful change to roles, permissions or admin accounts is written
 * to the disclosure ledger (the audit log) with who made it, after the change has been made.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    await next();
    if (!WRITE_METHODS.has(ctx.method) || ctx.status < 200 || ctx.status >= 300) return;
    const path = ctx.path.replace(/\/+$/, '');
    for (const { pattern, contentType } of AUDITED_ROUTES) {
      const match = pattern.exec(path);
      if (!match) continue;
      await getService(strapi, 'ledger')
        .record({
          action: 'role-change',
          outcome: 'allowed',
          contentType,
          itemDocumentId: match[1] ?? null,
          message: `${ctx.method} ${path}`,
        })
        .catch((error: Error) =>
          strapi.log.error(`Disclosure ledger: role change not recorded: ${error.message}`)
        );
      return;
    }
  };
