import type { Core } from '@strapi/strapi';
import { TooLargeError, validateConvertBody } from '../validation/convert';
import { getService } from '../utils/get-service';

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
});
