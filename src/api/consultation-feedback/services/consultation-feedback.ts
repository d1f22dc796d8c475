import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::consultation-feedback.consultation-feedback');
