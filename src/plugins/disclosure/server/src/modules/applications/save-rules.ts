/**
 * The rules of one save of an application, without database access: status transition or outcome, the
 * defaults a transition implies, extension data, the computed fields (due date, fee) and the date rule.
 * Used by the Document Service middleware (writes.ts) and by the bulk import (import/bulk-writer.ts), so
 * that both paths store exactly the same values.
 */
import {
  applicationField as F,
  computeDueDate,
  FEE_METHOD_LABELS,
  inApplicationWords,
  STATUS_LABELS,
  EXTENSION_FIELDS,
  integrityProblems,
  nonexistentDate,
  isApplicationStatus,
  isFinalStatus,
  processingFee,
  validateOutcome,
  validateTransition,
  type ApplicationStatus,
  toIsoDate,
  type WorkingDayCalendar,
} from '../../core/working-days';
import { hasExtension, parseConsultations } from './due-date-input';
import { dueDateInputOf } from './due-date-input';
import { fieldError } from '../common/field-error';
import { toHttpError } from './http-errors';

/** Fields the server computes: a value sent by a client is replaced (or, for a different fee, refused). */
export const COMPUTED_FIELDS = ['dueDate', 'dueDateProvisional', 'missingCalendarYears', 'correctionLimit'] as const;
/** Shown read-only in the content manager: the computed fields, the fee and the tracking number. */
export const READ_ONLY_FIELDS = [...COMPUTED_FIELDS, 'feeYuan', 'trackingNumber', 'submittedAt', 'correctionReply'] as const;

const present = (v: unknown) => v !== null && v !== undefined && v !== '';
const DATE_FIELDS = [
  'receivedDate',
  'answeredDate',
  'correctionRequestedDate',
  'correctionAnswerBy',
  'correctionReceivedDate',
  'extensionApprovedDate',
  'feePaidDate',
];
const dayOrValue = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === '' || v === undefined ? null : v);
/** The edit form sends every field back: a field counts as changed only when its value differs. */
const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(dayOrValue(a)) === JSON.stringify(dayOrValue(b)) || (typeof a === 'number' && String(a) === String(b));

/** Fills what a status change implies when the officer did not type it: dates of today, closing open consultations. */
function applyTransitionDefaults(merged: Record<string, any>, data: Record<string, any>, from: string | null, to: string, today: string) {
  const set = (k: string, v: unknown) => {
    data[k] = v;
    merged[k] = v;
  };
  if (to === 'awaiting-correction' && !present(merged.correctionRequestedDate)) set('correctionRequestedDate', today);
  if (from === 'awaiting-correction' && to === 'received' && !present(merged.correctionReceivedDate)) set('correctionReceivedDate', today);
  const consultations = parseConsultations(merged.consultations);
  if (to === 'consulting' && !consultations.some((c) => !c.endDate)) {
    set('consultations', [...consultations, { kind: 'third-party', startDate: today, endDate: null }]);
  }
  if (from === 'consulting' && to !== 'consulting' && consultations.some((c) => !c.endDate)) {
    set(
      'consultations',
      consultations.map((c) => (c.endDate ? c : { ...c, endDate: today > c.startDate ? today : c.startDate })),
    );
  }
  if (to === 'answered' && !present(merged.answeredDate)) set('answeredDate', today);
  // 签收 (Art. 31(3)): the day the office confirms an online submission is the day it is received.
  if (from === 'submitted' && to === 'received' && !present(merged.receivedDate)) set('receivedDate', today);
}

function checkFee(merged: Record<string, any>, data: Record<string, any>) {
  const method = merged.feeMethod || 'none';
  const n = merged.feeRequestNumberInMonth;
  const pages = merged.feePages;
  if (method === 'none') {
    if (present(n) || present(pages))
      throw fieldError(
        'feeMethod',
        `填写了${F('feeRequestNumberInMonth')}或${F('feePages')}，${F('feeMethod')}须为“按件计收”或“按页计收”`,
        'feeMethod must be "per-request" or "per-page" when a request number or page count is given',
      );
    if (present(merged.feeYuan) && Number(merged.feeYuan) !== 0) {
      throw fieldError(
        'feeYuan',
        `收取信息处理费须先选择${F('feeMethod')}（按件或按页）`,
        'a fee needs its basis: set feeMethod to "per-request" or "per-page"',
      );
    }
    return;
  }
  if (method === 'per-request' && present(pages))
    throw fieldError(
      'feePages',
      `按件计收时不能填写${F('feePages')}：按件或按页只能选一种`,
      'a fee is billed per request or per page, never both: clear feePages',
    );
  if (method === 'per-page' && present(n))
    throw fieldError(
      'feeRequestNumberInMonth',
      `按页计收时不能填写${F('feeRequestNumberInMonth')}：按件或按页只能选一种`,
      'a fee is billed per request or per page, never both: clear feeRequestNumberInMonth',
    );
  const field = method === 'per-request' ? 'feeRequestNumberInMonth' : 'feePages';
  if (!present(merged[field]))
    throw fieldError(field, `${FEE_METHOD_LABELS[method] ?? method}时须填写${F(field)}`, `${field} is required when feeMethod is "${method}"`);
  let yuan: number;
  try {
    yuan =
      method === 'per-request'
        ? processingFee({ method: 'per-request', requestNumberInMonth: Number(n) }).yuan
        : processingFee({ method: 'per-page', pages: Number(pages) }).yuan;
  } catch (e: any) {
    throw toHttpError(e, field);
  }
  const given = data.feeYuan;
  if (present(given) && Math.abs(Number(given) - yuan) > 0.001) {
    throw fieldError(
      'feeYuan',
      `${F('feeYuan')}（${Number(given)}）与国办函〔2020〕109号按此方式计算的金额（${yuan}）不符`,
      `feeYuan (${Number(given)}) does not match the fee of 国办函〔2020〕109号 for this basis (${yuan})`,
    );
  }
  data.feeYuan = yuan;
}

/** The fee rules on a row that is not stored yet (the import's validation): the first problem, or null. */
export function feeProblem(row: Record<string, unknown>): { field: string; message: string } | null {
  const present = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  try {
    const data: Record<string, any> = { ...present };
    checkFee({ ...present }, data);
    checkApplication({ ...present, ...data });
    return null;
  } catch (e: any) {
    const path = e?.details?.errors?.[0]?.path;
    return { field: Array.isArray(path) ? String(path[0]) : 'feeMethod', message: e?.message ?? String(e) };
  }
}

/**
 * Applies the rules to `data` (mutated: defaults and computed fields are written into it) given the stored
 * row (`existing`, null on creation). Throws 400s naming the field. Returns the status change.
 * `dueDateOf` lets the bulk import reuse the due date of identical inputs (computeDueDate is pure).
 */
export function applySaveRules(
  existing: Record<string, any> | null,
  data: Record<string, any>,
  today: string,
  calendar: WorkingDayCalendar,
  dueDateOf: typeof computeDueDate = computeDueDate,
) {
  // Whatever a client sends for a computed field is dropped: they are recomputed below from the inputs.
  for (const f of COMPUTED_FIELDS) delete data[f];
  const changed = new Set(Object.keys(data).filter((k) => !existing || !sameValue(existing[k], data[k])));
  // 2026-02-30 is a day that does not exist: said so, before any rule reads it as "no date".
  for (const field of DATE_FIELDS) {
    if (nonexistentDate(data[field])) throw fieldError(field, `${F(field)}填写的日期不存在：${data[field]}`, `the date ${data[field]} does not exist`);
  }
  const merged: Record<string, any> = { ...(existing ?? {}), ...data };
  delete merged.organization;
  const from: string | null = existing ? (existing.applicationStatus ?? 'received') : null;
  const to: string = merged.applicationStatus || 'received';
  if (!isApplicationStatus(to)) {
    throw fieldError('applicationStatus', `未知的${F('applicationStatus')}：${JSON.stringify(to)}`, `unknown applicationStatus ${JSON.stringify(to)}`);
  }
  try {
    if (from !== null && from !== to) {
      if (!isApplicationStatus(from))
        throw fieldError(
          'applicationStatus',
          `已保存的${F('applicationStatus')}无法识别：${JSON.stringify(from)}`,
          `stored applicationStatus is unknown: ${JSON.stringify(from)}`,
        );
      validateTransition(from as ApplicationStatus, to, merged.outcome);
    } else {
      validateOutcome(to, merged.outcome);
    }
  } catch (e) {
    throw toHttpError(e);
  }
  if (existing && isFinalStatus(from as ApplicationStatus) && present(data.outcome) && data.outcome !== existing.outcome) {
    throw fieldError(
      'outcome',
      `“${STATUS_LABELS[from as ApplicationStatus]?.zh ?? from}”的申请已办结，${F('outcome')}不能再修改`,
      `the outcome of an application that is "${from}" is final and cannot be changed`,
    );
  }
  if (from !== to) applyTransitionDefaults(merged, data, from, to, today);
  if (to === 'extended' && !hasExtension(merged)) {
    throw fieldError(
      'extensionWorkingDays',
      `延期的申请须填写${F('extensionWorkingDays')}、${F('extensionApprover')}和${F('extensionReason')}（条例第三十三条）`,
      'an extended application needs extensionWorkingDays, extensionApprover and extensionReason (Art. 33)',
    );
  }
  if (to === 'awaiting-correction' && present(merged.correctionReceivedDate)) {
    throw fieldError(
      'correctionReceivedDate',
      `申请仍在等待补正，不能已有${F('correctionReceivedDate')}`,
      'an application awaiting correction cannot have correctionReceivedDate yet',
    );
  }
  const [problem] = integrityProblems(merged, changed, today);
  if (problem) throw fieldError(problem.field, inApplicationWords(problem.zh), problem.en);
  if (present(merged.receivedDate)) {
    let result: ReturnType<typeof computeDueDate>;
    try {
      result = dueDateOf(dueDateInputOf(merged, today), calendar);
      data.dueDate = result.dueDate;
      data.dueDateProvisional = result.provisional;
      data.missingCalendarYears = result.missingCalendarYears;
      data.correctionLimit = result.correctionLimit;
    } catch (e) {
      throw toHttpError(e);
    }
    // An application past its original due date is overdue and stays so: no extension can be approved then.
    const late = result.warnings.find((w) => w.code === 'extension-approved-late');
    if (late && EXTENSION_FIELDS.some((f) => changed.has(f))) {
      throw fieldError(
        'extensionApprovedDate',
        `${inApplicationWords(late.zh)}，申请已逾期，不能再延期`,
        `${late.en}: the application is already overdue and cannot be extended`,
      );
    }
  }
  checkFee(merged, data);
  checkApplication({ ...(existing ?? {}), ...data });
  return { from, to };
}

/**
 * Date rule of an application, checked on the merged (stored + incoming) state, after statuses, outcomes,
 * due dates and fees.
 */
export function checkApplication(merged: Record<string, any>) {
  const received = toIsoDate(merged.receivedDate);
  const answered = toIsoDate(merged.answeredDate);
  if (answered && received && answered < received) {
    throw fieldError(
      'answeredDate',
      `${F('answeredDate')}（${answered}）不能早于${F('receivedDate')}（${received}）`,
      `answeredDate (${answered}) must not be before receivedDate (${received})`,
    );
  }
  // 信息处理费 counts in the report only once paid: a paid date needs a fee, and a fee closed as unpaid was not paid.
  const paid = toIsoDate(merged.feePaidDate);
  if (!paid) return;
  if (!(Number(merged.feeYuan) > 0))
    throw fieldError('feePaidDate', `没有收取信息处理费的申请不能有${F('feePaidDate')}`, 'feePaidDate needs a fee: this application has no feeYuan');
  if (merged.outcome === 'other.feeUnpaid') {
    throw fieldError(
      'feePaidDate',
      `以“逾期未缴纳信息处理费”办结的申请不能有${F('feePaidDate')}`,
      'an application closed as other.feeUnpaid cannot have a feePaidDate',
    );
  }
  if (received && paid < received) {
    throw fieldError(
      'feePaidDate',
      `${F('feePaidDate')}（${paid}）不能早于${F('receivedDate')}（${received}）`,
      `feePaidDate (${paid}) must not be before receivedDate (${received})`,
    );
  }
}
