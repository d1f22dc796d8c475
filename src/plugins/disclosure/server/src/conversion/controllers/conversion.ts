import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TooLargeError, validateConvertBody } from '../validation/conversion';
import { getService } from '../../utils/get-service';

/** Simplified ⇄ Traditional: the public converter, and the zh-Hant fields locked by an editor's correction. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async convert(ctx: any) {
    const length = Number(ctx.request.length) || Buffer.byteLength(JSON.stringify(ctx.request.body ?? {}));
    try {
      const { value, from, to } = validateConvertBody(ctx.request.body?.data ?? ctx.request.body, length);
      const converted = await getService(strapi, 'conversion').convertValue(value, from, to);
      ctx.body = { data: typeof value === 'string' ? { text: converted } : { blocks: converted } };
    } catch (error) {
      if (!(error instanceof TooLargeError)) throw error;
      ctx.status = 413;
      ctx.body = { data: null, error: { status: 413, name: 'PayloadTooLargeError', message: error.message, details: { limitBytes: 1024 * 1024 } } };
    }
  },

    /** The zh-Hant fields an editor corrected by hand, for the edit view's panel. */
    async locks(ctx: any) {
      const { contentType, documentId } = ctx.query;
      if (typeof contentType !== 'string' || !strapi.contentTypes[contentType as keyof typeof strapi.contentTypes]) {
        throw new errors.ValidationError('contentType 须为内容类型 UID (contentType must be a content type uid)');
      }
      if (typeof documentId !== 'string' || !documentId) {
        throw new errors.ValidationError('documentId 必填 (documentId is required)');
      }
      ctx.body = { data: await getService(strapi, 'conversion').lockStatus(contentType, documentId) };
    },

    /** Unlocking re-converts the field from zh-Hans. */
    async unlock(ctx: any) {
      const id = Number(ctx.params.id);
      const lock = Number.isInteger(id) ? await getService(strapi, 'conversion').unlock(id) : null;
      if (!lock) throw new errors.NotFoundError('没有这个锁定 (no such lock)');
      ctx.body = { data: { id, field: lock.field } };
    },
});
