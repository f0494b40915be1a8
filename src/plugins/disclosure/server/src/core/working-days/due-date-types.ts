import type { IsoDate } from './calendar-date';
import type { HolidayName } from './holiday-data';
import type { DayReason } from './working-days';

export interface CorrectionInput {
  /** The day the office asked the applicant to correct the request (Art. 30). */
  readonly requestedDate: IsoDate;
  /** The day the correction arrived; absent while it is outstanding. */
  readonly receivedDate?: IsoDate | null;
  /** The deadline the office gave the applicant for the correction, if any. */
  readonly answerBy?: IsoDate | null;
}

/** Art. 32 (third party whose rights are affected) and Art. 34 (body that co-produced the information). */
export type ConsultationKind = 'third-party' | 'co-producer';

export interface ConsultationInput {
  readonly kind: ConsultationKind;
  /** The day the office sent the request for an opinion. */
  readonly startDate: IsoDate;
  /** The day the answer arrived; absent while the consultation is open. */
  readonly endDate?: IsoDate | null;
}

export interface ExtensionInput {
  /** 1–20 (Art. 33). */
  readonly workingDays: number;
  /** The head of the disclosure office who approved it. */
  readonly approver: string;
  readonly reason: string;
  readonly approvedDate: IsoDate;
}

export interface DueDateInput {
  /** Date of receipt as Art. 31 defines it. */
  readonly receivedDate: IsoDate;
  /** Art. 30 allows one request for correction, so at most one entry. */
  readonly corrections?: readonly CorrectionInput[];
  readonly consultations?: readonly ConsultationInput[];
  readonly extension?: ExtensionInput | null;
  /** Needed only when a consultation is still open: it then counts until today (or its cap). */
  readonly today?: IsoDate | null;
}

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Calendar reasons that can move a date; plain weekdays and weekends never appear in a step. */
export type CalendarStepReason = Exclude<DayReason, 'weekday' | 'weekend'>;

/** One line of the explanation shown to the officer, in computation order. */
export type Step = Bilingual &
  (
    | { readonly kind: 'received'; readonly date: IsoDate }
    | {
        readonly kind: 'correction-requested';
        readonly date: IsoDate;
        readonly limit: IsoDate;
        readonly late: boolean;
        readonly answerBy: IsoDate | null;
      }
    | { readonly kind: 'correction-received'; readonly date: IsoDate }
    | { readonly kind: 'awaiting-correction'; readonly answerBy: IsoDate | null }
    | {
        readonly kind: 'consultation';
        readonly consultationKind: ConsultationKind;
        readonly startDate: IsoDate;
        /** Last day excluded: the answer's date, today for an open one, or the 15-working-day cap. */
        readonly countedUntil: IsoDate;
        readonly open: boolean;
        readonly capped: boolean;
        readonly excludedWorkingDays: number;
      }
    | {
        readonly kind: 'calendar';
        readonly reason: CalendarStepReason;
        readonly from: IsoDate;
        readonly to: IsoDate;
        /** Days in the group that moved the date (weekdays off, or weekend days worked). */
        readonly days: number;
        readonly counted: boolean;
        readonly name?: HolidayName;
        readonly note?: string;
      }
    | { readonly kind: 'unknown-year'; readonly year: number }
    | {
        readonly kind: 'extension';
        readonly workingDays: number;
        readonly approver: string;
        readonly reason: string;
        readonly approvedDate: IsoDate;
        readonly from: IsoDate;
        readonly to: IsoDate;
      }
    | { readonly kind: 'result'; readonly date: IsoDate }
  );

export type WarningCode = 'correction-requested-late' | 'consultation-reply-after-cap' | 'extension-approved-late';

export interface Warning extends Bilingual {
  readonly code: WarningCode;
}

interface DueDateResultBase {
  /** Last day the office may ask for a correction: the 7th working day after receipt. */
  readonly correctionLimit: IsoDate;
  /** True when some day walked over lies in a year with no known holiday calendar. */
  readonly provisional: boolean;
  readonly missingCalendarYears: readonly number[];
  readonly warnings: readonly Warning[];
  readonly explanation: readonly Step[];
}

export interface RunningDueDate extends DueDateResultBase {
  readonly status: 'running';
  readonly dueDate: IsoDate;
  /** The 20th countable working day, before any extension. */
  readonly baseDueDate: IsoDate;
  /** True while an open consultation keeps moving the due date forward day by day. */
  readonly openConsultation: boolean;
}

export interface AwaitingCorrection extends DueDateResultBase {
  readonly status: 'awaiting-correction';
  /** No period runs while the correction is outstanding. */
  readonly dueDate: null;
  readonly answerBy: IsoDate | null;
}

export type DueDateResult = RunningDueDate | AwaitingCorrection;
