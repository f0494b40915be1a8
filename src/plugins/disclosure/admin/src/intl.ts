import * as React from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from './pluginId';
import zhHans from './translations/zh-Hans.json';
import { ENUM_LABELS } from '../../server/src/core/working-days/labels';

/** The admin asks for an enum option's name by its code: the codes of applications and review cases. */
export const ENUM_NAMES: Record<string, string> = Object.assign({}, ...Object.values(ENUM_LABELS));

export type MessageKey = keyof typeof zhHans;
type Values = Record<string, string | number>;

/**
 * A message of this plugin for the admin's translations. The officers' language is the default (the
 * catalogue's own words); translations/en.json serves an admin switched to English.
 */
export const message = (key: MessageKey) => ({ id: `${PLUGIN_ID}.${key}`, defaultMessage: zhHans[key] });

/** t('key', values): the message in the admin's language. */
export function useT() {
  const { formatMessage } = useIntl();
  return React.useCallback((key: MessageKey, values?: Values) => formatMessage(message(key), values), [formatMessage]);
}

/** The name of a stored code (status, outcome, review kind) as the content manager shows it. */
export function useCodeName() {
  const { formatMessage } = useIntl();
  return React.useCallback((code: string) => formatMessage({ id: code, defaultMessage: ENUM_NAMES[code] ?? code }), [formatMessage]);
}

/** Picks the half of a { zh, en } pair from the server that matches the admin's language. */
export function useBilingual() {
  const { locale } = useIntl();
  return React.useCallback((text: { zh: string; en: string }) => (locale.startsWith('zh') ? text.zh : text.en), [locale]);
}

/** The error a request answered (the server's message), or the fallback. */
export const errorText = (e: any, fallback: string): string => e?.response?.data?.error?.message ?? e?.message ?? fallback;
