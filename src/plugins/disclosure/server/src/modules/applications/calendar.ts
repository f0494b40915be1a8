import type { Core } from '@strapi/strapi';
import { type CalendarOverride, createWorkingDayCalendar, type WorkingDayCalendar } from '../../core/working-days';
import { toIsoDate } from '../../core/working-days/calendar-date';
import { CALENDAR_YEAR_UID, OVERRIDE_UID } from './content-types';

let cached: { fingerprint: string; calendar: WorkingDayCalendar } | null = null;

// db.query (not raw knex) so that the reads join the caller's transaction: SQLite has one connection.
async function tableFingerprint(strapi: Core.Strapi, uid: string): Promise<string> {
  const count = await strapi.db.query(uid as any).count();
  const latest: any = count ? await strapi.db.query(uid as any).findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }) : null;
  const m = latest?.updatedAt instanceof Date ? latest.updatedAt.toISOString() : String(latest?.updatedAt ?? '');
  return `${count}@${m}`;
}

/**
 * The working-day calendar: chinese-days plus the overrides and complete years stored in the database.
 * Built once and reused while the two tables are unchanged; every call checks a cheap fingerprint
 * (row count and latest update) so that a change made through any instance is seen on the next computation.
 */
export async function loadCalendar(strapi: Core.Strapi): Promise<WorkingDayCalendar> {
  const fingerprint = `${await tableFingerprint(strapi, OVERRIDE_UID)}|${await tableFingerprint(strapi, CALENDAR_YEAR_UID)}`;
  if (cached && cached.fingerprint === fingerprint) return cached.calendar;
  const overrides: any[] = await strapi.db.query(OVERRIDE_UID as any).findMany({ select: ['date', 'kind', 'note'] });
  const years: any[] = await strapi.db.query(CALENDAR_YEAR_UID as any).findMany({ select: ['year', 'complete'] });
  const calendar = createWorkingDayCalendar({
    overrides: overrides
      .map((o): CalendarOverride | null => {
        const date = toIsoDate(o.date);
        return date ? { date, kind: o.kind, note: o.note ?? null } : null;
      })
      .filter((o): o is CalendarOverride => o !== null),
    completeYears: years.filter((y) => y.complete === true || y.complete === 1).map((y) => Number(y.year)),
  });
  cached = { fingerprint, calendar };
  return calendar;
}

/** For tests: forget the cached calendar. */
export function clearCalendarCache() {
  cached = null;
}
