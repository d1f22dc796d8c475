import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::public-answer.public-answer');
