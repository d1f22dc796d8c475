import type { Core } from '@strapi/strapi';

/** The response cache reads its shared counter through a connection of its own: closed here. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('disclosure').service('response-cache').close();
};
