import { AsyncLocalStorage } from 'async_hooks';

/**
 * Writes made by the reports module itself (generation, acknowledgement). The save middleware lets
 * them set the computed fields (validation, warningsAcknowledgement) and does not treat their Table 2
 * values as editor overrides.
 */
const internal = new AsyncLocalStorage<{ internal: true }>();

export function asInternalWrite<T>(fn: () => Promise<T>): Promise<T> {
  return internal.run({ internal: true }, fn);
}

export function isInternalWrite(): boolean {
  return internal.getStore()?.internal === true;
}
