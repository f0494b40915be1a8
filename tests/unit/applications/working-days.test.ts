import {
  CHINESE_DAYS_DATA,
  computeDueDate,
  createWorkingDayCalendar,
  InvalidInputError,
  type IsoDate,
  WorkingDayCalendar,
} from '../../../src/plugins/disclosure/server/src/core/working-days';

/** Every date from `from` to `to` inclusive (same month or across months), via UTC arithmetic. */
function range(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The State Council notices, transcribed independently of chinese-days. */
const NOTICES: Record<number, { daysOff: IsoDate[]; makeUp: IsoDate[] }> = {
  // 国办发明电〔2024〕12号
  2025: {
    daysOff: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    makeUp: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
  2026: {
    daysOff: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    makeUp: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const calendar = createWorkingDayCalendar();

describe('chinese-days data against the holiday notices', () => {
  it.each([2025, 2026])('%i: the package has exactly the notice’s days off and make-up days', (year) => {
    const inYear = (dates: string[]) => dates.filter((d) => d.startsWith(`${year}-`)).sort();
    expect(inYear(Object.keys(CHINESE_DAYS_DATA.holidays))).toEqual([...NOTICES[year].daysOff].sort());
    expect(inYear(Object.keys(CHINESE_DAYS_DATA.workdays))).toEqual([...NOTICES[year].makeUp].sort());
  });

  it.each([2025, 2026])('%i: make-up days are weekends and the calendar counts them', (year) => {
    for (const date of NOTICES[year].makeUp) {
      const day = calendar.describe(date);
      expect(day).toMatchObject({ working: true, reason: 'makeup-workday' });
      expect(new Date(`${date}T00:00:00Z`).getUTCDay() % 6).toBe(0);
    }
  });
});

describe('WorkingDayCalendar.describe', () => {
  it('tells weekdays, weekends, holidays and make-up days apart, with the holiday name', () => {
    expect(calendar.describe('2025-03-03')).toEqual({ date: '2025-03-03', working: true, reason: 'weekday', knownYear: true });
    expect(calendar.describe('2025-03-01')).toEqual({ date: '2025-03-01', working: false, reason: 'weekend', knownYear: true });
    expect(calendar.describe('2025-01-28')).toMatchObject({ working: false, reason: 'holiday', name: { zh: '春节', en: 'Spring Festival' } });
    expect(calendar.describe('2025-01-26')).toMatchObject({ working: true, reason: 'makeup-workday', name: { zh: '春节' } });
    expect(calendar.describe('2026-09-25')).toMatchObject({ working: false, reason: 'holiday', name: { zh: '中秋' } });
    expect(calendar.describe('2026-10-10')).toMatchObject({ working: true, reason: 'makeup-workday', name: { zh: '国庆节' } });
  });

  it('lets overrides win over the package, keeping the note and the package’s holiday name', () => {
    const cal = createWorkingDayCalendar({
      overrides: [
        { date: '2025-01-28', kind: 'workday', note: '值班' },
        { date: '2025-03-05', kind: 'holiday', note: '地方性假日' },
      ],
    });
    expect(cal.describe('2025-01-28')).toEqual({
      date: '2025-01-28',
      working: true,
      reason: 'override-workday',
      name: { zh: '春节', en: 'Spring Festival' },
      note: '值班',
      knownYear: true,
    });
    expect(cal.describe('2025-03-05')).toMatchObject({ working: false, reason: 'override-holiday', note: '地方性假日' });
    expect(cal.isWorkingDay('2025-03-05')).toBe(false);
    expect(calendar.isWorkingDay('2025-03-05')).toBe(true);
  });

  it('uses weekends only in a year nobody knows, still applying overrides', () => {
    const cal = createWorkingDayCalendar({ overrides: [{ date: '2003-01-01', kind: 'holiday' }] });
    expect(calendar.describe('2003-01-01')).toEqual({ date: '2003-01-01', working: true, reason: 'weekday', knownYear: false });
    expect(cal.describe('2003-01-01')).toMatchObject({ working: false, reason: 'override-holiday', knownYear: false });
  });

  it('rejects malformed dates', () => {
    expect(() => calendar.describe('2025-02-29')).toThrow(InvalidInputError);
    expect(() => calendar.describe('2025-1-5')).toThrow(InvalidInputError);
  });
});

describe('WorkingDayCalendar.knowsYear', () => {
  it('knows the years the package covers (2004–2026 in chinese-days 1.5.7) and no others', () => {
    expect(calendar.knowsYear(2004)).toBe(true);
    expect(calendar.knowsYear(2025)).toBe(true);
    expect(calendar.knowsYear(2026)).toBe(true);
    expect(calendar.knowsYear(2003)).toBe(false);
    expect(calendar.knowsYear(2100)).toBe(false);
  });

  it('knows a year the administrator declared complete, but not one with only some overrides', () => {
    const cal = createWorkingDayCalendar({
      overrides: [{ date: '2100-01-01', kind: 'holiday' }],
      completeYears: [2101],
    });
    expect(cal.knowsYear(2100)).toBe(false);
    expect(cal.knowsYear(2101)).toBe(true);
  });
});

describe('WorkingDayCalendar.addWorkingDays', () => {
  it('counts from the day after the start and traces weekdays off and weekend days worked', () => {
    const sum = calendar.addWorkingDays('2025-01-24', 20);
    expect(sum.date).toBe('2025-02-27');
    expect(sum.unknownYears).toEqual([]);
    // 2/1 and 2/2 are holiday weekend days: they move nothing, so they are not traced.
    expect(sum.crossed.map((d) => `${d.date}:${d.reason}`)).toEqual([
      '2025-01-26:makeup-workday',
      '2025-01-28:holiday',
      '2025-01-29:holiday',
      '2025-01-30:holiday',
      '2025-01-31:holiday',
      '2025-02-03:holiday',
      '2025-02-04:holiday',
      '2025-02-08:makeup-workday',
    ]);
  });

  it('returns the start for n = 0 and rejects negative or fractional n', () => {
    expect(calendar.addWorkingDays('2025-01-28', 0)).toEqual({ date: '2025-01-28', crossed: [], unknownYears: [] });
    expect(() => calendar.addWorkingDays('2025-01-28', -1)).toThrow(InvalidInputError);
    expect(() => calendar.addWorkingDays('2025-01-28', 1.5)).toThrow(InvalidInputError);
  });

  it('skips working days the caller does not count, without tracing them', () => {
    const sum = calendar.addWorkingDays('2025-03-03', 2, { notCounted: (d) => d === '2025-03-04' });
    expect(sum.date).toBe('2025-03-06');
    expect(sum.crossed).toEqual([]);
  });

  it('traces an override that cancels a make-up day even though it falls on a weekend', () => {
    const cal = createWorkingDayCalendar({ overrides: [{ date: '2025-02-08', kind: 'holiday', note: '取消补班' }] });
    const sum = cal.addWorkingDays('2025-02-05', 3);
    // 2/6=1, 2/7=2, [2/8 Sat no longer worked], 2/10=3.
    expect(sum.date).toBe('2025-02-10');
    expect(sum.crossed).toEqual([expect.objectContaining({ date: '2025-02-08', reason: 'override-holiday', note: '取消补班' })]);
  });

  it('does not trace a redundant override (a workday override on a plain weekday)', () => {
    const cal = createWorkingDayCalendar({ overrides: [{ date: '2025-03-04', kind: 'workday' }] });
    expect(cal.addWorkingDays('2025-03-03', 2).crossed).toEqual([]);
  });

  it('reports the unknown years it walked through', () => {
    const sum = calendar.addWorkingDays('2003-12-30', 5);
    // 12/31 Wed=1 (2003, unknown), [2004-01-01 元旦], 1/2 Fri=2, 1/5=3, 1/6=4, 1/7=5.
    expect(sum.date).toBe('2004-01-07');
    expect(sum.unknownYears).toEqual([2003]);
  });

  it('gives up instead of looping forever when nothing can be counted', () => {
    expect(() => calendar.addWorkingDays('2025-01-01', 1, { notCounted: () => true })).toThrow(InvalidInputError);
  });
});

describe('calendar options', () => {
  it('rejects two overrides for one day, bad kinds, bad dates and bad years', () => {
    expect(
      () =>
        new WorkingDayCalendar({
          overrides: [
            { date: '2025-03-05', kind: 'holiday' },
            { date: '2025-03-05', kind: 'workday' },
          ],
        }),
    ).toThrow(/2025-03-05/);
    expect(() => new WorkingDayCalendar({ overrides: [{ date: '2025-03-05', kind: 'weekend' as 'holiday' }] })).toThrow(InvalidInputError);
    expect(() => new WorkingDayCalendar({ overrides: [{ date: '2025/03/05', kind: 'holiday' }] })).toThrow(InvalidInputError);
    expect(() => new WorkingDayCalendar({ completeYears: [2027.5] })).toThrow(InvalidInputError);
  });
});

describe('time-zone independence', () => {
  // Jest cannot change the process time zone, so instead make every local-time Date method throw:
  // the calendar and the due-date computation must get by on UTC arithmetic alone.
  const LOCAL_METHODS = [
    'getFullYear',
    'getMonth',
    'getDate',
    'getDay',
    'getHours',
    'getTimezoneOffset',
    'setFullYear',
    'setMonth',
    'setDate',
    'setHours',
    'toDateString',
    'toLocaleDateString',
  ] as const;
  afterEach(() => jest.restoreAllMocks());

  it('never uses local-time Date methods', () => {
    for (const method of LOCAL_METHODS) {
      jest.spyOn(Date.prototype, method).mockImplementation(() => {
        throw new Error(`local-time Date.prototype.${method} used`);
      });
    }
    expect(() => new Date(0).getDate()).toThrow(/local-time/);
    const cal = createWorkingDayCalendar({ overrides: [{ date: '2025-03-05', kind: 'holiday' }] });
    expect(cal.isWorkingDay('2025-01-27')).toBe(true);
    expect(cal.isWorkingDay('2025-01-28')).toBe(false);
    const result = computeDueDate(
      {
        receivedDate: '2025-01-24',
        consultations: [{ kind: 'third-party', startDate: '2025-02-05' }],
        extension: { workingDays: 2, approver: '张主任', reason: '信息量大', approvedDate: '2025-02-06' },
        today: '2025-02-06',
      },
      cal,
    );
    // 1/26=1, 1/27=2, 2/5=3, [2/6 consulting], 2/7=4, 2/8 Sat=5, … 2/28=20; +2: 3/3, 3/4.
    expect(result.dueDate).toBe('2025-03-04');
  });
});
