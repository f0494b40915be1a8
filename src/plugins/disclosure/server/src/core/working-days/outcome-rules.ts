import { BilingualError } from './errors';
import { type OutcomeCode, isOutcomeCode, OUTCOME_CODES } from './outcomes';
import { type ApplicationStatus, assertTransition, isApplicationStatus, isFinalStatus, STATUS_LABELS } from './state-machine';

export type OutcomeRule = 'required' | 'forbidden' | 'unknown-code' | 'unknown-status' | 'no-correction-needs-awaiting';

export class OutcomeError extends BilingualError {
  constructor(
    readonly rule: OutcomeRule,
    zh: string,
    en: string,
  ) {
    super(`outcome-${rule}`, zh, en);
  }
}

/**
 * Status-only outcome rules: answered/closed need one of the 21 Table 3 outcomes, other statuses
 * must have none (null, undefined and '' all mean none, as form fields send ''). Returns the code.
 */
export function validateOutcome(status: ApplicationStatus, outcome: string | null | undefined): OutcomeCode | null {
  if (!isApplicationStatus(status)) {
    throw new OutcomeError('unknown-status', `未知的申请状态：${JSON.stringify(status)}`, `unknown application status: ${JSON.stringify(status)}`);
  }
  const present = outcome !== null && outcome !== undefined && outcome !== '';
  const label = STATUS_LABELS[status].zh;
  if (!isFinalStatus(status)) {
    if (!present) return null;
    throw new OutcomeError(
      'forbidden',
      `状态“${label}”（${status}）不能有办理结果，办理结果只在“已答复”或“已终止”时填写`,
      `status "${status}" cannot have an outcome; outcomes belong to "answered" and "closed" only`,
    );
  }
  if (!present) {
    throw new OutcomeError(
      'required',
      `状态“${label}”（${status}）必须填写办理结果（年度报告表三的一项）`,
      `status "${status}" needs an outcome (one of the Table 3 rows)`,
    );
  }
  if (!isOutcomeCode(outcome)) {
    throw new OutcomeError(
      'unknown-code',
      `未知的办理结果：${JSON.stringify(outcome)}；可用：${OUTCOME_CODES.join('、')}`,
      `unknown outcome ${JSON.stringify(outcome)}; known: ${OUTCOME_CODES.join(', ')}`,
    );
  }
  return outcome;
}

/**
 * Everything checked when an application changes status: the transition itself, the outcome for
 * the new status, and that other.noCorrection (逾期不补正) ends only an application awaiting a
 * correction — the one rule that depends on where the application comes from.
 */
export function validateTransition(from: ApplicationStatus, to: ApplicationStatus, outcome: string | null | undefined): OutcomeCode | null {
  assertTransition(from, to);
  const code = validateOutcome(to, outcome);
  if (code === 'other.noCorrection' && from !== 'awaiting-correction') {
    throw new OutcomeError(
      'no-correction-needs-awaiting',
      `“逾期不补正”只能用于“待补正”的申请，当前状态为“${STATUS_LABELS[from].zh}”（${from}）`,
      `other.noCorrection only ends an application awaiting correction; current status is "${from}"`,
    );
  }
  return code;
}
