import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::review-case.review-case');
