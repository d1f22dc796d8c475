import bootstrap from './bootstrap';
import { merged, routesOf } from './capabilities';
import config from './config';
import destroy from './destroy';
import register from './register';

/** The plugin as Strapi loads it: the capabilities' parts, assembled. */
export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes: merged('contentTypes'),
  controllers: merged('controllers'),
  services: merged('services'),
  middlewares: merged('middlewares'),
  policies: merged('policies'),
  routes: {
    admin: { type: 'admin' as const, routes: routesOf('admin') },
    'content-api': { type: 'content-api' as const, routes: routesOf('contentApi') },
  },
};
