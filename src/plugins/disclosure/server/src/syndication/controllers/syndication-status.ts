import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type { GetSyndicationStatus } from '../../../../shared/contracts/syndication';
import { validate } from '../../utils/validation';
import { syndicationStatusQuery } from '../validation/syndication-status';
import { getService } from '../../utils/get-service';

/** GET /api/disclosure/syndication/status?document=<documentId> (API tokens): who reprinted it, how late. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx: Context) {
    const { document } = validate(syndicationStatusQuery, ctx.query);
    const status = await getService(strapi, 'syndication').status(document);
    if (!status)
      throw new errors.NotFoundError(`该文件没有转载记录 (no syndication for ${document})`);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data: status } satisfies GetSyndicationStatus.Response;
  },
});
