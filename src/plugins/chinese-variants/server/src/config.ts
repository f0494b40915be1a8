import type { Conversion } from './engine';

/** Conversions a target locale may use (Simplified → Traditional). s2twp needs the protected glossary. */
export const TARGET_CONVERSIONS = ['s2t', 's2tw', 's2hk', 's2twp'] as const;
export type TargetConversion = (typeof TARGET_CONVERSIONS)[number];

/** The reverse direction for content that arrives in a target locale. */
export const REVERSE: Record<TargetConversion, Conversion> = { s2t: 't2s', s2tw: 'tw2s', s2hk: 'hk2s', s2twp: 'tw2s' };

export const DEFAULT_SOURCE_LOCALE = 'zh-Hans';
export const DEFAULT_TARGETS: Record<string, TargetConversion> = { 'zh-Hant': 's2tw' };

export interface VariantsConfig {
  sourceLocale: string;
  targets: Record<string, TargetConversion>;
  /** Content types kept in step; undefined = every localized api:: type. */
  contentTypes?: string[];
  /** false turns the Document Service sync off (the convert API and glossary stay). */
  sync: boolean;
}

const LOCALE_RE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function fail(message: string): never {
  throw new Error(message);
}

/**
 * Checks the user's config (plugins.ts). Targets are not given a default in `default` because
 * Strapi deep-merges the default into the user's map (a user's zh-Hant-HK would gain zh-Hant).
 */
export function validateConfig(raw: any): void {
  if (raw === null || typeof raw !== 'object') fail('config must be an object');
  if (raw.sourceLocale !== undefined && (typeof raw.sourceLocale !== 'string' || !LOCALE_RE.test(raw.sourceLocale))) {
    fail(`sourceLocale must be a locale code such as "zh-Hans", got ${JSON.stringify(raw.sourceLocale)}`);
  }
  if (raw.targets !== undefined) {
    if (raw.targets === null || typeof raw.targets !== 'object' || Array.isArray(raw.targets)) {
      fail('targets must be a map from locale code to conversion, e.g. { "zh-Hant": "s2tw" }');
    }
    const entries = Object.entries(raw.targets);
    if (entries.length === 0) fail('targets must name at least one locale');
    for (const [locale, conversion] of entries) {
      if (!LOCALE_RE.test(locale)) fail(`targets: "${locale}" is not a locale code`);
      if (locale === (raw.sourceLocale ?? DEFAULT_SOURCE_LOCALE)) fail(`targets: "${locale}" is the source locale`);
      if (!(TARGET_CONVERSIONS as readonly string[]).includes(conversion as string)) {
        fail(`targets["${locale}"]: conversion must be one of ${TARGET_CONVERSIONS.join(', ')}, got ${JSON.stringify(conversion)}`);
      }
    }
  }
  if (raw.contentTypes !== undefined) {
    if (!Array.isArray(raw.contentTypes) || raw.contentTypes.some((u: unknown) => typeof u !== 'string' || !u.includes('::'))) {
      fail('contentTypes must be an array of content-type uids such as "api::notice.notice"');
    }
  }
  if (raw.sync !== undefined && typeof raw.sync !== 'boolean') fail('sync must be a boolean');
}

/** The effective config with defaults applied. */
export function resolveConfig(raw: any): VariantsConfig {
  validateConfig(raw ?? {});
  const r = raw ?? {};
  return {
    sourceLocale: r.sourceLocale ?? DEFAULT_SOURCE_LOCALE,
    targets: { ...(r.targets ?? DEFAULT_TARGETS) },
    contentTypes: r.contentTypes ? [...r.contentTypes] : undefined,
    sync: r.sync ?? true,
  };
}

export default {
  default: {},
  validator: validateConfig,
};
