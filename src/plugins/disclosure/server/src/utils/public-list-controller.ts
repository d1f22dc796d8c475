import type { Core } from '@strapi/strapi';
import { serializeWithRawJson } from '../domain/raw-json';

/**
 * A public type's controller whose public lists are read straight from the table (services/public-lists);
 * every other list, and every signed-in or token request, goes through the core controller's `find`.
 * For `factories.createCoreController(uid, ({ strapi }) => publicListController(strapi, uid))`: Strapi
 * makes the core controller the prototype of what this returns, which `super` reaches.
 */
export const publicListController = (strapi: Core.Strapi, uid: string) => ({
  async find(ctx: any) {
    const direct = await strapi.plugin('disclosure').service('public-lists').find(uid, ctx);
    if (!direct) return super.find(ctx);
    // JSON fields arrive as their stored text: the answer is written as bytes, with Koa's JSON type.
    const answer = await (this as any).transformResponse(direct.results, { pagination: direct.pagination });
    ctx.type = 'application/json; charset=utf-8';
    return serializeWithRawJson(answer);
  },
});
