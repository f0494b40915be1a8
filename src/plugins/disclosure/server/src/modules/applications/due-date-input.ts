import { type ConsultationInput, type DueDateInput, type ExtensionInput, isIsoDate } from '../../core/working-days';
import { toIsoDate } from '../../core/working-days/calendar-date';

/** A stored consultation entry (JSON field `consultations`). */
export interface StoredConsultation {
  kind: 'third-party' | 'co-producer';
  startDate: string;
  endDate?: string | null;
  note?: string | null;
}

/** A stored field of an application the rules cannot read (Chinese for the officer, English after). */
export class StoredDataError extends Error {
  constructor(
    readonly field: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

const CONSULTATION = '“征求意见记录”';

/** Reads and checks the `consultations` JSON of an application. */
export function parseConsultations(value: unknown): StoredConsultation[] {
  if (value === null || value === undefined || value === '') return [];
  const list = typeof value === 'string' ? safeJson(value) : value;
  if (!Array.isArray(list)) {
    throw new StoredDataError(
      'consultations',
      `${CONSULTATION}须为列表，每项含类型、开始日期和结束日期`,
      'consultations must be a list of { kind, startDate, endDate? }',
    );
  }
  return list.map((c: any, i) => {
    if (!c || typeof c !== 'object')
      throw new StoredDataError('consultations', `${CONSULTATION}第${i + 1}项格式不正确`, `consultations[${i}] must be an object`);
    if (c.kind !== 'third-party' && c.kind !== 'co-producer') {
      throw new StoredDataError(
        'consultations',
        `${CONSULTATION}第${i + 1}项的类型须为“征求第三方意见”或“征求共同制作机关意见”`,
        `consultations[${i}].kind must be "third-party" or "co-producer"`,
      );
    }
    if (!isIsoDate(c.startDate))
      throw new StoredDataError('consultations', `${CONSULTATION}第${i + 1}项的开始日期须为YYYY-MM-DD`, `consultations[${i}].startDate must be YYYY-MM-DD`);
    if (c.endDate !== undefined && c.endDate !== null && c.endDate !== '' && !isIsoDate(c.endDate)) {
      throw new StoredDataError('consultations', `${CONSULTATION}第${i + 1}项的结束日期须为YYYY-MM-DD`, `consultations[${i}].endDate must be YYYY-MM-DD`);
    }
    return { kind: c.kind, startDate: c.startDate, endDate: c.endDate || null, ...(c.note ? { note: String(c.note) } : {}) };
  });
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

export function hasExtension(a: Record<string, any>): boolean {
  return [a.extensionWorkingDays, a.extensionApprover, a.extensionReason, a.extensionApprovedDate].some((v) => v !== null && v !== undefined && v !== '');
}

/** The input of computeDueDate from an application's stored fields (merged state on writes). */
export function dueDateInputOf(a: Record<string, any>, today: string): DueDateInput {
  const receivedDate = toIsoDate(a.receivedDate);
  if (!receivedDate) throw new StoredDataError('receivedDate', '须填写“收到申请日期”（YYYY-MM-DD）', 'receivedDate is required (YYYY-MM-DD)');
  const consultations: ConsultationInput[] = parseConsultations(a.consultations).map((c) => ({
    kind: c.kind,
    startDate: c.startDate,
    endDate: c.endDate ?? null,
  }));
  const correctionRequested = toIsoDate(a.correctionRequestedDate);
  const corrections = correctionRequested
    ? [{ requestedDate: correctionRequested, receivedDate: toIsoDate(a.correctionReceivedDate), answerBy: toIsoDate(a.correctionAnswerBy) }]
    : [];
  if (!correctionRequested && toIsoDate(a.correctionReceivedDate)) {
    throw new StoredDataError('correctionRequestedDate', '填写“收到补正日期”须先有“告知补正日期”', 'correctionReceivedDate needs correctionRequestedDate');
  }
  let extension: ExtensionInput | null = null;
  if (hasExtension(a)) {
    extension = {
      workingDays:
        a.extensionWorkingDays === null || a.extensionWorkingDays === undefined || a.extensionWorkingDays === '' ? NaN : Number(a.extensionWorkingDays),
      approver: String(a.extensionApprover ?? '').trim(),
      reason: String(a.extensionReason ?? '').trim(),
      approvedDate: toIsoDate(a.extensionApprovedDate) ?? today,
    };
  }
  // An open consultation counts until today; never let "today" fall before the dates it follows.
  const latestStart = consultations.reduce((m, c) => (c.startDate > m ? c.startDate : m), receivedDate);
  return {
    receivedDate,
    corrections,
    consultations,
    extension,
    today: today > latestStart ? today : latestStart,
  };
}
