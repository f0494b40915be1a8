export { ID_TYPE_LABELS, ID_TYPES, type IdType, idNumberProblem, normalizeIdNumber, residentIdCheck, usccCheck } from './identity';
export { DELIVERY_METHOD_LABELS, DELIVERY_METHODS, MEDIA, MEDIUM_LABELS } from './labels';
export { APPLICANT_TYPES, type FieldProblem, HONEYPOT_FIELD, LIMITS, parseSubmission, type Submission, SUBMISSION_FIELD_LABELS } from './submission';
export { hashQueryCode, newQueryCode, normalizeQueryCode, QUERY_CODE_LENGTH, queryCodeMatches } from './query-code';
