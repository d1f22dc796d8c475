import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { validate } from '../../utils/validation';
import {
  assertConvertSize,
  CONVERT_LIMIT_BYTES,
  convertBody,
  TooLargeError,
  translationLocksQuery,
} from '../validation/conversion';
import { getService } from '../../utils/get-service';

/** Simplified ⇄ Traditional: the public converter, and the zh-Hant fields locked by an editor's correction. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async convert(ctx: Context) {
    const length =
      Number(ctx.request.length) || Buffer.byteLength(JSON.stringify(ctx.request.body ?? {}));
    try {
      assertConvertSize(length);
      const { text, blocks, from, to } = validate(convertBody, ctx.request.body);
      const value = text ?? (blocks as unknown[]);
      const converted = await getService(strapi, 'conversion').convertValue(value, from, to);
      ctx.body = { data: typeof value === 'string' ? { text: converted } : { blocks: converted } };
    } catch (error) {
      if (!(error instanceof TooLargeError)) throw error;
      ctx.status = 413;
      ctx.body = {
        data: null,
        error: {
          status: 413,
          name: 'PayloadTooLargeError',
          message: error.message,
          details: { limitBytes: CONVERT_LIMIT_BYTES },
        },
      };
    }
  },

  /** The zh-Hant fields an editor corrected by hand, for the edit view's panel. */
  async locks(ctx: Context) {
    const { contentType, documentId } = validate(translationLocksQuery, ctx.query);
    ctx.body = { data: await getService(strapi, 'conversion').lockStatus(contentType, documentId) };
  },

  /** Unlocking re-converts the field from zh-Hans. */
  async unlock(ctx: Context) {
    const id = Number(ctx.params.id);
    const lock = Number.isInteger(id) ? await getService(strapi, 'conversion').unlock(id) : null;
    if (!lock) throw new errors.NotFoundError('没有这个锁定 (no such lock)');
    ctx.body = { data: { id, field: lock.field } };
  },
});
