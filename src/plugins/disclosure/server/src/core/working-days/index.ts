/**
 * Deadline, status and fee rules for applications (依申请公开) under the 《政府信息公开条例》.
 * Pure functions and data only: no Strapi, no database, no clock (callers pass `today`).
 */
export { type IsoDate, isIsoDate, shanghaiDate, shanghaiYear, toIsoDate } from './calendar-date';
export { BilingualError, ExtensionRejectedError, type ExtensionRejection, InvalidInputError } from './errors';
export { CHINESE_DAYS_DATA, type HolidayData, type HolidayName } from './holiday-data';
export { LIMITS } from './limits';
export {
  type AddWorkingDaysOptions,
  type CalendarOptions,
  type CalendarOverride,
  createWorkingDayCalendar,
  type DayDescription,
  type DayReason,
  type OverrideKind,
  WorkingDayCalendar,
  type WorkingDaySum,
} from './working-days';
export { computeDueDate } from './due-date';
export type {
  AwaitingCorrection,
  Bilingual,
  CalendarStepReason,
  ConsultationInput,
  ConsultationKind,
  CorrectionInput,
  DueDateInput,
  DueDateResult,
  ExtensionInput,
  RunningDueDate,
  Step,
  Warning,
  WarningCode,
} from './due-date-types';
export { DUE_SOON_WORKING_DAYS, overdueStatus, type OverdueStatus } from './overdue';
export {
  allowedTransitions,
  APPLICATION_STATUSES,
  type ApplicationStatus,
  assertTransition,
  canTransition,
  FINAL_STATUSES,
  isApplicationStatus,
  isFinalStatus,
  OPEN_STATUSES,
  PRE_RECEIPT_STATUSES,
  STATUS_LABELS,
  TransitionError,
  TRANSITIONS,
} from './state-machine';
export { isOutcomeCode, OUTCOME_CODES, type OutcomeCode, outcomeLabel, OUTCOMES } from './outcomes';
export { OutcomeError, type OutcomeRule, validateOutcome, validateTransition } from './outcome-rules';
export { type FeeBasis, type FeeLine, type FeeResult, monthlyRequestFees, PAGE_BANDS, pageFee, processingFee, requestFee } from './fees';
export { EXTENSION_FIELDS, type IntegrityProblem, integrityProblems, nonexistentDate } from './integrity';
export {
  APPLICANT_TYPE_LABELS,
  applicationField,
  CHANNEL_LABELS,
  ENUM_LABELS,
  FEE_METHOD_LABELS,
  FIELD_LABELS,
  inApplicationWords,
  REVIEW_KIND_LABELS,
  REVIEW_RESULT_LABELS,
  reviewCaseField,
} from './labels';
