import { type IsoDate, addDays, isWeekend, requireIsoDate, yearOf } from './calendar-date';
import { InvalidInputError } from './errors';
import { CHINESE_DAYS_DATA, type HolidayData, type HolidayName, parseHolidayName, yearsCovered } from './holiday-data';

export type OverrideKind = 'holiday' | 'workday';

/** An administrator's correction or addition to the package calendar; it wins over the package. */
export interface CalendarOverride {
  readonly date: IsoDate;
  readonly kind: OverrideKind;
  readonly note?: string | null;
}

export interface CalendarOptions {
  readonly overrides?: readonly CalendarOverride[];
  /**
   * Years whose holidays the administrator has entered completely as overrides (typically next
   * year, announced in November/December after the installed chinese-days was published).
   */
  readonly completeYears?: readonly number[];
  /** Defaults to the installed chinese-days data; injectable so tests can simulate an older package. */
  readonly data?: HolidayData;
}

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup-workday' | 'override-holiday' | 'override-workday';

export interface DayDescription {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly reason: DayReason;
  /** Holiday the day belongs to (for a make-up day: the holiday it makes up for), when the package says. */
  readonly name?: HolidayName;
  /** The administrator's note on an override. */
  readonly note?: string;
  /** False when neither the package nor completeYears cover the year: then only weekends and overrides apply. */
  readonly knownYear: boolean;
}

export interface AddWorkingDaysOptions {
  /** Working days for which this returns true are skipped without being counted (e.g. consultations). */
  readonly notCounted?: (date: IsoDate) => boolean;
}

export interface WorkingDaySum {
  /** The n-th counted working day after the start (the start itself is never counted). */
  readonly date: IsoDate;
  /**
   * Days crossed that moved the result compared with a plain Monday–Friday week: weekdays off,
   * weekend days worked, and overrides that changed what the package says. In date order.
   */
  readonly crossed: readonly DayDescription[];
  /** Years of the days walked over (start excluded) that the calendar does not know. */
  readonly unknownYears: readonly number[];
}

// No real deadline spans ten years; a walk that long means notCounted swallows every day.
const MAX_WALK_DAYS = 3660;

/** Working days (工作日) per the State Council calendar, as shipped by chinese-days, plus overrides. */
export class WorkingDayCalendar {
  private readonly data: HolidayData;
  private readonly packageYears: ReadonlySet<number>;
  private readonly completeYears: ReadonlySet<number>;
  private readonly overrides: ReadonlyMap<IsoDate, CalendarOverride>;

  constructor(options: CalendarOptions = {}) {
    this.data = options.data ?? CHINESE_DAYS_DATA;
    this.packageYears = yearsCovered(this.data);
    this.completeYears = new Set(validateYears(options.completeYears ?? []));
    this.overrides = indexOverrides(options.overrides ?? []);
  }

  /** True when the package has the year's calendar or an administrator declared it complete. */
  knowsYear(year: number): boolean {
    return this.packageYears.has(year) || this.completeYears.has(year);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.describe(date).working;
  }

  describe(date: IsoDate): DayDescription {
    requireIsoDate(date, 'date');
    const knownYear = this.knowsYear(yearOf(date));
    const override = this.overrides.get(date);
    if (override) {
      const fromPackage = this.packageView(date);
      return {
        date,
        working: override.kind === 'workday',
        reason: override.kind === 'workday' ? 'override-workday' : 'override-holiday',
        ...(fromPackage.name ? { name: fromPackage.name } : {}),
        ...(override.note ? { note: override.note } : {}),
        knownYear,
      };
    }
    return { ...this.packageView(date), knownYear };
  }

  /**
   * The n-th working day after `start` (Chinese law counts a period from the day after the event).
   * n = 0 returns `start` unchanged.
   */
  addWorkingDays(start: IsoDate, n: number, options: AddWorkingDaysOptions = {}): WorkingDaySum {
    requireIsoDate(start, 'start');
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new InvalidInputError('n', `工作日数必须是非负整数，收到 ${n}`, `n must be a non-negative integer, got ${n}`);
    }
    const crossed: DayDescription[] = [];
    const unknownYears = new Set<number>();
    let date = start;
    let counted = 0;
    for (let walked = 0; counted < n; walked++) {
      if (walked >= MAX_WALK_DAYS) {
        throw new InvalidInputError(
          'notCounted',
          `自${start}起${MAX_WALK_DAYS}日内找不到${n}个可计入的工作日`,
          `no ${n} countable working days within ${MAX_WALK_DAYS} days of ${start}`,
        );
      }
      date = addDays(date, 1);
      const day = this.describe(date);
      if (!day.knownYear) unknownYears.add(yearOf(date));
      if (this.movesCount(day)) crossed.push(day);
      if (day.working && !options.notCounted?.(date)) counted++;
    }
    return { date, crossed, unknownYears: [...unknownYears].sort((a, b) => a - b) };
  }

  /** What the package alone says (weekends only for years it does not cover). */
  private packageView(date: IsoDate): Omit<DayDescription, 'knownYear'> {
    const workday = this.data.workdays[date];
    if (workday !== undefined) return { date, working: true, reason: 'makeup-workday', name: parseHolidayName(workday) };
    const holiday = this.data.holidays[date];
    if (holiday !== undefined) return { date, working: false, reason: 'holiday', name: parseHolidayName(holiday) };
    const weekend = isWeekend(date);
    return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday' };
  }

  private movesCount(day: DayDescription): boolean {
    if (day.working === isWeekend(day.date)) return true;
    const isOverride = day.reason === 'override-holiday' || day.reason === 'override-workday';
    return isOverride && day.working !== this.packageView(day.date).working;
  }
}

/** Convenience factory, same as `new WorkingDayCalendar(options)`. */
export function createWorkingDayCalendar(options: CalendarOptions = {}): WorkingDayCalendar {
  return new WorkingDayCalendar(options);
}

function validateYears(years: readonly number[]): readonly number[] {
  for (const year of years) {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) {
      throw new InvalidInputError('completeYears', `年份无效：${year}`, `invalid year in completeYears: ${year}`);
    }
  }
  return years;
}

function indexOverrides(overrides: readonly CalendarOverride[]): ReadonlyMap<IsoDate, CalendarOverride> {
  const byDate = new Map<IsoDate, CalendarOverride>();
  overrides.forEach((override, i) => {
    const field = `overrides[${i}]`;
    requireIsoDate(override.date, `${field}.date`);
    if (override.kind !== 'holiday' && override.kind !== 'workday') {
      throw new InvalidInputError(
        `${field}.kind`,
        `${field}.kind 必须是 holiday 或 workday，收到 ${JSON.stringify(override.kind)}`,
        `${field}.kind must be 'holiday' or 'workday', got ${JSON.stringify(override.kind)}`,
      );
    }
    // Two entries for one day would make the answer depend on list order; make the admin choose.
    if (byDate.has(override.date)) {
      throw new InvalidInputError(
        `${field}.date`,
        `${override.date} 有多条人工设定，请只保留一条`,
        `more than one override for ${override.date}; keep only one`,
      );
    }
    byDate.set(override.date, override);
  });
  return byDate;
}
