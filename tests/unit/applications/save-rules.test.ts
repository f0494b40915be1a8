import { computeDueDate, createWorkingDayCalendar } from '../../../src/plugins/disclosure/server/src/core/working-days';
import { dueDateInputOf } from '../../../src/plugins/disclosure/server/src/modules/applications/due-date-input';
import { memoizedDueDate } from '../../../src/plugins/disclosure/server/src/modules/applications/import/bulk-writer';
import { applySaveRules, COMPUTED_FIELDS } from '../../../src/plugins/disclosure/server/src/modules/applications/save-rules';

const calendar = createWorkingDayCalendar({ overrides: [], completeYears: [] });
const TODAY = '2026-11-30';

describe('applySaveRules', () => {
  it('replaces client values of the computed fields by the computed ones', () => {
    const data: Record<string, any> = {
      applicationStatus: 'received',
      receivedDate: '2024-03-04',
      dueDate: '2099-01-01',
      dueDateProvisional: true,
      correctionLimit: '2099-01-02',
      missingCalendarYears: [1999],
    };
    applySaveRules(null, data, TODAY, calendar);
    const expected = computeDueDate(dueDateInputOf({ receivedDate: '2024-03-04' }, TODAY), calendar);
    expect(data).toMatchObject({ dueDate: expected.dueDate, dueDateProvisional: expected.provisional, missingCalendarYears: expected.missingCalendarYears });
    expect(data.dueDate).toBe('2024-04-01');
  });

  it('drops computed values it cannot compute instead of storing them', () => {
    // an online submission has no receipt date yet, so no due date
    const data: Record<string, any> = { applicationStatus: 'submitted', channel: 'online', dueDate: '2099-01-01', correctionLimit: '2099-01-02' };
    applySaveRules(null, data, TODAY, calendar);
    for (const f of COMPUTED_FIELDS) expect(data[f]).toBeUndefined();
  });

  it('receives an online submission on the day the office confirms it (Art. 31(3)), not before, and needs a reason to dismiss one', () => {
    const submitted = { applicationStatus: 'submitted', channel: 'online', submittedAt: '2026-10-31T15:30:00.000Z' };
    const fieldOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e: any) {
        return e.details.errors[0].path[0];
      }
      return null;
    };
    expect(fieldOf(() => applySaveRules(null, { ...submitted, receivedDate: '2026-11-02' }, TODAY, calendar))).toBe('receivedDate');
    expect(fieldOf(() => applySaveRules(null, { ...submitted, channel: 'post' }, TODAY, calendar))).toBe('channel');
    expect(fieldOf(() => applySaveRules(null, { applicationStatus: 'received', channel: 'post' }, TODAY, calendar))).toBe('receivedDate');
    // 签收 without a date: today, and the clock runs from it
    const confirm: Record<string, any> = { applicationStatus: 'received' };
    applySaveRules(submitted, confirm, TODAY, calendar);
    expect(confirm.receivedDate).toBe(TODAY);
    expect(confirm.dueDate).toBe(computeDueDate(dueDateInputOf({ receivedDate: TODAY }, TODAY), calendar).dueDate);
    // 23:30 UTC on 10-31 is 11-01 in Shanghai: a receipt on 10-31 would be before the submission
    expect(fieldOf(() => applySaveRules(submitted, { applicationStatus: 'received', receivedDate: '2026-10-31' }, TODAY, calendar))).toBe(null);
    const lateEvening = { ...submitted, submittedAt: '2026-10-31T16:30:00.000Z' };
    expect(fieldOf(() => applySaveRules(lateEvening, { applicationStatus: 'received', receivedDate: '2026-10-31' }, TODAY, calendar))).toBe('receivedDate');
    expect(fieldOf(() => applySaveRules(submitted, { applicationStatus: 'dismissed' }, TODAY, calendar))).toBe('dismissalReason');
    expect(applySaveRules(submitted, { applicationStatus: 'dismissed', dismissalReason: '广告' }, TODAY, calendar)).toEqual({
      from: 'submitted',
      to: 'dismissed',
    });
  });

  it('fills the defaults of a creation in a final status and refuses a missing outcome', () => {
    const data: Record<string, any> = { applicationStatus: 'answered', outcome: 'granted', receivedDate: '2026-11-02' };
    expect(applySaveRules(null, data, TODAY, calendar)).toEqual({ from: null, to: 'answered' });
    expect(data.answeredDate).toBe(TODAY);
    expect(() => applySaveRules(null, { applicationStatus: 'closed', receivedDate: '2024-03-04' }, TODAY, calendar)).toThrow();
  });
});

describe('memoizedDueDate', () => {
  it('answers what computeDueDate answers, computing each distinct input once per calendar', () => {
    const memo = memoizedDueDate();
    const inputs = ['2024-03-04', '2024-09-27', '2024-03-04'].map((d) => dueDateInputOf({ receivedDate: d }, TODAY));
    for (const input of inputs) expect(memo(input, calendar)).toEqual(computeDueDate(input, calendar));
    expect(memo(inputs[0], calendar)).toBe(memo(inputs[2], calendar));
    const other = createWorkingDayCalendar({ overrides: [{ date: '2024-03-05', kind: 'holiday', note: null }], completeYears: [] });
    expect(memo(inputs[0], other).dueDate).toBe(computeDueDate(inputs[0], other).dueDate);
    expect(memo(inputs[0], other).dueDate).not.toBe(memo(inputs[0], calendar).dueDate);
  });
});
