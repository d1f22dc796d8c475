import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { serializeWithRawJson } from './rules/raw-json';
import { getService } from '../utils/get-service';

/** The core controller this one is made the prototype of (`this` in its methods). */
type CoreController = Core.CoreAPI.Controller.CollectionType;

/**
 * A public type's controller whose public lists and single documents are read straight from the
 * table (services/public-lists.ts); every other read, and every signed-in or token request, goes
 * through the core controller's `find` and `findOne`. The app's controllers get it from the
 * public-lists service (`controllerFor(uid)`) in `factories.createCoreController`: Strapi makes the
 * core controller the prototype of what this returns, which `super` reaches.
 */
export const publicReadController = (strapi: Core.Strapi, uid: string) => {
  const lists = () => getService(strapi, 'public-lists');
  // JSON fields arrive as their stored text: the answer is written as bytes, with Koa's JSON type.
  const asBytes = (ctx: Context, answer: unknown) => {
    ctx.type = 'application/json; charset=utf-8';
    return serializeWithRawJson(answer);
  };
  return {
    async find(this: CoreController, ctx: Context) {
      const direct = await lists().find(uid, ctx);
      if (!direct) return super.find(ctx);
      return asBytes(
        ctx,
        await this.transformResponse(direct.results, { pagination: direct.pagination })
      );
    },

    async findOne(this: CoreController, ctx: Context) {
      const direct = await lists().findOne(uid, ctx);
      if (!direct) return super.findOne(ctx);
      return asBytes(ctx, await this.transformResponse(direct.entry));
    },
  };
};
