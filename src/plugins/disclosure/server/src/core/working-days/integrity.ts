/**
 * Integrity rules of an application's stored state that no officer may bend (dates in the future, an
 * extension where none runs, an outcome without the facts it needs). Checked on every write path: the
 * Document Service middleware and the import (modules/applications). Pure: the caller passes `today`.
 */
import { isIsoDate, shanghaiDate } from './calendar-date';

export interface IntegrityProblem {
  field: string;
  zh: string;
  en: string;
}

export const EXTENSION_FIELDS = ['extensionWorkingDays', 'extensionApprover', 'extensionReason', 'extensionApprovedDate'] as const;
/** Statuses in which an application may carry extension data: while extended, and afterwards as its history. */
const EXTENSION_STATUSES = ['extended', 'answered', 'closed'];
const present = (v: unknown) => v !== null && v !== undefined && v !== '';
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : null);

/**
 * Problems of `merged` (stored state with the change applied). `changed` names the fields the write sets,
 * so that a stored value from before a rule existed does not block an unrelated edit.
 */
export function integrityProblems(merged: Record<string, unknown>, changed: ReadonlySet<string>, today: string): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const status = String(merged.applicationStatus ?? 'received');
  const statusChanged = changed.has('applicationStatus');
  const touched = (f: string) => changed.has(f) || statusChanged;

  for (const [field, zh, en] of [
    ['receivedDate', '收到申请日期', 'receivedDate'],
    ['answeredDate', '答复日期', 'answeredDate'],
    ['extensionApprovedDate', '延期批准日期', 'extensionApprovedDate'],
    ['correctionRequestedDate', '告知补正日期', 'correctionRequestedDate'],
    ['correctionReceivedDate', '收到补正日期', 'correctionReceivedDate'],
    ['feePaidDate', '缴费日期', 'feePaidDate'],
  ] as const) {
    const d = day(merged[field]);
    if (changed.has(field) && d && isIsoDate(d) && d > today) {
      problems.push({ field, zh: `${zh}（${d}）不能晚于今天（${today}）`, en: `${en} (${d}) cannot be in the future (today is ${today})` });
    }
  }
  if (touched('answeredDate') && present(merged.answeredDate) && status !== 'answered' && status !== 'closed') {
    problems.push({
      field: 'answeredDate',
      zh: `只有“已答复”或“已终止”的申请才有答复日期（当前状态：${status}）`,
      en: `only an answered or closed application has an answeredDate (status is "${status}")`,
    });
  }
  if (EXTENSION_FIELDS.some((f) => touched(f)) && EXTENSION_FIELDS.some((f) => present(merged[f])) && !EXTENSION_STATUSES.includes(status)) {
    problems.push({
      field: 'extensionWorkingDays',
      zh: `延期信息只能用于“已延期”的申请（当前状态：${status}）；请先将状态改为“已延期”，或清空延期信息`,
      en: `extension data belongs to an extended application (status is "${status}"): set the status to "extended" or clear the extension fields`,
    });
  }
  problems.push(...receiptProblems(merged, status, touched));
  if ((touched('outcome') || touched('correctionRequestedDate')) && merged.outcome === 'other.noCorrection' && !present(merged.correctionRequestedDate)) {
    problems.push({
      field: 'correctionRequestedDate',
      zh: '“逾期不补正”需要告知补正日期',
      en: 'the outcome other.noCorrection needs the date the correction was requested (correctionRequestedDate)',
    });
  }
  return problems;
}

/**
 * Art. 31(3): an online application is received on the day the office confirms it. Before that (and for a
 * submission dismissed as not an application) there is no receipt date; from then on there must be one,
 * not before the day it was submitted.
 */
function receiptProblems(merged: Record<string, unknown>, status: string, touched: (f: string) => boolean): IntegrityProblem[] {
  const received = day(merged.receivedDate);
  if (status === 'submitted' || status === 'dismissed') {
    const problems: IntegrityProblem[] = [];
    if (present(merged.receivedDate) && touched('receivedDate')) {
      problems.push({
        field: 'receivedDate',
        zh: '网上提交的申请在签收之前没有收到申请日期：签收之日为收到申请之日（条例第三十一条第三项）',
        en: 'an online submission has no receivedDate before its receipt is confirmed: the confirmation day is the receipt day (Art. 31(3))',
      });
    }
    if (status === 'submitted' && touched('channel') && merged.channel !== 'online') {
      problems.push({ field: 'channel', zh: '只有网上申请才有“网上提交待签收”状态', en: 'only an online application can be "submitted"' });
    }
    if (status === 'dismissed' && touched('dismissalReason') && !present(merged.dismissalReason)) {
      problems.push({
        field: 'dismissalReason',
        zh: '不作为申请处理须写明理由（如：广告、与政府信息公开无关的信访事项）',
        en: 'dismissing a submission needs its reason (e.g. spam, a petition unrelated to disclosure)',
      });
    }
    return problems;
  }
  if (!received) {
    return touched('receivedDate') ? [{ field: 'receivedDate', zh: '须填写收到申请日期（YYYY-MM-DD）', en: 'receivedDate is required (YYYY-MM-DD)' }] : [];
  }
  if (present(merged.submittedAt) && received < shanghaiDay(merged.submittedAt) && touched('receivedDate')) {
    return [
      {
        field: 'receivedDate',
        zh: `收到申请日期（${received}）不能早于网上提交的日期（${shanghaiDay(merged.submittedAt)}）`,
        en: `receivedDate (${received}) cannot be before the day the application was submitted online (${shanghaiDay(merged.submittedAt)})`,
      },
    ];
  }
  return [];
}

/** The Asia/Shanghai day of an instant (a submission time is stored as an instant). */
const shanghaiDay = (instant: unknown) => shanghaiDate(instant instanceof Date ? instant : new Date(String(instant)));

/** 'YYYY-MM-DD' text that names no calendar day (2026-02-30): said as such, not as a missing date. */
export function nonexistentDate(text: unknown): boolean {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && !isIsoDate(text);
}
