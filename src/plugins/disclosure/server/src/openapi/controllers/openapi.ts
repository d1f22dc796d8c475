import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../utils/get-service';

/** The description changes only with a release: a public cache of an hour is safe. */
const CACHE_CONTROL = 'public, max-age=3600';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async document(ctx: Context) {
    ctx.set('Cache-Control', CACHE_CONTROL);
    ctx.body = await getService(strapi, 'openapi').describe();
  },
});
