import { BilingualError } from './errors';

export const APPLICATION_STATUSES = ['submitted', 'received', 'awaiting-correction', 'consulting', 'extended', 'answered', 'closed', 'dismissed'] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<ApplicationStatus, { zh: string; en: string }>> = {
  // 待处理 is also the name of a comment waiting for moderation (one code, one name in the admin).
  submitted: { zh: '待处理', en: 'submitted online, receipt not confirmed' },
  received: { zh: '已收到', en: 'received' },
  'awaiting-correction': { zh: '待补正', en: 'awaiting correction' },
  consulting: { zh: '征求意见中', en: 'consulting' },
  extended: { zh: '已延期', en: 'extended' },
  answered: { zh: '已答复', en: 'answered' },
  closed: { zh: '已终止', en: 'closed' },
  dismissed: { zh: '不作为申请处理', en: 'not an application' },
};

/**
 * Allowed status changes, as data. answered and closed are final: the outcome recorded with them
 * is the one row Table 3 counts, so nothing may change it afterwards. In particular answered→closed
 * is not allowed — an answered application is already finished, and a later "close" would invite
 * recording a second outcome. awaiting-correction→closed is how "no correction in time" ends
 * (outcome other.noCorrection). Art. 30 allows one correction request; that is checked by
 * computeDueDate, which sees the history, not here.
 * An online submission is not received until the office confirms it (Art. 31(3)): submitted→received is
 * that confirmation; submitted→dismissed closes what is not an application at all (spam, a 信访 letter
 * sent through the form), which never counts in Table 3.
 */
export const TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  submitted: ['received', 'dismissed'],
  received: ['awaiting-correction', 'consulting', 'extended', 'answered', 'closed'],
  'awaiting-correction': ['received', 'closed'],
  consulting: ['received', 'extended', 'answered', 'closed'],
  extended: ['consulting', 'answered', 'closed'],
  answered: [],
  closed: [],
  dismissed: [],
};

/** Statuses that end an application and carry its Table 3 outcome. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['answered', 'closed'];

/** Statuses before the office has received the application: no receipt date, no legal clock, not in Table 3. */
export const PRE_RECEIPT_STATUSES: readonly ApplicationStatus[] = ['submitted', 'dismissed'];

/** Statuses whose legal clock runs (or is paused for a correction or consultation): the officer's open work. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['received', 'awaiting-correction', 'consulting', 'extended'];

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function isFinalStatus(status: ApplicationStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function allowedTransitions(from: ApplicationStatus): readonly ApplicationStatus[] {
  return TRANSITIONS[from] ?? [];
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return isApplicationStatus(from) && allowedTransitions(from).includes(to);
}

export class TransitionError extends BilingualError {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly ApplicationStatus[],
    zh: string,
    en: string,
  ) {
    super('invalid-transition', zh, en);
  }
}

/** Throws a TransitionError naming the current status and the ones allowed from it. Call only on a change. */
export function assertTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  // Values may come from the database or a request body, so the types are checked at run time too.
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isApplicationStatus(value)) {
      throw new TransitionError(
        from,
        to,
        [],
        `未知的申请状态（${field}）：${JSON.stringify(value)}；可用状态：${APPLICATION_STATUSES.join('、')}`,
        `unknown application status (${field}): ${JSON.stringify(value)}; known: ${APPLICATION_STATUSES.join(', ')}`,
      );
    }
  }
  const allowed = allowedTransitions(from);
  if (allowed.includes(to)) return;
  const cur = `“${STATUS_LABELS[from].zh}”（${from}）`;
  const target = `“${STATUS_LABELS[to].zh}”（${to}）`;
  if (allowed.length === 0) {
    throw new TransitionError(
      from,
      to,
      allowed,
      `当前状态${cur}为终结状态，不能再转为${target}`,
      `current status "${from}" is final; it cannot change to "${to}"`,
    );
  }
  throw new TransitionError(
    from,
    to,
    allowed,
    `当前状态${cur}不能转为${target}；只能转为：${allowed.map((s) => `“${STATUS_LABELS[s].zh}”（${s}）`).join('、')}`,
    `current status "${from}" cannot change to "${to}"; allowed: ${allowed.map((s) => `"${s}"`).join(', ')}`,
  );
}
