import { type IsoDate, requireIsoDate } from './calendar-date';
import type { WorkingDayCalendar } from './working-days';

export type OverdueStatus = 'overdue' | 'due-soon' | 'on-time';

/** An application is "due soon" when its due date is at most this many working days after today. */
export const DUE_SOON_WORKING_DAYS = 3;

/**
 * Where an application stands against its due date. The due date itself is the last day to answer,
 * so answering on it is on time; only the day after is overdue.
 */
export function overdueStatus(due: IsoDate, today: IsoDate, calendar: WorkingDayCalendar): OverdueStatus {
  requireIsoDate(due, 'due');
  requireIsoDate(today, 'today');
  if (today > due) return 'overdue';
  return calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS).date >= due ? 'due-soon' : 'on-time';
}
