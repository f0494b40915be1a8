import { assertTransition, computeDueDate, createWorkingDayCalendar, validateOutcome } from '../../../src/plugins/disclosure/server/src/core/working-days';
import { toHttpError } from '../../../src/plugins/disclosure/server/src/modules/applications/http-errors';
import { StoredDataError } from '../../../src/plugins/disclosure/server/src/modules/applications/due-date-input';

function caught(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return toHttpError(e);
  }
  throw new Error('expected an error');
}
const pathOf = (e: any) => e.details.errors[0].path[0];

describe('toHttpError', () => {
  it('turns an illegal transition into a 400 on applicationStatus naming current and allowed statuses', () => {
    const e = caught(() => assertTransition('awaiting-correction', 'consulting'));
    expect(e.name).toBe('ValidationError');
    expect(pathOf(e)).toBe('applicationStatus');
    expect(e.details).toMatchObject({ currentStatus: 'awaiting-correction', requestedStatus: 'consulting', allowedStatuses: ['received', 'closed'] });
    expect(e.message).toContain('awaiting-correction');
    // the officer's half names statuses by their Chinese names only
    expect(e.message.split(' / ')[0]).not.toMatch(/[a-z]{3,}/);
  });

  it('names the fields a pure rule mentions by their Chinese labels', () => {
    const calendar = createWorkingDayCalendar();
    const e = caught(() => computeDueDate({ receivedDate: '2025-09-26', corrections: [{ requestedDate: '2025-09-20' }] }, calendar));
    const [zh, en] = e.message.split(' / ');
    expect(zh).toContain('“收到申请日期”');
    expect(zh).not.toContain('receivedDate');
    expect(en).toContain('receivedDate');
  });

  it('maps outcome, extension, input and stored-data errors to the application attribute', () => {
    expect(pathOf(caught(() => validateOutcome('answered', null)))).toBe('outcome');
    const calendar = createWorkingDayCalendar();
    const extension = (e: object) => () =>
      computeDueDate({ receivedDate: '2025-09-26', extension: { workingDays: 5, approver: '李', reason: '调档', approvedDate: '2025-10-20', ...e } }, calendar);
    expect(pathOf(caught(extension({ approver: '' })))).toBe('extensionApprover');
    expect(pathOf(caught(extension({ reason: ' ' })))).toBe('extensionReason');
    expect(pathOf(caught(extension({ workingDays: 25 })))).toBe('extensionWorkingDays');
    const consultation = () =>
      computeDueDate({ receivedDate: '2025-09-26', consultations: [{ kind: 'third-party', startDate: '2025-09-20', endDate: '2025-09-30' }] }, calendar);
    expect(pathOf(caught(consultation))).toBe('consultations');
    const correction = () => computeDueDate({ receivedDate: '2025-09-26', corrections: [{ requestedDate: '2025-09-20' }] }, calendar);
    expect(pathOf(caught(correction))).toBe('correctionRequestedDate');
    expect(
      pathOf(
        caught(() => {
          throw new StoredDataError('consultations', '格式不正确', 'bad');
        }),
      ),
    ).toBe('consultations');
  });

  it('passes other errors through unchanged', () => {
    const original = new TypeError('x');
    expect(toHttpError(original)).toBe(original);
  });
});
