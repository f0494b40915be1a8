import {
  allowedTransitions,
  APPLICATION_STATUSES,
  type ApplicationStatus,
  assertTransition,
  canTransition,
  TransitionError,
} from '../../../src/plugins/disclosure/server/src/core/working-days';

// The brief's list, written out independently of TRANSITIONS.
const EXPECTED = new Set([
  'received→awaiting-correction',
  'awaiting-correction→received',
  'received→consulting',
  'consulting→received',
  'received→extended',
  'consulting→extended',
  'extended→consulting',
  'received→answered',
  'consulting→answered',
  'extended→answered',
  'received→closed',
  'awaiting-correction→closed',
  'consulting→closed',
  'extended→closed',
  'submitted→received',
  'submitted→dismissed',
]);

const pairs = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => [from, to] as const));

describe('application state machine', () => {
  it('has the six statuses of an application received, and the two of an online submission before its receipt', () => {
    expect(APPLICATION_STATUSES).toEqual(['submitted', 'received', 'awaiting-correction', 'consulting', 'extended', 'answered', 'closed', 'dismissed']);
  });

  it.each(pairs)('%s → %s is allowed exactly when listed', (from, to) => {
    const expected = EXPECTED.has(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(expected);
    if (expected) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(TransitionError);
  });

  it('has no way out of answered or closed, answered→closed included', () => {
    expect(allowedTransitions('answered')).toEqual([]);
    expect(allowedTransitions('closed')).toEqual([]);
  });

  it('names the current status and the allowed ones, in Chinese and English', () => {
    let error: unknown;
    try {
      assertTransition('awaiting-correction', 'answered');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TransitionError);
    const t = error as TransitionError;
    expect(t).toMatchObject({ from: 'awaiting-correction', to: 'answered', allowed: ['received', 'closed'] });
    expect(t.zh).toBe('当前状态“待补正”（awaiting-correction）不能转为“已答复”（answered）；只能转为：“已收到”（received）、“已终止”（closed）');
    expect(t.en).toBe('current status "awaiting-correction" cannot change to "answered"; allowed: "received", "closed"');
    expect(t.message).toContain(t.zh);
    expect(t.message).toContain(t.en);
  });

  it('says a final status is final', () => {
    expect(() => assertTransition('answered', 'closed')).toThrow(/“已答复”（answered）为终结状态.*"answered" is final/);
  });

  it('rejects unknown statuses coming from untyped data', () => {
    expect(() => assertTransition('pending' as ApplicationStatus, 'answered')).toThrow(/unknown application status \(from\): "pending"/);
    expect(() => assertTransition('received', 'done' as ApplicationStatus)).toThrow(TransitionError);
    expect(canTransition('pending' as ApplicationStatus, 'answered')).toBe(false);
  });
});
