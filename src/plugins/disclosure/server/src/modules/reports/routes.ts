import { ACTIONS } from './actions';

const admin = (method: string, path: string, handler: string, action: string) => ({
  method,
  path,
  handler,
  config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }] },
});

/** Admin routes (prefixed /disclosure). */
export const adminRoutes = [
  admin('POST', '/annual-reports/generate', 'reports.generate', ACTIONS.generate),
  admin('GET', '/annual-reports/overview', 'reports.overview', ACTIONS.readStats),
  admin('GET', '/annual-reports/organizations', 'reports.organizations', ACTIONS.readStats),
  admin('GET', '/annual-reports/status', 'reports.status', ACTIONS.readStats),
  admin('GET', '/annual-reports/layout', 'reports.layout', ACTIONS.readStats),
  admin('POST', '/annual-reports/validate', 'reports.check', ACTIONS.readStats),
  admin('POST', '/annual-reports/:documentId/acknowledge-warnings', 'reports.acknowledgeWarnings', ACTIONS.generate),
  admin('PUT', '/annual-reports/:documentId/overrides', 'reports.setOverrides', ACTIONS.generate),
  admin('POST', '/annual-reports/:documentId/undo-generate', 'reports.undoGeneration', ACTIONS.generate),
  admin('GET', '/annual-reports/:documentId/prose', 'reports.prose', ACTIONS.readStats),
  admin('POST', '/annual-reports/:documentId/acknowledge-prose', 'reports.acknowledgeProse', ACTIONS.generate),
  admin('GET', '/annual-reports/previous-year', 'reports.enteredPreviousYear', ACTIONS.readStats),
  admin('PUT', '/annual-reports/previous-year', 'reports.enterPreviousYear', ACTIONS.generate),
  admin('GET', '/annual-reports/:documentId/export', 'reports.adminExport', ACTIONS.readStats),
];

/** Content API (prefixed /api/disclosure): published reports only. */
export const contentApiRoutes = [
  {
    method: 'GET',
    path: '/annual-reports/:documentId/export',
    handler: 'reports.publicExport',
    config: { auth: false, policies: [] },
  },
];
