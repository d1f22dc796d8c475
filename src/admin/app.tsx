import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Offices work in Simplified Chinese; English stays available.
    locales: ['zh-Hans', 'en'],
  },
  bootstrap(_app: StrapiApp) {},
};
