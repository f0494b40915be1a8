import { factories } from '@strapi/strapi';

// Read-only for everyone: the office edits it in the admin (网站信息).
export default factories.createCoreRouter('api::site.site', { only: ['find'] });
