import packageData from 'chinese-days/dist/chinese-days.json';
import { yearOf } from './calendar-date';

/**
 * Holiday calendar in the shape of chinese-days' published JSON: date → "English,中文,statutory days".
 * `holidays` are days off; `workdays` are the weekend days turned into working days (调休补班).
 *
 * We read the package's data file rather than calling isWorkday()/getDayDetail(): in chinese-days
 * 1.5.7 those normalise dates with local-time startOf('day'), so west of UTC they answer for the
 * previous day (TZ=America/Los_Angeles: isWorkday('2025-01-27') is false). The data file is part
 * of the package's documented output and has no time zone at all.
 */
export interface HolidayData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

export interface HolidayName {
  readonly zh: string;
  readonly en: string;
}

export const CHINESE_DAYS_DATA: HolidayData = packageData;

/** "Spring Festival,春节,4" → { zh: '春节', en: 'Spring Festival' }. */
export function parseHolidayName(raw: string): HolidayName {
  const [en = '', zh = ''] = raw.split(',');
  return { zh: zh.trim() || en.trim(), en: en.trim() || zh.trim() };
}

/**
 * Years the data has a calendar for. A year is announced as a whole (元旦 is always in it), so
 * any entry dated in a year means the whole year is known.
 */
export function yearsCovered(data: HolidayData): ReadonlySet<number> {
  const years = new Set<number>();
  for (const date of Object.keys(data.holidays)) years.add(yearOf(date));
  for (const date of Object.keys(data.workdays)) years.add(yearOf(date));
  return years;
}
