/**
 * Fixed labels (headings, table labels) in zh-Hant. The one place that decides how: today the
 * chinese-variants engine's s2tw conversion; later the plugin's configured conversion for the locale.
 */
import { convert } from '../../../../../chinese-variants/server/src/engine';
import type { ConvertLabel } from '../../report';

export const SOURCE_LOCALE = 'zh-Hans';
export const REPORT_LOCALES = ['zh-Hans', 'zh-Hant'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

const cache = new Map<string, string>();

export function labelConverter(locale: ReportLocale): ConvertLabel | undefined {
  if (locale === SOURCE_LOCALE) return undefined;
  return (label: string) => {
    let out = cache.get(label);
    if (out === undefined) {
      out = convert('s2tw', 'text', label) as string;
      cache.set(label, out);
    }
    return out;
  };
}
