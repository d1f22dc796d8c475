import { factories } from '@strapi/strapi';
import { publicReadController } from '../../../plugins/disclosure/server/src/utils/public-read-controller';

const UID = 'api::public-concern.public-concern';

/** Public lists and documents straight from the table, with the generic pipeline's answer (see publicReadController). */
export default factories.createCoreController(UID, ({ strapi }) => publicReadController(strapi, UID));
