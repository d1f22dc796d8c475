import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validate } from '../../utils/validation';
import { countsQuery } from '../validation/catalogue';
import { getService } from '../../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** How many documents the public can read in each 五公开 category: the portal's catalogue tree. */
  async counts(ctx: Context) {
    const { locale } = validate(countsQuery, ctx.query);
    const counts = await getService(strapi, 'catalogue').countByCategory(locale);
    ctx.body = {
      data: counts,
      meta: { locale, total: counts.reduce((sum, { count }) => sum + count, 0) },
    };
  },
});
