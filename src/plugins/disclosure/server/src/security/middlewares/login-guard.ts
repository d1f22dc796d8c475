import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { respondWithError } from '../../errors/error-response';
import {
  DEFAULT_LOGIN_POLICY,
  LoginGuard,
  type LoginDecision,
  type LoginPolicy,
} from '../rules/login-guard';
import { getService } from '../../utils/get-service';

/** Login routes: the account is named by this body field. */
const LOGIN_ROUTES: Record<string, { field: string; realm: 'admin' | 'user' }> = {
  '/admin/login': { field: 'email', realm: 'admin' },
  '/api/auth/local': { field: 'identifier', realm: 'user' },
};
/** Routes that send mail or create accounts: limited by address only. */
const ADDRESS_LIMITED_ROUTES = new Set([
  '/admin/forgot-password',
  '/admin/reset-password',
  '/admin/register-admin',
  '/api/auth/forgot-password',
  '/api/auth/reset-password',
  '/api/auth/local/register',
]);

const normalizedPath = (path: string) => path.replace(/\/+$/, '').toLowerCase();

const refusal = (decision: LoginDecision, policy: LoginPolicy) => {
  const minutes = Math.ceil(decision.retryAfterSeconds / 60);
  return decision.reason === 'account-locked'
    ? `登录失败次数过多，账号已锁定 ${policy.lockoutSeconds / 60} 分钟，请 ${minutes} 分钟后再试 (too many failed logins: the account is locked for ${policy.lockoutSeconds / 60} minutes; retry in ${minutes} min)`
    : `登录尝试过于频繁：同一地址每 ${policy.addressWindowSeconds / 60} 分钟最多 ${policy.attemptsPerAddress} 次，请 ${minutes} 分钟后再试 (too many login attempts from this address: at most ${policy.attemptsPerAddress} every ${policy.addressWindowSeconds / 60} min; retry in ${minutes} min)`;
};

/**
 * App-level middleware (after strapi::body) in front of the admin and users-permissions logins:
 * per-address limits and per-account lockout (rules/login-guard), and every login, failed, refused
 * or successful, written to the disclosure ledger, which is the audit log.
 */
export default (config: Partial<LoginPolicy> = {}, { strapi }: { strapi: Core.Strapi }) => {
  const policy = { ...DEFAULT_LOGIN_POLICY, ...config };
  const guard = new LoginGuard(policy, () => getService(strapi, 'clock').now().getTime());

  const record = (
    realm: 'admin' | 'user',
    account: unknown,
    outcome: 'allowed' | 'refused',
    ip: string,
    rule?: string
  ) =>
    getService(strapi, 'ledger')
      .recordLogin({
        realm,
        account: LoginGuard.accountKey(account) || null,
        outcome,
        address: ip,
        rule,
      })
      .catch((error: Error) =>
        strapi.log.error(`Disclosure ledger: login not recorded: ${error.message}`)
      );

  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'POST') return next();
    const path = normalizedPath(ctx.path);
    const login = LOGIN_ROUTES[path];
    if (!login && !ADDRESS_LIMITED_ROUTES.has(path)) return next();

    const ip = ctx.request.ip ?? 'unknown';
    const account = login ? ctx.request.body?.[login.field] : undefined;
    const decision = guard.attempt(ip, account);
    if (!decision.allowed) {
      if (login) await record(login.realm, account, 'refused', ip, decision.reason);
      const details = { reason: decision.reason, retryAfterSeconds: decision.retryAfterSeconds };
      respondWithError(
        ctx,
        429,
        'RateLimitError',
        refusal(decision, policy),
        details,
        decision.retryAfterSeconds
      );
      return;
    }
    if (!login) return next();

    let failed = false;
    try {
      await next();
      failed = ctx.status === 400 || ctx.status === 401;
    } catch (error) {
      const refusal = error as
        { status?: unknown; statusCode?: unknown; name?: unknown } | null | undefined;
      const status = refusal?.status ?? refusal?.statusCode;
      failed =
        status === 400 ||
        status === 401 ||
        refusal?.name === 'ApplicationError' ||
        refusal?.name === 'ValidationError';
      throw error;
    } finally {
      if (failed) {
        const locked = guard.failed(account);
        await record(
          login.realm,
          account,
          'refused',
          ip,
          locked ? 'wrong-password,account-locked' : 'wrong-password'
        );
      } else if (ctx.status === 200) {
        guard.succeeded(account);
        await record(login.realm, account, 'allowed', ip);
      }
    }
  };
};
