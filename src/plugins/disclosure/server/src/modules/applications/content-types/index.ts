/** Plugin content types of the applications module (uid plugin::disclosure.<name>). None has a content-API route. */
const hidden = { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } };
const editable = { 'content-type-builder': { visible: false } };

export const EVENT_UID = 'plugin::disclosure.application-event';
export const OVERRIDE_UID = 'plugin::disclosure.calendar-override';
export const CALENDAR_YEAR_UID = 'plugin::disclosure.calendar-year';
export const OFFICER_UID = 'plugin::disclosure.officer-assignment';
export const IMPORT_JOB_UID = 'plugin::disclosure.import-job';
export const IMPORT_CHUNK_UID = 'plugin::disclosure.import-chunk';
export const APPLICATION_UID = 'api::disclosure-application.disclosure-application';
export const REVIEW_CASE_UID = 'api::review-case.review-case';

const applicationEvent = {
  kind: 'collectionType',
  collectionName: 'disclosure_application_events',
  info: {
    singularName: 'application-event',
    pluralName: 'application-events',
    displayName: 'Application event',
    description: '办理过程记录: one dated event in the life of an application (creation, import, status change).',
  },
  options: { draftAndPublish: false },
  pluginOptions: hidden,
  attributes: {
    applicationDocumentId: { type: 'string', required: true, maxLength: 64 },
    action: { type: 'enumeration', enum: ['created', 'imported', 'transition'], required: true },
    fromStatus: { type: 'string', maxLength: 32 },
    toStatus: { type: 'string', maxLength: 32 },
    note: { type: 'text', private: true },
    actorId: { type: 'integer' },
    actorName: { type: 'string', maxLength: 200 },
    occurredAt: { type: 'datetime', required: true },
  },
};

const calendarOverride = {
  kind: 'collectionType',
  collectionName: 'disclosure_calendar_overrides',
  info: {
    singularName: 'calendar-override',
    pluralName: 'calendar-overrides',
    displayName: '工作日调整',
    description: 'A day an administrator adds or corrects: holiday or working day. Wins over chinese-days.',
  },
  options: { draftAndPublish: false },
  pluginOptions: editable,
  attributes: {
    date: { type: 'date', required: true, unique: true },
    kind: { type: 'enumeration', enum: ['holiday', 'workday'], required: true },
    note: { type: 'string', maxLength: 200 },
  },
};

const calendarYear = {
  kind: 'collectionType',
  collectionName: 'disclosure_calendar_years',
  info: {
    singularName: 'calendar-year',
    pluralName: 'calendar-years',
    displayName: '年度日历',
    description: 'Declares that a year’s holidays and make-up days have all been entered as overrides.',
  },
  options: { draftAndPublish: false },
  pluginOptions: editable,
  attributes: {
    year: { type: 'integer', required: true, unique: true, min: 1000, max: 9999 },
    complete: { type: 'boolean', required: true, default: true },
    note: { type: 'string', maxLength: 200 },
  },
};

const officerAssignment = {
  kind: 'collectionType',
  collectionName: 'disclosure_officer_assignments',
  info: {
    singularName: 'officer-assignment',
    pluralName: 'officer-assignments',
    displayName: '经办人所属机关',
    description: 'Links an admin user to the organizations whose applications and review cases they handle.',
  },
  options: { draftAndPublish: false },
  pluginOptions: editable,
  attributes: {
    user: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
    organizations: { type: 'relation', relation: 'manyToMany', target: 'api::organization.organization' },
    note: { type: 'string', maxLength: 200 },
  },
};

const importJob = {
  kind: 'collectionType',
  collectionName: 'disclosure_import_jobs',
  info: {
    singularName: 'import-job',
    pluralName: 'import-jobs',
    displayName: 'Application import',
    description: 'An XLSX/CSV import of past applications: validation result, confirmation and progress.',
  },
  options: { draftAndPublish: false },
  pluginOptions: hidden,
  attributes: {
    filename: { type: 'string', maxLength: 255 },
    state: {
      type: 'enumeration',
      enum: ['validating', 'validated', 'importing', 'done', 'failed'],
      required: true,
      default: 'validating',
    },
    totalRows: { type: 'integer', default: 0 },
    processedRows: { type: 'integer', default: 0 },
    validRows: { type: 'integer', default: 0 },
    rejectedRows: { type: 'integer', default: 0 },
    created: { type: 'integer', default: 0 },
    skipped: { type: 'integer', default: 0 },
    rejected: { type: 'json', private: true },
    failure: { type: 'text' },
    userId: { type: 'integer' },
    // The process working on the job and its last sign of life (see import/job-runner.ts, import/recovery.ts).
    runner: { type: 'string', maxLength: 64, private: true },
    heartbeatAt: { type: 'datetime', private: true },
  },
};

/**
 * The validated rows of an import job, CHUNK rows a record (import/chunks.ts): written while the file is
 * validated and read chunk by chunk on confirmation, so that no single write or read holds the whole file.
 */
const importChunk = {
  kind: 'collectionType',
  collectionName: 'disclosure_import_chunks',
  info: {
    singularName: 'import-chunk',
    pluralName: 'import-chunks',
    displayName: 'Application import rows',
    description: 'Validated rows of an import, in order.',
  },
  options: { draftAndPublish: false },
  pluginOptions: hidden,
  attributes: {
    jobId: { type: 'integer', required: true },
    seq: { type: 'integer', required: true },
    rows: { type: 'json', private: true },
  },
  indexes: [{ name: 'disclosure_import_chunks_job_idx', columns: ['job_id', 'seq'] }],
};

export const contentTypes = {
  'application-event': { schema: applicationEvent },
  'calendar-override': { schema: calendarOverride },
  'calendar-year': { schema: calendarYear },
  'officer-assignment': { schema: officerAssignment },
  'import-job': { schema: importJob },
  'import-chunk': { schema: importChunk },
};
