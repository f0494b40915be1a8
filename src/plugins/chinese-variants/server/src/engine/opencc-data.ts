import { Locale } from 'opencc-js';
import { ConversionError } from './errors';

/** A serialized opencc-js dictionary ("src dst|src dst|…"); a group lists them highest priority first. */
export type DictGroup = readonly string[];

/** One upstream OpenCC config as opencc-js 1.4.2 ships it in Locale.configs. */
export interface ConfigChain {
  readonly normalization: readonly DictGroup[];
  /** Null when upstream has no segmentation step (s2t, t2s): the first stage then segments. */
  readonly segmentation: DictGroup | null;
  readonly stages: readonly DictGroup[];
}

function isDictGroup(x: unknown): x is DictGroup {
  return Array.isArray(x) && x.every((d) => typeof d === 'string');
}

function fail(name: string, what: string): never {
  throw new ConversionError('DICTIONARY_DATA', `opencc-js Locale.configs.${name}: ${what}`);
}

/**
 * Reads the config as data and checks its shape, because opencc-js's bundled typings describe
 * it loosely (no normalizationChain, segmentation typed as a single dictionary).
 */
export function loadConfigChain(name: string): ConfigChain {
  const configs: Record<string, unknown> = Locale.configs;
  const raw = configs[name];
  if (typeof raw !== 'object' || raw === null) fail(name, 'missing');
  const { normalizationChain, segmentation, conversionChain } = raw as Record<string, unknown>;

  const normalization = normalizationChain ?? [];
  if (!Array.isArray(normalization) || !normalization.every(isDictGroup)) fail(name, 'bad normalizationChain');
  if (!Array.isArray(conversionChain) || conversionChain.length === 0 || !conversionChain.every(isDictGroup)) {
    fail(name, 'bad conversionChain');
  }
  let seg: DictGroup | null = null;
  if (typeof segmentation === 'string') seg = [segmentation];
  else if (isDictGroup(segmentation)) seg = segmentation;
  else if (segmentation !== undefined) fail(name, 'bad segmentation');

  return { normalization, segmentation: seg, stages: conversionChain };
}
