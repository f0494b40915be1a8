import type { IsoDate } from './calendar-date';
import { enDate, zhDate } from './date-labels';
import type { ConsultationKind, ExtensionInput, Step, Warning } from './due-date-types';
import { LIMITS } from './limits';

/** Builders for the explanation steps and warnings; each returns the data plus both messages. */

export function receivedStep(date: IsoDate): Step {
  return {
    kind: 'received',
    date,
    zh: `${zhDate(date)}收到申请；收到当日不计入，期限自次日起算`,
    en: `Application received ${enDate(date)}; the day of receipt is not counted, the period runs from the next day`,
  };
}

export function correctionRequestedStep(date: IsoDate, limit: IsoDate, late: boolean, answerBy: IsoDate | null): Step {
  const zhLate = late ? '，已超过该时限' : '';
  const enLate = late ? '; the request was late' : '';
  const zhAnswer = answerBy ? `；要求申请人最迟于${zhDate(answerBy)}补正` : '';
  const enAnswer = answerBy ? `; the applicant must answer by ${enDate(answerBy)}` : '';
  return {
    kind: 'correction-requested',
    date,
    limit,
    late,
    answerBy,
    zh: `${zhDate(date)}要求补正（应自收到申请之日起${LIMITS.correctionRequest}个工作日内、即最迟于${zhDate(limit)}提出${zhLate}）${zhAnswer}`,
    en: `Correction requested ${enDate(date)} (due within ${LIMITS.correctionRequest} working days of receipt, i.e. by ${enDate(limit)}${enLate})${enAnswer}`,
  };
}

export function correctionReceivedStep(date: IsoDate): Step {
  return {
    kind: 'correction-received',
    date,
    zh: `${zhDate(date)}收到补正，${LIMITS.answer}个工作日期限自次日重新起算`,
    en: `Correction received ${enDate(date)}; the ${LIMITS.answer} working days restart from the next day`,
  };
}

export function awaitingCorrectionStep(answerBy: IsoDate | null): Step {
  return {
    kind: 'awaiting-correction',
    answerBy,
    zh: `等待申请人补正，期限暂不计算${answerBy ? `；申请人应最迟于${zhDate(answerBy)}补正` : ''}`,
    en: `Awaiting the applicant's correction: no period runs${answerBy ? `; the applicant must answer by ${enDate(answerBy)}` : ''}`,
  };
}

const CONSULTATION_LABELS: Record<ConsultationKind, { zh: string; en: string }> = {
  'third-party': { zh: '征求第三方意见（第三十二条）', en: 'Consultation of a third party (Art. 32)' },
  'co-producer': { zh: '征求共同制作机关意见（第三十四条）', en: 'Consultation of a co-producing body (Art. 34)' },
};

export interface ConsultationStepData {
  readonly kind: ConsultationKind;
  readonly startDate: IsoDate;
  readonly countedUntil: IsoDate;
  readonly open: boolean;
  readonly capped: boolean;
  readonly excludedWorkingDays: number;
  readonly overlapsAnother: boolean;
}

export function consultationStep(c: ConsultationStepData): Step {
  const label = CONSULTATION_LABELS[c.kind];
  const zhNotes: string[] = [];
  const enNotes: string[] = [];
  if (c.capped) {
    zhNotes.push(`已达${LIMITS.consultation}个工作日上限，之后的时间计入期限`);
    enNotes.push(`capped at ${LIMITS.consultation} working days; later days count again`);
  } else if (c.open) {
    zhNotes.push('尚未答复，暂计至今日，期限将随之后移');
    enNotes.push('still open, counted until today, so the due date will keep moving');
  }
  if (c.overlapsAnother) {
    zhNotes.push('与其他征求意见期间重叠的日期只扣除一次');
    enNotes.push('days shared with another consultation are excluded once');
  }
  return {
    kind: 'consultation',
    consultationKind: c.kind,
    startDate: c.startDate,
    countedUntil: c.countedUntil,
    open: c.open,
    capped: c.capped,
    excludedWorkingDays: c.excludedWorkingDays,
    zh: `${label.zh}：${zhDate(c.startDate)}发出，次日至${zhDate(c.countedUntil)}的${c.excludedWorkingDays}个工作日不计入期限${zhNotes.length ? `（${zhNotes.join('；')}）` : ''}`,
    en: `${label.en}: sent ${enDate(c.startDate)}; the ${c.excludedWorkingDays} working day(s) from the next day to ${enDate(c.countedUntil)} are not counted${enNotes.length ? ` (${enNotes.join('; ')})` : ''}`,
  };
}

export function unknownYearStep(year: number): Step {
  return {
    kind: 'unknown-year',
    year,
    zh: `尚无${year}年的节假日安排，该年只按周末休息计算，结果为暂定`,
    en: `No holiday calendar for ${year}: only weekends were treated as days off in that year, so the result is provisional`,
  };
}

export function extensionStep(e: ExtensionInput, from: IsoDate, to: IsoDate): Step {
  return {
    kind: 'extension',
    workingDays: e.workingDays,
    approver: e.approver,
    reason: e.reason,
    approvedDate: e.approvedDate,
    from,
    to,
    zh: `经${e.approver}于${zhDate(e.approvedDate)}批准延长${e.workingDays}个工作日（理由：${e.reason}），期限由${zhDate(from)}延至${zhDate(to)}`,
    en: `Extended by ${e.workingDays} working day(s), approved by ${e.approver} on ${enDate(e.approvedDate)} (reason: ${e.reason}): from ${enDate(from)} to ${enDate(to)}`,
  };
}

export function resultStep(date: IsoDate, provisional: boolean): Step {
  return {
    kind: 'result',
    date,
    zh: `答复期限为${zhDate(date)}${provisional ? '（暂定）' : ''}`,
    en: `Due date: ${enDate(date)}${provisional ? ' (provisional)' : ''}`,
  };
}

export function correctionLateWarning(requested: IsoDate, limit: IsoDate): Warning {
  return {
    code: 'correction-requested-late',
    zh: `补正要求于${zhDate(requested)}提出，超过了收到申请后${LIMITS.correctionRequest}个工作日的时限（${zhDate(limit)}），答复期限仍自收到申请之日起计算`,
    en: `The correction was requested ${enDate(requested)}, after the ${LIMITS.correctionRequest}-working-day limit (${enDate(limit)}): the period still runs from receipt`,
  };
}

export function consultationAfterCapWarning(kind: ConsultationKind, startDate: IsoDate, cap: IsoDate): Warning {
  const label = CONSULTATION_LABELS[kind];
  return {
    code: 'consultation-reply-after-cap',
    zh: `${label.zh}（${zhDate(startDate)}发出）超过${LIMITS.consultation}个工作日（${zhDate(cap)}）仍未答复，超出的时间计入期限`,
    en: `${label.en} sent ${enDate(startDate)} had no answer within ${LIMITS.consultation} working days (${enDate(cap)}); the time after that counts`,
  };
}

export function extensionLateWarning(approved: IsoDate, baseDue: IsoDate): Warning {
  return {
    code: 'extension-approved-late',
    zh: `延期于${zhDate(approved)}批准，晚于原答复期限${zhDate(baseDue)}`,
    en: `The extension was approved ${enDate(approved)}, after the original due date ${enDate(baseDue)}`,
  };
}
