import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validate } from '../../utils/validation';
import { reviewBody } from '../validation/reviews';
import { getService } from '../../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** 保密审查, recorded under the signed-in reviewer's name. */
  async record(ctx: Context) {
    const { data } = validate(reviewBody, ctx.request.body);
    const review = await getService(strapi, 'reviews').record(ctx.state.user, data);
    ctx.status = 201;
    ctx.body = { data: review };
  },
});
