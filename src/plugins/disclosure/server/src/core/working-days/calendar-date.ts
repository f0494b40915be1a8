import { InvalidInputError } from './errors';

/**
 * A calendar date written 'YYYY-MM-DD'. Dates stay strings and arithmetic is done on day numbers,
 * so no result ever depends on the server's time zone (the law counts calendar days, not instants).
 * ISO strings of the same length also compare correctly with < and >.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2025-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** Returns the value as an IsoDate or throws an InvalidInputError naming the field. */
export function requireIsoDate(value: unknown, field: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new InvalidInputError(
      field,
      `${field} 必须是有效日期（YYYY-MM-DD），收到 ${JSON.stringify(value)}`,
      `${field} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Days since 1970-01-01; computed in UTC so it is the same in every time zone. */
export function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** Calendar dates as the law counts them: in China Standard Time, whatever the server's zone. */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date = new Date()): string {
  return SHANGHAI_DATE.format(instant);
}

export function shanghaiYear(instant: Date = new Date()): number {
  return Number(shanghaiDate(instant).slice(0, 4));
}

/** Normalises what the database returns for a `date` column (a string, or a Date on some drivers). */
export function toIsoDate(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = String(value);
  return isIsoDate(s.slice(0, 10)) ? s.slice(0, 10) : null;
}
