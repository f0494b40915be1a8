import {
  CHINESE_DAYS_DATA,
  computeDueDate,
  createWorkingDayCalendar,
  type DueDateInput,
  type DueDateResult,
  ExtensionRejectedError,
  type HolidayData,
  InvalidInputError,
  type Step,
} from '../../../src/plugins/disclosure/server/src/core/working-days';

const calendar = createWorkingDayCalendar();

function running(result: DueDateResult) {
  if (result.status !== 'running') throw new Error(`expected a running period, got ${result.status}`);
  return result;
}

function stepsOf<K extends Step['kind']>(result: DueDateResult, kind: K): Extract<Step, { kind: K }>[] {
  return result.explanation.filter((s): s is Extract<Step, { kind: K }> => s.kind === kind);
}

/** chinese-days data as an older release would have shipped it: nothing after `lastYear`. */
function dataUpTo(lastYear: number): HolidayData {
  const keep = (m: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(m).filter(([d]) => Number(d.slice(0, 4)) <= lastYear));
  return { holidays: keep(CHINESE_DAYS_DATA.holidays), workdays: keep(CHINESE_DAYS_DATA.workdays) };
}

describe('administrator overrides', () => {
  it('an added holiday moves the due date one working day later and is explained with its note', () => {
    const cal = createWorkingDayCalendar({ overrides: [{ date: '2025-02-12', kind: 'holiday', note: '地方性假日' }] });
    // Fri 1/24: …, 2/10=7, 2/11=8, [2/12 override], 2/13=9, 2/14=10, 2/17..2/21=11..15, 2/24..2/28=16..20.
    const result = running(computeDueDate({ receivedDate: '2025-01-24' }, cal));
    expect(result.dueDate).toBe('2025-02-28');
    const step = stepsOf(result, 'calendar').find((s) => s.reason === 'override-holiday');
    expect(step).toMatchObject({ from: '2025-02-12', to: '2025-02-12', days: 1, counted: false, note: '地方性假日' });
    expect(step?.zh).toContain('地方性假日');
    expect(step?.en).toContain('set as a day off by an administrator');
  });

  it('a Sunday made a working day moves the due date one working day earlier', () => {
    const cal = createWorkingDayCalendar({ overrides: [{ date: '2025-02-09', kind: 'workday', note: '集中办理' }] });
    // Fri 1/24: 1/26=1, 1/27=2, 2/5..2/7=3..5, 2/8=6, 2/9 override=7, 2/10..2/14=8..12, 2/17..2/21=13..17, 2/24..2/26=18..20.
    const result = running(computeDueDate({ receivedDate: '2025-01-24' }, cal));
    expect(result.dueDate).toBe('2025-02-26');
    expect(stepsOf(result, 'calendar').find((s) => s.reason === 'override-workday')).toMatchObject({
      from: '2025-02-09',
      counted: true,
      note: '集中办理',
    });
  });
});

describe('years without a calendar', () => {
  it('is provisional when the walk enters a year the package does not know (2003)', () => {
    // Wed 2003-12-17 → 12/18=1, 12/19=2, 12/22..12/26=3..7, 12/29..12/31=8..10 (weekends only in 2003),
    // [2004-01-01 元旦], 1/2=11, 1/5..1/9=12..16, 1/12..1/15=17..20.
    const result = running(computeDueDate({ receivedDate: '2003-12-17' }, calendar));
    expect(result.dueDate).toBe('2004-01-15');
    expect(result.provisional).toBe(true);
    expect(result.missingCalendarYears).toEqual([2003]);
    expect(stepsOf(result, 'unknown-year')).toEqual([expect.objectContaining({ year: 2003 })]);
    expect(result.explanation.at(-1)).toMatchObject({ kind: 'result', date: '2004-01-15' });
    expect(result.explanation.at(-1)?.zh).toContain('暂定');
  });

  it('a stale package makes next year weekends-only, and completing it by overrides fixes the date', () => {
    const stale = createWorkingDayCalendar({ data: dataUpTo(2025) });
    // Mon 2025-12-15 → 12/16..12/19=1..4, 12/22..12/26=5..9, 12/29..12/31=10..12,
    // 2026 unknown: 1/1=13, 1/2=14, 1/5..1/9=15..19, 1/12=20.
    const guess = running(computeDueDate({ receivedDate: '2025-12-15' }, stale));
    expect(guess).toMatchObject({ dueDate: '2026-01-12', provisional: true, missingCalendarYears: [2026] });

    const completed = createWorkingDayCalendar({
      data: dataUpTo(2025),
      completeYears: [2026],
      overrides: [
        { date: '2026-01-01', kind: 'holiday', note: '元旦' },
        { date: '2026-01-02', kind: 'holiday', note: '元旦' },
        { date: '2026-01-03', kind: 'holiday', note: '元旦' },
        { date: '2026-01-04', kind: 'workday', note: '元旦调休上班' },
      ],
    });
    // Same as with the real 2026 calendar: 12/31=12, [1/1–1/3], 1/4 Sun=13, 1/5..1/9=14..18, 1/12=19, 1/13=20.
    const fixed = running(computeDueDate({ receivedDate: '2025-12-15' }, completed));
    expect(fixed).toMatchObject({ dueDate: '2026-01-13', provisional: false, missingCalendarYears: [] });
    expect(computeDueDate({ receivedDate: '2025-12-15' }, calendar).dueDate).toBe('2026-01-13');
  });

  it('an outstanding correction whose 7-day limit crosses into an unknown year is provisional too', () => {
    const stale = createWorkingDayCalendar({ data: dataUpTo(2025) });
    const result = computeDueDate({ receivedDate: '2025-12-29', corrections: [{ requestedDate: '2025-12-30' }] }, stale);
    expect(result).toMatchObject({ status: 'awaiting-correction', provisional: true, missingCalendarYears: [2026] });
  });
});

describe('explanation', () => {
  it('lists the start, holidays and make-up days with their names, then the result', () => {
    const result = computeDueDate({ receivedDate: '2025-01-24' }, calendar);
    expect(result.explanation.map((s) => s.kind)).toEqual(['received', 'calendar', 'calendar', 'calendar', 'result']);
    const [received, makeup1, holiday, makeup2, last] = result.explanation;
    expect(received).toMatchObject({ date: '2025-01-24' });
    expect(received.zh).toBe('2025年1月24日（周五）收到申请；收到当日不计入，期限自次日起算');
    expect(received.en).toContain('Fri 2025-01-24');
    expect(makeup1).toMatchObject({ reason: 'makeup-workday', from: '2025-01-26', to: '2025-01-26', counted: true });
    expect(makeup1.zh).toBe('2025年1月26日（周日）为春节调休上班日，1日计入期限');
    expect(holiday).toMatchObject({ reason: 'holiday', from: '2025-01-28', to: '2025-02-04', days: 6, counted: false });
    expect(holiday.zh).toBe('2025年1月28日（周二）至2025年2月4日（周二）为春节假期，6个工作日不计入期限');
    expect(holiday.en).toBe('Tue 2025-01-28 to Tue 2025-02-04: Spring Festival holiday, 6 weekday(s) not counted');
    expect(makeup2).toMatchObject({ reason: 'makeup-workday', from: '2025-02-08' });
    expect(last).toMatchObject({ kind: 'result', date: '2025-02-27' });
    expect(last.zh).toBe('答复期限为2025年2月27日（周四）');
    expect(last.en).toBe('Due date: Thu 2025-02-27');
  });

  it('keeps the order start, correction, consultation, calendar, extension, result', () => {
    const result = computeDueDate(
      {
        receivedDate: '2026-09-18',
        corrections: [{ requestedDate: '2026-09-21', receivedDate: '2026-09-23' }],
        consultations: [{ kind: 'co-producer', startDate: '2026-10-12', endDate: '2026-10-16' }],
        extension: { workingDays: 5, approver: '赵主任', reason: '共同制作机关意见需核实', approvedDate: '2026-10-30' },
      },
      calendar,
    );
    expect(result.explanation.map((s) => s.kind)).toEqual([
      'received',
      'correction-requested',
      'correction-received',
      'consultation',
      'calendar', // 9/25 中秋
      'calendar', // 10/1–10/7 国庆
      'calendar', // 10/10 make-up Saturday
      'extension',
      'result',
    ]);
    const [consultation] = stepsOf(result, 'consultation');
    expect(consultation).toMatchObject({ countedUntil: '2026-10-16', excludedWorkingDays: 4, open: false, capped: false });
    expect(consultation.zh).toContain('第三十四条');
    expect(stepsOf(result, 'calendar').map((s) => [s.from, s.to, s.name?.zh])).toEqual([
      ['2026-09-25', '2026-09-25', '中秋'],
      ['2026-10-01', '2026-10-07', '国庆节'],
      ['2026-10-10', '2026-10-10', '国庆节'],
    ]);
    const [extension] = stepsOf(result, 'extension');
    expect(extension).toMatchObject({ from: '2026-11-03', to: '2026-11-10', workingDays: 5, approver: '赵主任' });
    expect(extension.zh).toContain('赵主任');
    expect(extension.zh).toContain('共同制作机关意见需核实');
    expect(extension.en).toContain('approved by 赵主任');
  });

  it('counts a consultation spanning National Day by its working days only', () => {
    const result = computeDueDate(
      { receivedDate: '2025-09-15', consultations: [{ kind: 'co-producer', startDate: '2025-09-26', endDate: '2025-10-17' }] },
      calendar,
    );
    // 9/28 Sun make-up, 9/29, 9/30, 10/9, 10/10, 10/11 Sat make-up, 10/13–10/17.
    expect(stepsOf(result, 'consultation')[0].excludedWorkingDays).toBe(11);
  });

  it('says when two consultations overlap', () => {
    const result = computeDueDate(
      {
        receivedDate: '2025-09-15',
        consultations: [
          { kind: 'third-party', startDate: '2025-09-17', endDate: '2025-09-19' },
          { kind: 'co-producer', startDate: '2025-09-18', endDate: '2025-09-23' },
        ],
      },
      calendar,
    );
    const [first, second] = stepsOf(result, 'consultation');
    expect(first.en).not.toContain('excluded once');
    expect(second.en).toContain('excluded once');
  });
});

describe('corrections', () => {
  it('while outstanding there is no due date, only the date the applicant must answer by', () => {
    const result = computeDueDate({ receivedDate: '2026-02-13', corrections: [{ requestedDate: '2026-02-14', answerBy: '2026-03-02' }] }, calendar);
    expect(result).toMatchObject({ status: 'awaiting-correction', dueDate: null, answerBy: '2026-03-02', correctionLimit: '2026-03-02' });
    expect(result.warnings).toEqual([]);
    expect(result.explanation.map((s) => s.kind)).toEqual(['received', 'correction-requested', 'awaiting-correction']);
    expect(result.explanation.at(-1)?.zh).toContain('2026年3月2日');
  });

  it('flags a request made after the 7-working-day limit, and not one made on the limit', () => {
    const late = computeDueDate({ receivedDate: '2025-09-26', corrections: [{ requestedDate: '2025-10-14', receivedDate: '2025-10-14' }] }, calendar);
    expect(late.warnings.map((w) => w.code)).toEqual(['correction-requested-late']);
    expect(stepsOf(late, 'correction-requested')[0]).toMatchObject({ late: true, limit: '2025-10-13' });
    const onTime = computeDueDate({ receivedDate: '2025-09-26', corrections: [{ requestedDate: '2025-10-13', receivedDate: '2025-10-15' }] }, calendar);
    expect(onTime.warnings).toEqual([]);
  });

  it('allows only one correction request (Art. 30) and rejects impossible dates', () => {
    const twice: DueDateInput = {
      receivedDate: '2025-03-03',
      corrections: [
        { requestedDate: '2025-03-04', receivedDate: '2025-03-05' },
        { requestedDate: '2025-03-06', receivedDate: '2025-03-07' },
      ],
    };
    expect(() => computeDueDate(twice, calendar)).toThrow(InvalidInputError);
    expect(() => computeDueDate({ receivedDate: '2025-03-03', corrections: [{ requestedDate: '2025-03-02' }] }, calendar)).toThrow(/requestedDate/);
    expect(() => computeDueDate({ receivedDate: '2025-03-03', corrections: [{ requestedDate: '2025-03-05', receivedDate: '2025-03-04' }] }, calendar)).toThrow(
      /receivedDate/,
    );
  });
});

describe('consultations', () => {
  it('caps an answer that came after 15 working days and warns', () => {
    const result = running(
      computeDueDate({ receivedDate: '2026-02-13', consultations: [{ kind: 'third-party', startDate: '2026-03-02', endDate: '2026-04-10' }] }, calendar),
    );
    expect(stepsOf(result, 'consultation')[0]).toMatchObject({ countedUntil: '2026-03-23', capped: true, excludedWorkingDays: 15 });
    expect(result.warnings.map((w) => w.code)).toEqual(['consultation-reply-after-cap']);
    expect(result.openConsultation).toBe(false);
  });

  it('an open consultation counts until today and marks the result as moving', () => {
    const input: DueDateInput = {
      receivedDate: '2026-09-07',
      consultations: [{ kind: 'third-party', startDate: '2026-09-17' }],
      today: '2026-09-23',
    };
    const result = running(computeDueDate(input, calendar));
    expect(result.openConsultation).toBe(true);
    expect(stepsOf(result, 'consultation')[0]).toMatchObject({ open: true, countedUntil: '2026-09-23', excludedWorkingDays: 5 });
    // One working day later the due date moves one working day: 10/16 Fri → 10/19 Mon.
    expect(computeDueDate({ ...input, today: '2026-09-24' }, calendar).dueDate).toBe('2026-10-19');
  });

  it('an open consultation past its cap stops moving the due date', () => {
    // Cap of 9/17: 9/18=1, 9/20 Sun=2, 9/21..9/24=3..6, [9/25 中秋], 9/28..9/30=7..9, [10/1–10/7],
    // 10/8=10, 10/9=11, 10/10 Sat=12, 10/12..10/14=13..15 → 10/14.
    const at = (today: string) =>
      running(computeDueDate({ receivedDate: '2026-09-07', consultations: [{ kind: 'third-party', startDate: '2026-09-17' }], today }, calendar));
    expect(at('2026-10-20').dueDate).toBe(at('2026-11-30').dueDate);
    expect(at('2026-10-20')).toMatchObject({ openConsultation: false });
    expect(stepsOf(at('2026-10-20'), 'consultation')[0]).toMatchObject({ countedUntil: '2026-10-14', capped: true });
  });

  it('an answer on the day of sending excludes nothing', () => {
    const result = computeDueDate(
      { receivedDate: '2025-01-24', consultations: [{ kind: 'third-party', startDate: '2025-02-05', endDate: '2025-02-05' }] },
      calendar,
    );
    expect(result.dueDate).toBe('2025-02-27');
    expect(stepsOf(result, 'consultation')[0].excludedWorkingDays).toBe(0);
  });

  it('needs today for an open consultation and rejects inconsistent dates', () => {
    const base = { receivedDate: '2025-03-03' };
    expect(() => computeDueDate({ ...base, consultations: [{ kind: 'third-party', startDate: '2025-03-04' }] }, calendar)).toThrow(
      expect.objectContaining({ field: 'today' }),
    );
    expect(() => computeDueDate({ ...base, consultations: [{ kind: 'third-party', startDate: '2025-03-04', endDate: '2025-03-03' }] }, calendar)).toThrow(
      InvalidInputError,
    );
    expect(() => computeDueDate({ ...base, consultations: [{ kind: 'third-party', startDate: '2025-03-01', endDate: '2025-03-05' }] }, calendar)).toThrow(
      InvalidInputError,
    );
    expect(() =>
      computeDueDate({ ...base, consultations: [{ kind: 'expert' as 'third-party', startDate: '2025-03-04', endDate: '2025-03-05' }] }, calendar),
    ).toThrow(InvalidInputError);
  });
});

describe('extensions', () => {
  const base = { receivedDate: '2025-09-26' };
  const ext = { workingDays: 10, approver: '张主任', reason: '需要调取档案', approvedDate: '2025-10-28' };

  it('rejects an extension without an approver or a reason, with a bilingual message', () => {
    for (const approver of ['', '   ']) {
      const attempt = () => computeDueDate({ ...base, extension: { ...ext, approver } }, calendar);
      expect(attempt).toThrow(ExtensionRejectedError);
      expect(attempt).toThrow(expect.objectContaining({ rejection: 'approver-missing' }));
      expect(attempt).toThrow(/负责人同意.*no approver given/);
    }
    expect(() => computeDueDate({ ...base, extension: { ...ext, reason: ' ' } }, calendar)).toThrow(expect.objectContaining({ rejection: 'reason-missing' }));
  });

  it('rejects more than 20 working days and anything that is not a positive whole number', () => {
    expect(() => computeDueDate({ ...base, extension: { ...ext, workingDays: 21 } }, calendar)).toThrow(expect.objectContaining({ rejection: 'too-long' }));
    for (const workingDays of [0, -1, 2.5, Number.NaN]) {
      expect(() => computeDueDate({ ...base, extension: { ...ext, workingDays } }, calendar)).toThrow(
        expect.objectContaining({ rejection: 'not-a-positive-integer' }),
      );
    }
    expect(running(computeDueDate({ ...base, extension: { ...ext, workingDays: 20 } }, calendar)).dueDate).toBe('2025-11-27');
  });

  it('warns when the extension was approved after the original due date', () => {
    const late = computeDueDate({ ...base, extension: { ...ext, approvedDate: '2025-10-31' } }, calendar);
    expect(late.warnings.map((w) => w.code)).toEqual(['extension-approved-late']);
    const onTime = computeDueDate({ ...base, extension: { ...ext, approvedDate: '2025-10-30' } }, calendar);
    expect(onTime.warnings).toEqual([]);
  });
});

describe('input validation', () => {
  it('rejects a malformed date of receipt, naming the field in both languages', () => {
    const attempt = () => computeDueDate({ receivedDate: '2025-02-30' }, calendar);
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(/receivedDate 必须是有效日期.*receivedDate must be a real date/);
  });
});
