const admin = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler,
  config: { policies: ['admin::isAuthenticatedAdmin'] },
});

/** Admin routes (prefixed /disclosure). Applications have no content-API route. */
export const adminRoutes = [
  admin('GET', '/applications/officer-view', 'applications.officerView'),
  admin('GET', '/applications/:documentId/due-date', 'applications.dueDate'),
  admin('GET', '/applications/:documentId/events', 'applications.events'),
  admin('POST', '/fees/calculate', 'applications.fee'),
  admin('GET', '/import/template', 'applicationImport.template'),
  admin('POST', '/import', 'applicationImport.upload'),
  admin('GET', '/import/:id', 'applicationImport.status'),
  admin('POST', '/import/:id/confirm', 'applicationImport.confirm'),
];
