import { factories } from '@strapi/strapi';

// Read-only for everyone: editors write in the admin. Drafts are never served (see published-only).
export default factories.createCoreRouter('api::annual-report.annual-report', {
  only: ['find', 'findOne'],
  config: {
    find: { middlewares: ['global::published-only'] },
    findOne: { middlewares: ['global::published-only'] },
  },
});
