import type { Core } from '@strapi/strapi';

// Nothing to release yet: the plugin holds no timers or connections of its own.
export default (_: { strapi: Core.Strapi }) => {};
