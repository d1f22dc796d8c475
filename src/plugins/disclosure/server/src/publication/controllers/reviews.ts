import type { Core } from '@strapi/strapi';
import { validateReview } from '../validation/reviews';
import { getService } from '../../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** 保密审查, recorded under the signed-in reviewer's name. */
  async record(ctx: any) {
    const input = validateReview(ctx.request.body);
    const review = await getService(strapi, 'reviews').record(ctx.state.user, input);
    ctx.status = 201;
    ctx.body = { data: review };
  },
});
