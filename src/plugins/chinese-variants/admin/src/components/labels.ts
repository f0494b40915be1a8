import { PLUGIN_ID } from '../pluginId';
import en from '../translations/en.json';

export type MessageKey = keyof typeof en;

/** A message of this plugin: its id in the admin's translations, English by default. */
export const msg = (key: MessageKey) => ({ id: `${PLUGIN_ID}.${key}`, defaultMessage: en[key] });

export const STATUS_COLORS: Record<string, 'success' | 'warning' | 'danger' | 'neutral'> = {
  generated: 'success',
  edited: 'neutral',
  stale: 'warning',
  missing: 'danger',
};

export const isStatus = (status: string): status is 'generated' | 'edited' | 'stale' | 'missing' => status in STATUS_COLORS;

export function errorMessage(e: any, fallback: string): string {
  return e?.response?.data?.error?.message ?? e?.message ?? fallback;
}
