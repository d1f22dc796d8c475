import openapiController from './controllers/openapi';
import routes from './routes';
import openapi from './services/openapi';
import type { Capability } from '../utils/capability';

/** The OpenAPI description of what sites and portals call, generated from the routes (docs/openapi.md). */
export default {
  services: { openapi },
  controllers: { openapi: openapiController },
  routes,
} satisfies Capability;
