import { computeDueDate, createWorkingDayCalendar } from '../../../src/plugins/disclosure/server/src/core/working-days';
import { DUE_DATE_VECTORS } from './due-date-vectors';

const calendar = createWorkingDayCalendar();

describe('due-date vectors worked out by hand from the 2025 and 2026 holiday notices', () => {
  it('has enough vectors to cover the holidays', () => {
    expect(DUE_DATE_VECTORS.length).toBeGreaterThanOrEqual(24);
    expect(new Set(DUE_DATE_VECTORS.map((v) => v.name)).size).toBe(DUE_DATE_VECTORS.length);
  });

  it.each(DUE_DATE_VECTORS.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const result = computeDueDate(vector.input, calendar);
    expect(result.status).toBe(vector.expected.status);
    expect(result.dueDate).toBe(vector.expected.dueDate);
    expect(result.provisional).toBe(false);
    expect(result.missingCalendarYears).toEqual([]);
    if (vector.expected.correctionLimit) expect(result.correctionLimit).toBe(vector.expected.correctionLimit);
    if (vector.expected.baseDueDate) {
      expect(result.status === 'running' && result.baseDueDate).toBe(vector.expected.baseDueDate);
    }
  });
});
