import type { Context } from 'koa';

/**
 * Answers a file to download under `filename`, Chinese welcome: browsers read `filename*` (RFC 6266),
 * all of them now; `fallback`, the plain filename a header can carry only in ASCII, is for the rest.
 */
export const attachment = (ctx: Context, filename: string, fallback = filename): void => {
  ctx.set(
    'Content-Disposition',
    `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`
  );
};
