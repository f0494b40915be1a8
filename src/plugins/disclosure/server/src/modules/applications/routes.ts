import { requireActions, type ActionUid } from '../access/actions';

/** An admin route that needs the plugin's actions named. */
export const admin = (method: string, path: string, handler: string, ...actions: ActionUid[]) => ({
  method,
  path,
  handler,
  config: { policies: requireActions(...actions) },
});

/** Admin routes (prefixed /disclosure). No content-API route reads applications (the online module takes submissions). */
export const adminRoutes = [
  admin('GET', '/applications/officer-view', 'applications.officerView', 'applications.read'),
  admin('GET', '/applications/:documentId/due-date', 'applications.dueDate', 'applications.read'),
  admin('GET', '/applications/:documentId/events', 'applications.events', 'applications.read'),
  admin('POST', '/fees/calculate', 'applications.fee', 'applications.handle'),
  admin('GET', '/import/template', 'applicationImport.template', 'applications.import'),
  admin('POST', '/import', 'applicationImport.upload', 'applications.import'),
  admin('GET', '/import/:id', 'applicationImport.status', 'applications.import'),
  admin('POST', '/import/:id/confirm', 'applicationImport.confirm', 'applications.import'),
];
