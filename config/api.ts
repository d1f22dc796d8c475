import type { Core } from '@strapi/strapi';

const config: Core.Config.Api = {
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
    // Unknown query parameters are refused with 400 instead of passed through (filter-oracle class
    // of content-API leaks).
    strictParams: true,
  } as Core.Config.Api['rest'],
  // The document service refuses unknown parameters too, whoever calls it.
  documents: { strictParams: true },
} as Core.Config.Api;

export default config;
