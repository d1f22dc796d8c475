import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('disclosure').service(name);

  // 1. Locales first: seeding and every localized write need zh-Hans as the default.
  await service('locales').ensureChineseLocales();

  // 2. The Public role reads the catalogue and nothing else, whatever was changed in the admin.
  await service('public-access').enforcePublicPermissions();

  // 3. The ledger table refuses UPDATE and DELETE at the database, below every API.
  await service('ledger').protect();
};
