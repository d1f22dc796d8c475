import { factories } from '@strapi/strapi';

const UID = 'api::public-answer.public-answer';

/** Public lists and documents straight from the table, with the generic pipeline's answer (the disclosure plugin's public-lists service). */
export default factories.createCoreController(UID, ({ strapi }) =>
  strapi.plugin('disclosure').service('public-lists').controllerFor(UID)
);
