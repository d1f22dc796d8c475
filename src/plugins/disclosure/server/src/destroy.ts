import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** The response cache reads its shared counter through a connection of its own: closed here. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'response-cache').close();
};
