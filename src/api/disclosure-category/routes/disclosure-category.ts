import { factories } from '@strapi/strapi';

// Read-only for the public; writes happen in the admin.
export default factories.createCoreRouter('api::disclosure-category.disclosure-category', { only: ['find', 'findOne'] });
