import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { respondWithError } from '../../errors/error-response';
import { getService } from '../../utils/get-service';
import { uploadUrlOf } from '../rules/upload-gate';
import { REFRESH_COOKIE } from '../services/upload-gate';

const NOT_FOUND_MESSAGE = '文件不存在 (file not found)';
/** Where Strapi keeps the admin's refresh cookie by default, before config/admin.ts widened it to `/`. */
const LEGACY_COOKIE_PATH = '/admin';

/**
 * A browser signed in before the cookie path was widened holds a refresh cookie under `/admin` too,
 * sent first to the admin's routes: when such a browser (two refresh cookies sent) is given a new
 * one (sign-in, refresh, sign-out), the old one is expired beside it, so it cannot shadow the new
 * one. Only then: some cookie jars (not browsers) let an expired cookie of a narrower path remove a
 * wider one of the same name.
 */
function retireLegacyRefreshCookie(ctx: Context): void {
  const sent = (ctx.get('Cookie').match(new RegExp(`(?:^|;\\s*)${REFRESH_COOKIE}=`, 'g')) ?? [])
    .length;
  if (sent < 2) return;
  const setCookie = ctx.response.get('Set-Cookie') as unknown;
  const headers = Array.isArray(setCookie) ? (setCookie as string[]) : [];
  const setsRefresh = headers.some(
    (header) => header.startsWith(`${REFRESH_COOKIE}=`) && !/;\s*path=\/admin(;|$)/i.test(header)
  );
  if (setsRefresh)
    ctx.cookies.set(REFRESH_COOKIE, '', {
      path: LEGACY_COOKIE_PATH,
      expires: new Date(0),
      httpOnly: true,
      overwrite: false,
    });
}

/**
 * App-level middleware (config/middlewares.ts, before the router): a GET or HEAD that reaches a stored
 * file (`/uploads/…`, however spelled) is served only when the file belongs to something public, or
 * to a signed-in admin. Anything else — a draft's attachment, an on-request document's, a file of no
 * document, a name never stored — gets one and the same 404, never kept by a cache, so a URL tells
 * nothing about what it was. A public file is left to Strapi's static serving (ranges included).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const url = ctx.method === 'GET' || ctx.method === 'HEAD' ? uploadUrlOf(ctx.path) : null;
    if (!url) {
      await next();
      retireLegacyRefreshCookie(ctx);
      return;
    }
    const gate = getService(strapi, 'upload-gate');
    const visibility = await gate.visibility(url);
    if (visibility === 'public') return next();
    if (visibility === 'hidden' && (await gate.fromAdmin(ctx))) {
      // An admin's copy of a file the public may not read: kept by no shared cache.
      ctx.set('Cache-Control', 'private, no-store');
      return next();
    }
    ctx.set('Cache-Control', 'no-store');
    respondWithError(ctx, 404, 'NotFoundError', NOT_FOUND_MESSAGE);
  };
