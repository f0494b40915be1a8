/**
 * Report text in another script, through chinese-variants' public service: the site's configured
 * conversion for the locale (s2tw, s2hk, …) and the glossary its administrators keep apply to report
 * exports as to every other document. Without that plugin, or without the locale configured as one of its
 * targets, only the Simplified exports exist.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ConvertLabel } from '../../core/annual-report';

export const SOURCE_LOCALE = 'zh-Hans';
export const REPORT_LOCALES = ['zh-Hans', 'zh-Hant'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

export type ReportConverter = { text: ConvertLabel; blocks: (content: unknown) => unknown };

/** The part of chinese-variants' `conversion` service used here (its README documents it). */
type ConversionService = {
  batch(from: string, to: string, scope?: { uid: string; documentId: string }): Promise<(format: 'text' | 'blocks', content: unknown) => unknown>;
};

/**
 * null for the source locale; one glossary look-up per export (with the report's own terms, e.g. an
 * editor's choices in the ambiguity review), each distinct label converted once.
 */
export async function reportConverter(strapi: Core.Strapi, locale: ReportLocale, scope?: { uid: string; documentId: string }): Promise<ReportConverter | null> {
  if (locale === SOURCE_LOCALE) return null;
  const conversion = strapi.plugin('chinese-variants')?.service('conversion') as ConversionService | undefined;
  let convert: Awaited<ReturnType<ConversionService['batch']>>;
  try {
    if (!conversion) throw new Error('chinese-variants is not installed');
    convert = await conversion.batch(SOURCE_LOCALE, locale, scope);
  } catch {
    throw new errors.NotFoundError(`没有 ${locale} 版本的报告：未配置简繁转换 / no ${locale} export: chinese-variants does not produce this locale`);
  }
  const cache = new Map<string, string>();
  return {
    text: (label: string) => {
      let out = cache.get(label);
      if (out === undefined) {
        out = convert('text', label) as string;
        cache.set(label, out);
      }
      return out;
    },
    blocks: (content: unknown) => convert('blocks', content),
  };
}
