import { errors } from '@strapi/utils';
import { BilingualError, ExtensionRejectedError, inApplicationWords, InvalidInputError, OutcomeError, TransitionError } from '../../core/working-days';
import { StoredDataError } from './due-date-input';
import { fieldError } from '../common/field-error';

const EXTENSION_FIELDS: Record<string, string> = {
  'approver-missing': 'extensionApprover',
  'reason-missing': 'extensionReason',
  'too-long': 'extensionWorkingDays',
  'not-a-positive-integer': 'extensionWorkingDays',
};

/** Maps the pure module's input fields to the application's attribute names. */
function attributeOf(field: string): string {
  if (field.startsWith('consultations')) return 'consultations';
  if (field.startsWith('corrections')) {
    if (field.endsWith('receivedDate')) return 'correctionReceivedDate';
    if (field.endsWith('answerBy')) return 'correctionAnswerBy';
    return 'correctionRequestedDate';
  }
  if (field.startsWith('extension')) return 'extensionApprovedDate';
  if (field === 'today') return 'consultations';
  return field;
}

/**
 * Turns the errors of the pure rules into 400s. Messages never carry applicant data: they name fields,
 * statuses, codes and dates only.
 */
export function toHttpError(error: unknown, field?: string): unknown {
  if (error instanceof TransitionError) {
    return fieldError('applicationStatus', inApplicationWords(error.zh), error.en, {
      currentStatus: error.from,
      requestedStatus: error.to,
      allowedStatuses: error.allowed,
    });
  }
  if (error instanceof OutcomeError) {
    return fieldError(error.rule === 'unknown-status' ? 'applicationStatus' : 'outcome', inApplicationWords(error.zh), error.en);
  }
  if (error instanceof ExtensionRejectedError)
    return fieldError(EXTENSION_FIELDS[error.rejection] ?? 'extensionWorkingDays', inApplicationWords(error.zh), error.en);
  if (error instanceof InvalidInputError) return fieldError(field ?? attributeOf(error.field), inApplicationWords(error.zh), error.en);
  if (error instanceof StoredDataError) return fieldError(error.field, inApplicationWords(error.zh), error.en);
  if (error instanceof BilingualError) return new errors.ValidationError(`${inApplicationWords(error.zh)} / ${error.en}`);
  return error;
}

/**
 * A 403 whose message reaches the caller (Chinese, then English). Strapi's route wrapper replaces the message
 * of a plain ForbiddenError thrown anywhere below a route with "Forbidden" (core server/compose-endpoint),
 * but passes a PolicyError (a ForbiddenError) through as it is.
 */
export function refused(zh: string, en: string): errors.PolicyError {
  return new errors.PolicyError(`${zh} ${en}`);
}
