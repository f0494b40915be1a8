import { createWorkingDayCalendar, InvalidInputError, overdueStatus } from '../../../src/plugins/disclosure/server/src/core/working-days';

const calendar = createWorkingDayCalendar();

describe('overdueStatus', () => {
  it('is overdue only from the day after the due date', () => {
    expect(overdueStatus('2025-02-27', '2025-02-28', calendar)).toBe('overdue');
    expect(overdueStatus('2025-02-27', '2025-02-27', calendar)).toBe('due-soon');
  });

  it('is due soon within 3 working days and on time from the 4th', () => {
    // Mon 2/24 + 3 working days = Thu 2/27 → due soon; Fri 2/21 + 3 = Wed 2/26 → on time.
    expect(overdueStatus('2025-02-27', '2025-02-24', calendar)).toBe('due-soon');
    expect(overdueStatus('2025-02-27', '2025-02-21', calendar)).toBe('on-time');
  });

  it('counts working days, so a holiday stretches "soon" over many calendar days', () => {
    // Fri 1/24: 1/26 Sun make-up=1, 1/27=2, [1/28–2/4 春节], 2/5=3 → due 2/5 is soon, 12 days away.
    expect(overdueStatus('2025-02-05', '2025-01-24', calendar)).toBe('due-soon');
    // Thu 1/23: 1/24=1, 1/26=2, 1/27=3 → 2/5 is further than that.
    expect(overdueStatus('2025-02-05', '2025-01-23', calendar)).toBe('on-time');
  });

  it('rejects malformed dates', () => {
    expect(() => overdueStatus('2025-02-27', '27/02/2025', calendar)).toThrow(InvalidInputError);
  });
});
