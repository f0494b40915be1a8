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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Normalises what the database returns for a `date` column (a string, or a Date on some drivers). */
export function toIsoDate(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = String(value);
  return isIsoDate(s.slice(0, 10)) ? s.slice(0, 10) : null;
}
