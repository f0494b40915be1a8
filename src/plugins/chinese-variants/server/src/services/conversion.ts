import type { Core } from '@strapi/strapi';
import {
  ConversionError,
  EMPTY_GLOSSARY,
  formatConverter,
  getConverter,
  isFormat,
  FORMATS,
  type Conversion,
  type Converter,
  type Format,
  type Glossary,
} from '../engine';
import type { Scope } from './glossary';
import { REVERSE, resolveConfig, type VariantsConfig } from '../config';

export class UnknownPairError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownPairError';
  }
}

/** Converts one piece of content of a given format. */
export type BatchConverter = (format: Format, content: any) => any;

export function pluginConfig(strapi: Core.Strapi): VariantsConfig {
  return resolveConfig(strapi.config.get('plugin::chinese-variants') ?? {});
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  config(): VariantsConfig {
    return pluginConfig(strapi);
  },

  /** The conversion for a locale pair: source → target as configured, target → source reversed. */
  conversionFor(from: string, to: string): Conversion {
    const { sourceLocale, targets } = pluginConfig(strapi);
    if (from === sourceLocale && targets[to]) return targets[to];
    if (to === sourceLocale && targets[from]) return REVERSE[targets[from]];
    const pairs = Object.keys(targets).flatMap((t) => [`${sourceLocale} → ${t}`, `${t} → ${sourceLocale}`]);
    throw new UnknownPairError(`No conversion from ${JSON.stringify(from)} to ${JSON.stringify(to)}; configured: ${pairs.join(', ')}`);
  },

  /** The current glossary for a pair (read from the database; cheap when unchanged), with one document's own terms. */
  async glossaryFor(from: string, to: string, scope?: Scope): Promise<Glossary> {
    const { sourceLocale } = pluginConfig(strapi);
    if (from !== sourceLocale) return EMPTY_GLOSSARY; // glossary terms are written in Simplified
    return strapi.plugin('chinese-variants').service('glossary').forLocale(to, scope);
  },

  /** The converter (engine) for a pair, with the current glossary (and a document's own terms). */
  async converter(from: string, to: string, scope?: Scope): Promise<Converter> {
    return getConverter(this.conversionFor(from, to), await this.glossaryFor(from, to, scope));
  },

  /** One glossary look-up, then any number of conversions (a document's fields, with its own terms). */
  async batch(from: string, to: string, scope?: Scope): Promise<BatchConverter> {
    const conversion = this.conversionFor(from, to);
    const glossary = await this.glossaryFor(from, to, scope);
    const byFormat = new Map<Format, (c: any) => any>();
    return (format, content) => {
      let f = byFormat.get(format);
      if (!f) {
        f = formatConverter(conversion, format, glossary) as (c: any) => any;
        byFormat.set(format, f);
      }
      return f(content);
    };
  },

  async convert(from: string, to: string, format: Format, content: unknown): Promise<unknown> {
    if (!isFormat(format)) {
      throw new ConversionError('UNKNOWN_FORMAT', `Unknown format ${JSON.stringify(format)}; expected one of ${FORMATS.join(', ')}`);
    }
    if (format === 'blocks' ? !Array.isArray(content) : typeof content !== 'string') {
      throw new ConversionError('INVALID_CONTENT', format === 'blocks' ? 'blocks content must be an array' : `${format} content must be a string`);
    }
    const run = await this.batch(from, to);
    return run(format, content);
  },
});
