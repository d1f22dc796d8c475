import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateSource } from '../validation/source';
import { idOf } from '../validation/refuse';
import { getService } from '../utils/get-service';

/** Admin (super admins): the sources that push content here (转载来源), their secrets and policy. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const inbox = () => getService(strapi, 'syndication-inbox');
  return {
    async find(ctx: any) {
      ctx.body = { data: await inbox().listSources() };
    },

    async create(ctx: any) {
      ctx.status = 201;
      ctx.body = { data: await inbox().createSource(validateSource(ctx.request.body, true)) };
    },

    async update(ctx: any) {
      const updated = await inbox().updateSource(idOf(ctx.params.id), validateSource(ctx.request.body, false));
      if (!updated) throw new errors.NotFoundError('没有这个转载来源 (no such source)');
      ctx.body = { data: updated };
    },
  };
};
