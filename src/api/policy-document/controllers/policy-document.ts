import { factories } from '@strapi/strapi';

const UID = 'api::policy-document.policy-document';

/**
 * The catalogue as the public lists it: the lists a portal asks for on every page view are read
 * straight from the table (the disclosure plugin's `public-lists`); every other list, and every
 * signed-in or token request, goes through Strapi's generic pipeline. The answers are the same.
 */
export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    const direct = await strapi.plugin('disclosure').service('public-lists').find(UID, ctx);
    if (!direct) return super.find(ctx);
    return this.transformResponse(direct.results, { pagination: direct.pagination });
  },
}));
