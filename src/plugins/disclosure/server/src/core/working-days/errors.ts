/**
 * Errors carry a Chinese and an English message because officers read the Chinese one and
 * developers and logs the English one; `message` holds both so neither is lost when rethrown.
 */
export class BilingualError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = new.target.name;
  }
}

/** A value the caller passed is malformed or inconsistent with the others (a caller bug or bad data). */
export class InvalidInputError extends BilingualError {
  constructor(
    readonly field: string,
    zh: string,
    en: string,
  ) {
    super('invalid-input', zh, en);
  }
}

export type ExtensionRejection = 'approver-missing' | 'reason-missing' | 'too-long' | 'not-a-positive-integer';

/** Art. 33 extension refused: it needs an approver and a reason, and adds 1–20 working days. */
export class ExtensionRejectedError extends BilingualError {
  constructor(
    readonly rejection: ExtensionRejection,
    zh: string,
    en: string,
  ) {
    super(`extension-${rejection}`, zh, en);
  }
}
