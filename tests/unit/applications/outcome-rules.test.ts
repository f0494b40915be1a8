import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  isOutcomeCode,
  OUTCOME_CODES,
  OutcomeError,
  outcomeLabel,
  TransitionError,
  validateOutcome,
  validateTransition,
} from '../../../src/plugins/disclosure/server/src/core/working-days';
import reference from '../../../../shared/reference/annual-report-format.json';

// The rows marked "outcome": true in the national reference (Table 3), in order.
const TABLE_3_OUTCOMES = (reference as any).tables.applications.rows.filter((r: any) => r.outcome).map((r: any) => r.code);

const OPEN: ApplicationStatus[] = ['submitted', 'received', 'awaiting-correction', 'consulting', 'extended', 'dismissed'];
const FINAL: ApplicationStatus[] = ['answered', 'closed'];

describe('outcome codes', () => {
  it('are the 21 outcome rows of Table 3, in order', () => {
    expect(OUTCOME_CODES).toEqual(TABLE_3_OUTCOMES);
    expect(OUTCOME_CODES).toHaveLength(21);
  });

  it('have their Table 3 labels', () => {
    expect(outcomeLabel('other.noCorrection')).toContain('逾期不补正');
    expect(outcomeLabel('withheld.stateSecret')).toBe('（三）不予公开 1.属于国家秘密');
    expect(isOutcomeCode('withheld')).toBe(false);
  });
});

describe('validateOutcome', () => {
  it.each(FINAL)('requires an outcome on %s', (status) => {
    for (const missing of [null, undefined, '']) {
      expect(() => validateOutcome(status, missing)).toThrow(expect.objectContaining({ rule: 'required' }));
    }
    expect(validateOutcome(status, 'granted')).toBe('granted');
  });

  it.each(OPEN)('forbids an outcome on %s', (status) => {
    expect(() => validateOutcome(status, 'granted')).toThrow(expect.objectContaining({ rule: 'forbidden' }));
    expect(validateOutcome(status, null)).toBeNull();
    expect(validateOutcome(status, '')).toBeNull();
  });

  it('rejects codes that are not Table 3 rows, and unknown statuses', () => {
    expect(() => validateOutcome('answered', 'withheld')).toThrow(expect.objectContaining({ rule: 'unknown-code' }));
    expect(() => validateOutcome('done' as ApplicationStatus, 'granted')).toThrow(OutcomeError);
  });

  it('covers every status', () => {
    expect([...OPEN, ...FINAL].sort()).toEqual([...APPLICATION_STATUSES].sort());
  });
});

describe('validateTransition', () => {
  it('lets awaiting-correction close with other.noCorrection', () => {
    expect(validateTransition('awaiting-correction', 'closed', 'other.noCorrection')).toBe('other.noCorrection');
  });

  it.each(['received', 'consulting', 'extended'] as const)('refuses other.noCorrection when closing from %s', (from) => {
    expect(() => validateTransition(from, 'closed', 'other.noCorrection')).toThrow(expect.objectContaining({ rule: 'no-correction-needs-awaiting' }));
    expect(validateTransition(from, 'closed', 'other.other')).toBe('other.other');
  });

  it('checks the transition before the outcome', () => {
    expect(() => validateTransition('answered', 'closed', 'other.other')).toThrow(TransitionError);
    expect(() => validateTransition('awaiting-correction', 'answered', 'granted')).toThrow(TransitionError);
  });

  it('applies the status rules to the new status', () => {
    expect(() => validateTransition('received', 'answered', null)).toThrow(expect.objectContaining({ rule: 'required' }));
    expect(() => validateTransition('received', 'consulting', 'granted')).toThrow(expect.objectContaining({ rule: 'forbidden' }));
    expect(validateTransition('received', 'consulting', undefined)).toBeNull();
  });
});
