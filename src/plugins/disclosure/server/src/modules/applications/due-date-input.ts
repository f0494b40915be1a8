import { type ConsultationInput, type DueDateInput, type ExtensionInput, isIsoDate } from '../../core/working-days';
import { toIsoDate } from '../../core/working-days/calendar-date';

/** A stored consultation entry (JSON field `consultations`). */
export interface StoredConsultation {
  kind: 'third-party' | 'co-producer';
  startDate: string;
  endDate?: string | null;
  note?: string | null;
}

export class StoredDataError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads and checks the `consultations` JSON of an application. */
export function parseConsultations(value: unknown): StoredConsultation[] {
  if (value === null || value === undefined || value === '') return [];
  const list = typeof value === 'string' ? safeJson(value) : value;
  if (!Array.isArray(list)) {
    throw new StoredDataError('consultations', 'consultations must be a list of { kind, startDate, endDate? }');
  }
  return list.map((c: any, i) => {
    if (!c || typeof c !== 'object') throw new StoredDataError('consultations', `consultations[${i}] must be an object`);
    if (c.kind !== 'third-party' && c.kind !== 'co-producer') {
      throw new StoredDataError('consultations', `consultations[${i}].kind must be "third-party" or "co-producer"`);
    }
    if (!isIsoDate(c.startDate)) throw new StoredDataError('consultations', `consultations[${i}].startDate must be YYYY-MM-DD`);
    if (c.endDate !== undefined && c.endDate !== null && c.endDate !== '' && !isIsoDate(c.endDate)) {
      throw new StoredDataError('consultations', `consultations[${i}].endDate must be YYYY-MM-DD`);
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
  if (!receivedDate) throw new StoredDataError('receivedDate', 'receivedDate is required (YYYY-MM-DD)');
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
    throw new StoredDataError('correctionRequestedDate', 'correctionReceivedDate needs correctionRequestedDate');
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
