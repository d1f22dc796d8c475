import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { bilingualMessage } from '../rules/validation-messages';

/** One of the field errors Strapi's error body lists. */
type FieldError = { message?: unknown; path?: Array<string | number> } | null | undefined;
/** The error body `strapi::errors` formats: `{ data: null, error: { status, name, message, details } }`. */
type ErrorBody =
  | { error?: { message?: unknown; details?: { errors?: FieldError[] | unknown } } }
  | null
  | undefined;

/**
 * Placed before `strapi::errors` in config/middlewares, so it sees the error body that middleware
 * formats and rewrites validation messages for editors (Chinese first, English beside).
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    await next();
    const error = (ctx.body as ErrorBody)?.error;
    if (error && ctx.status === 413 && !/[\u4e00-\u9fa5]/.test(String(error.message))) {
      error.message = `请求内容超过服务器允许的大小上限 (${error.message})`;
      return;
    }
    if (!error || ctx.status !== 400 || typeof error.message !== 'string') return;
    const details = error.details?.errors as FieldError[] | undefined;
    if (Array.isArray(details)) {
      for (const item of details) {
        if (typeof item?.message === 'string')
          item.message = bilingualMessage(item.message, item.path);
      }
    }
    // With one error Strapi repeats its message at the top: translate it with the same field.
    error.message = bilingualMessage(
      error.message,
      details?.length === 1 ? details[0]!.path : undefined
    );
  };
