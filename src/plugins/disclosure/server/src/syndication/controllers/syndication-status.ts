import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../../utils/get-service';

/** GET /api/disclosure/syndication/status?document=<documentId> (API tokens): who reprinted it, how late. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx: any) {
    const { document } = ctx.query;
    if (typeof document !== 'string' || !/^[a-z0-9]{1,64}$/.test(document)) {
      throw new errors.ValidationError('参数 document 须为文件的 documentId (document must be the documentId of a policy document)');
    }
    const status = await getService(strapi, 'syndication').status(document);
    if (!status) throw new errors.NotFoundError(`该文件没有转载记录 (no syndication for ${document})`);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data: status };
  },
});
