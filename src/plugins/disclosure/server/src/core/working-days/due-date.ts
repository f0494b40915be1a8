import { type IsoDate } from './calendar-date';
import { calendarSteps } from './calendar-steps';
import { type ConsultationWindow, consultationWindow, excludedWorkingDays, inWindow, overlapsEarlier } from './consultation-windows';
import { checkDueDateInput } from './due-date-input';
import {
  awaitingCorrectionStep,
  consultationAfterCapWarning,
  consultationStep,
  correctionLateWarning,
  correctionReceivedStep,
  correctionRequestedStep,
  extensionLateWarning,
  extensionStep,
  receivedStep,
  resultStep,
  unknownYearStep,
} from './due-date-steps';
import type { DueDateInput, DueDateResult, Step, Warning } from './due-date-types';
import { LIMITS } from './limits';
import type { DayDescription, WorkingDayCalendar, WorkingDaySum } from './working-days';

/**
 * The day by which the office must answer an application (《政府信息公开条例》 Art. 30, 32, 33, 34).
 *
 * - The period runs from the day after receipt, or after the correction arrives when one was asked for.
 * - It is the 20th working day, not counting working days inside a consultation window.
 * - An approved extension adds its working days on top, with the same exclusions.
 * - While a correction is outstanding no period runs: status 'awaiting-correction', dueDate null.
 *
 * Throws InvalidInputError for malformed or inconsistent input and ExtensionRejectedError for an
 * extension without approver or reason, or longer than 20 working days.
 */
export function computeDueDate(input: DueDateInput, calendar: WorkingDayCalendar): DueDateResult {
  const checked = checkDueDateInput(input);
  const unknownYears = new Set<number>();
  const walk = (sum: WorkingDaySum): WorkingDaySum => {
    sum.unknownYears.forEach((y) => unknownYears.add(y));
    return sum;
  };
  const missing = () => [...unknownYears].sort((a, b) => a - b);

  const head: Step[] = [receivedStep(checked.receivedDate)];
  const warnings: Warning[] = [];
  const correctionLimit = walk(calendar.addWorkingDays(checked.receivedDate, LIMITS.correctionRequest)).date;

  let periodStart = checked.receivedDate;
  const correction = checked.correction;
  if (correction) {
    const late = correction.requestedDate > correctionLimit;
    head.push(correctionRequestedStep(correction.requestedDate, correctionLimit, late, correction.answerBy));
    if (late) warnings.push(correctionLateWarning(correction.requestedDate, correctionLimit));
  }
  // A correction asked for after the 7-working-day limit stops no clock: the period runs from receipt.
  if (correction && !(correction.requestedDate > correctionLimit)) {
    if (!correction.receivedDate) {
      const years = missing();
      return {
        status: 'awaiting-correction',
        dueDate: null,
        answerBy: correction.answerBy,
        correctionLimit,
        provisional: years.length > 0,
        missingCalendarYears: years,
        warnings,
        explanation: [...head, ...years.map(unknownYearStep), awaitingCorrectionStep(correction.answerBy)],
      };
    }
    periodStart = correction.receivedDate;
    head.push(correctionReceivedStep(periodStart));
  }

  const windows = checked.consultations.map((c) => consultationWindow(c, calendar));
  windows.forEach((w) => w.unknownYears.forEach((y) => unknownYears.add(y)));
  const notCounted = (date: IsoDate) => windows.some((w) => inWindow(w, date));
  const consultationSteps = windows.map((w, i) => consultationStepFor(w, windows.slice(0, i), periodStart, calendar));
  windows.filter((w) => w.capped).forEach((w) => warnings.push(consultationAfterCapWarning(w.kind, w.startDate, w.countedUntil)));

  const base = walk(calendar.addWorkingDays(periodStart, LIMITS.answer, { notCounted }));
  const crossed: DayDescription[] = [...base.crossed];
  let dueDate = base.date;
  let extension: Step[] = [];
  if (checked.extension) {
    const extended = walk(calendar.addWorkingDays(base.date, checked.extension.workingDays, { notCounted }));
    crossed.push(...extended.crossed);
    dueDate = extended.date;
    extension = [extensionStep(checked.extension, base.date, dueDate)];
    if (checked.extension.approvedDate > base.date) {
      warnings.push(extensionLateWarning(checked.extension.approvedDate, base.date));
    }
  }

  const years = missing();
  const provisional = years.length > 0;
  return {
    status: 'running',
    dueDate,
    baseDueDate: base.date,
    openConsultation: windows.some((w) => w.open && !w.capped),
    correctionLimit,
    provisional,
    missingCalendarYears: years,
    warnings,
    explanation: [
      ...head,
      ...consultationSteps,
      ...calendarSteps(crossed, calendar),
      ...years.map(unknownYearStep),
      ...extension,
      resultStep(dueDate, provisional),
    ],
  };
}

function consultationStepFor(w: ConsultationWindow, earlier: readonly ConsultationWindow[], periodStart: IsoDate, calendar: WorkingDayCalendar): Step {
  return consultationStep({
    kind: w.kind,
    startDate: w.startDate,
    countedUntil: w.countedUntil,
    open: w.open,
    capped: w.capped,
    excludedWorkingDays: excludedWorkingDays(w, periodStart, calendar),
    overlapsAnother: overlapsEarlier(w, earlier, periodStart),
  });
}
