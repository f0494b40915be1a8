import { type IsoDate, requireIsoDate } from './calendar-date';
import type { ConsultationInput, ConsultationKind, CorrectionInput, DueDateInput, ExtensionInput } from './due-date-types';
import { ExtensionRejectedError, InvalidInputError } from './errors';
import { LIMITS } from './limits';

export interface CheckedCorrection {
  readonly requestedDate: IsoDate;
  readonly receivedDate: IsoDate | null;
  readonly answerBy: IsoDate | null;
}

export interface CheckedConsultation {
  readonly kind: ConsultationKind;
  readonly startDate: IsoDate;
  /** The answer's date, or today for an open consultation (before the cap is applied). */
  readonly until: IsoDate;
  readonly open: boolean;
}

export interface CheckedInput {
  readonly receivedDate: IsoDate;
  readonly correction: CheckedCorrection | null;
  readonly consultations: readonly CheckedConsultation[];
  readonly extension: ExtensionInput | null;
}

/** Validates everything before any computing, so a bad record fails the same way whatever its state. */
export function checkDueDateInput(input: DueDateInput): CheckedInput {
  const receivedDate = requireIsoDate(input.receivedDate, 'receivedDate');
  const today = input.today == null ? null : requireIsoDate(input.today, 'today');
  return {
    receivedDate,
    correction: checkCorrection(input.corrections ?? [], receivedDate),
    consultations: (input.consultations ?? []).map((c, i) => checkConsultation(c, i, receivedDate, today)),
    extension: input.extension == null ? null : checkExtension(input.extension, receivedDate),
  };
}

function notBefore(date: IsoDate, earliest: IsoDate, field: string, earliestField: string): void {
  if (date < earliest) {
    throw new InvalidInputError(
      field,
      `${field}（${date}）不能早于 ${earliestField}（${earliest}）`,
      `${field} (${date}) must not be before ${earliestField} (${earliest})`,
    );
  }
}

function checkCorrection(corrections: readonly CorrectionInput[], received: IsoDate): CheckedCorrection | null {
  if (corrections.length === 0) return null;
  // Art. 30: the office states everything to correct at once (一次性告知); a second request is not lawful.
  if (corrections.length > 1) {
    throw new InvalidInputError(
      'corrections',
      `第三十条要求一次性告知补正内容，只能要求补正一次，收到 ${corrections.length} 次`,
      `Art. 30 allows a single request for correction, got ${corrections.length}`,
    );
  }
  const c = corrections[0];
  const requestedDate = requireIsoDate(c.requestedDate, 'corrections[0].requestedDate');
  notBefore(requestedDate, received, 'corrections[0].requestedDate', 'receivedDate');
  const receivedDate = c.receivedDate == null ? null : requireIsoDate(c.receivedDate, 'corrections[0].receivedDate');
  if (receivedDate) notBefore(receivedDate, requestedDate, 'corrections[0].receivedDate', 'corrections[0].requestedDate');
  const answerBy = c.answerBy == null ? null : requireIsoDate(c.answerBy, 'corrections[0].answerBy');
  if (answerBy) notBefore(answerBy, requestedDate, 'corrections[0].answerBy', 'corrections[0].requestedDate');
  return { requestedDate, receivedDate, answerBy };
}

function checkConsultation(c: ConsultationInput, i: number, received: IsoDate, today: IsoDate | null): CheckedConsultation {
  const field = `consultations[${i}]`;
  if (c.kind !== 'third-party' && c.kind !== 'co-producer') {
    throw new InvalidInputError(
      `${field}.kind`,
      `${field}.kind 必须是 third-party 或 co-producer，收到 ${JSON.stringify(c.kind)}`,
      `${field}.kind must be 'third-party' or 'co-producer', got ${JSON.stringify(c.kind)}`,
    );
  }
  const startDate = requireIsoDate(c.startDate, `${field}.startDate`);
  notBefore(startDate, received, `${field}.startDate`, 'receivedDate');
  if (c.endDate != null) {
    const endDate = requireIsoDate(c.endDate, `${field}.endDate`);
    notBefore(endDate, startDate, `${field}.endDate`, `${field}.startDate`);
    return { kind: c.kind, startDate, until: endDate, open: false };
  }
  // An open consultation's excluded time grows every day, so the answer depends on today.
  if (!today) {
    throw new InvalidInputError('today', `${field} 尚未答复，计算期限需要提供 today`, `${field} is still open, so today is needed to compute the due date`);
  }
  notBefore(today, startDate, 'today', `${field}.startDate`);
  return { kind: c.kind, startDate, until: today, open: true };
}

function checkExtension(e: ExtensionInput, received: IsoDate): ExtensionInput {
  const days = e.workingDays;
  if (!Number.isInteger(days) || days < 1) {
    throw new ExtensionRejectedError(
      'not-a-positive-integer',
      `延长期限必须是正整数个工作日，收到 ${JSON.stringify(days)}`,
      `an extension must be a positive whole number of working days, got ${JSON.stringify(days)}`,
    );
  }
  if (days > LIMITS.maxExtension) {
    throw new ExtensionRejectedError(
      'too-long',
      `第三十三条规定延长期限最长不超过${LIMITS.maxExtension}个工作日，收到 ${days}`,
      `Art. 33 allows an extension of at most ${LIMITS.maxExtension} working days, got ${days}`,
    );
  }
  if (typeof e.approver !== 'string' || e.approver.trim() === '') {
    throw new ExtensionRejectedError(
      'approver-missing',
      '延长答复期限须经政府信息公开工作机构负责人同意，未填写批准人，不予延期',
      'an extension needs the approval of the head of the disclosure office; no approver given, so it is rejected',
    );
  }
  if (typeof e.reason !== 'string' || e.reason.trim() === '') {
    throw new ExtensionRejectedError(
      'reason-missing',
      '延长答复期限须说明理由并告知申请人，未填写理由，不予延期',
      'an extension needs a reason to tell the applicant; no reason given, so it is rejected',
    );
  }
  const approvedDate = requireIsoDate(e.approvedDate, 'extension.approvedDate');
  notBefore(approvedDate, received, 'extension.approvedDate', 'receivedDate');
  return { workingDays: days, approver: e.approver.trim(), reason: e.reason.trim(), approvedDate };
}
