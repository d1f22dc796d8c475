import { factories } from '@strapi/strapi';
import { publicListController } from '../../../plugins/disclosure/server/src/utils/public-list-controller';

const UID = 'api::interpretation.interpretation';

/** Public lists straight from the table, with the generic pipeline's answer (see publicListController). */
export default factories.createCoreController(UID, ({ strapi }) => publicListController(strapi, UID));
