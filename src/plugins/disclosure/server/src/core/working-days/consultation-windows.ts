import { type IsoDate, addDays, maxDate, minDate, yearOf } from './calendar-date';
import type { CheckedConsultation } from './due-date-input';
import type { ConsultationKind } from './due-date-types';
import { LIMITS } from './limits';
import type { WorkingDayCalendar } from './working-days';

/**
 * The days a consultation takes out of the office's limit (Art. 32, 33, 34): from the day after the
 * request was sent up to and including the day the answer arrived, capped at the consulted party's
 * 15 working days. The sending day is the office's own work and counts, like the day of receipt;
 * this way a consultation that uses its full period excludes exactly 15 working days.
 */
export interface ConsultationWindow {
  readonly kind: ConsultationKind;
  readonly startDate: IsoDate;
  /** Last excluded day: the answer's date (today if open), or the 15th working day when that comes first. */
  readonly countedUntil: IsoDate;
  readonly open: boolean;
  /** The answer came (or is still missing) after the 15-working-day cap. */
  readonly capped: boolean;
  /** Years of the days walked that the calendar does not know. */
  readonly unknownYears: readonly number[];
}

export function consultationWindow(c: CheckedConsultation, calendar: WorkingDayCalendar): ConsultationWindow {
  // Walk only as far as needed, so a short consultation never touches next year's calendar.
  const unknownYears = new Set<number>();
  let date = c.startDate;
  let working = 0;
  while (date < c.until && working < LIMITS.consultation) {
    date = addDays(date, 1);
    const day = calendar.describe(date);
    if (!day.knownYear) unknownYears.add(yearOf(date));
    if (day.working) working++;
  }
  return {
    kind: c.kind,
    startDate: c.startDate,
    countedUntil: date,
    open: c.open,
    capped: date < c.until,
    unknownYears: [...unknownYears].sort((a, b) => a - b),
  };
}

export function inWindow(w: ConsultationWindow, date: IsoDate): boolean {
  return date > w.startDate && date <= w.countedUntil;
}

/** Working days of the window that fall after `periodStart` (earlier ones never counted anyway). */
export function excludedWorkingDays(w: ConsultationWindow, periodStart: IsoDate, calendar: WorkingDayCalendar): number {
  let n = 0;
  const last = w.countedUntil;
  for (let d = addDays(maxDate(w.startDate, periodStart), 1); d <= last; d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d)) n++;
  }
  return n;
}

/** True when some day of `w` after periodStart is also inside an earlier window. */
export function overlapsEarlier(w: ConsultationWindow, earlier: readonly ConsultationWindow[], periodStart: IsoDate): boolean {
  return earlier.some((o) => {
    const from = maxDate(maxDate(w.startDate, o.startDate), periodStart);
    const to = minDate(w.countedUntil, o.countedUntil);
    return from < to;
  });
}
