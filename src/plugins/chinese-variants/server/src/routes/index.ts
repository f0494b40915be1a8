import { requireAction } from '../access';

// config carries no content; status, preview, regenerate and keep check the content manager's right on the
// document itself (controllers/admin.ts); regenerating over a hand edit also needs its own action, and the
// backfill, which converts everything, needs another.
const adminAuth = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/health',
        handler: 'health.check',
        config: { auth: false, policies: [] },
      },
      {
        // Public: portals use it for search boxes and previews. Bodies over 1 MB answer 413.
        method: 'POST',
        path: '/convert',
        handler: 'convert.convert',
        config: { auth: false, policies: [] },
      },
      {
        // Public: a portal says when a hand-edited Traditional page is older than its source.
        method: 'GET',
        path: '/freshness',
        handler: 'freshness.check',
        config: { auth: false, policies: [] },
      },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/config', handler: 'admin.config', config: adminAuth },
      { method: 'GET', path: '/status', handler: 'admin.status', config: adminAuth },
      { method: 'GET', path: '/preview', handler: 'admin.preview', config: adminAuth },
      { method: 'POST', path: '/regenerate', handler: 'admin.regenerate', config: requireAction('regenerate') },
      { method: 'POST', path: '/keep', handler: 'admin.keep', config: adminAuth },
      { method: 'GET', path: '/ambiguities', handler: 'admin.ambiguities', config: adminAuth },
      { method: 'POST', path: '/ambiguities', handler: 'admin.resolveAmbiguity', config: adminAuth },
      { method: 'POST', path: '/backfill', handler: 'admin.backfillStart', config: requireAction('backfill') },
      { method: 'GET', path: '/backfill', handler: 'admin.backfillStatus', config: requireAction('backfill') },
    ],
  },
};
