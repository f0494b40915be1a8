import { ConversionError } from './errors';

export const CONVERSIONS = ['s2t', 's2tw', 's2hk', 's2twp', 't2s', 'tw2s', 'tw2sp', 'hk2s'] as const;
export type Conversion = (typeof CONVERSIONS)[number];

export interface ConversionSpec {
  /** Key into opencc-js Locale.configs (upstream OpenCC config name). */
  readonly config: string;
  /**
   * Conversion that produces a "keep" term's output: the same direction and region minus the
   * regional phrase (vocabulary) dictionary, so a kept term gets Traditional/Simplified characters
   * but never another region's vocabulary.
   */
  readonly keepVia: Conversion;
  /** Input script; glossary sources are written in it. */
  readonly source: 'simplified' | 'traditional';
  /** Rewrites vocabulary, so it must not run on government text without the protected terms. */
  readonly guarded: boolean;
}

export const CONVERSION_SPECS: Readonly<Record<Conversion, ConversionSpec>> = {
  s2t: { config: 's2t', keepVia: 's2t', source: 'simplified', guarded: false },
  s2tw: { config: 's2tw', keepVia: 's2tw', source: 'simplified', guarded: false },
  s2hk: { config: 's2hk', keepVia: 's2hk', source: 'simplified', guarded: false },
  s2twp: { config: 's2twp', keepVia: 's2tw', source: 'simplified', guarded: true },
  t2s: { config: 't2s', keepVia: 't2s', source: 'traditional', guarded: false },
  tw2s: { config: 'tw2s', keepVia: 'tw2s', source: 'traditional', guarded: false },
  tw2sp: { config: 'tw2sp', keepVia: 'tw2s', source: 'traditional', guarded: false },
  hk2s: { config: 'hk2s', keepVia: 'hk2s', source: 'traditional', guarded: false },
};

export function isConversion(x: unknown): x is Conversion {
  return typeof x === 'string' && (CONVERSIONS as readonly string[]).includes(x);
}

export function assertConversion(x: unknown): Conversion {
  if (!isConversion(x)) {
    throw new ConversionError('UNKNOWN_CONVERSION', `Unknown conversion ${JSON.stringify(x)}; expected one of ${CONVERSIONS.join(', ')}`);
  }
  return x;
}
