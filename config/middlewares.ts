import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  // Validation messages in Chinese for editors, English beside; must wrap strapi::errors.
  'plugin::disclosure.bilingual-errors',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Above the conversion endpoint's own 1 MB limit, so it can answer with that limit in words.
  { name: 'strapi::body', config: { jsonLimit: '2mb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
