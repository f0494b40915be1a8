export { CONVERSIONS, isConversion, type Conversion } from './conversions';
export { ConversionError, type ConversionErrorCode } from './errors';
export type { Glossary, GlossaryTerm } from './glossary';
export { DEFAULT_GLOSSARY, EMPTY_GLOSSARY, PROTECTED_COMPOUNDS, PROTECTED_SOURCES, PROTECTED_VOCABULARY, withDefaultGlossary } from './default-glossary';
export type { Ambiguity, Converter } from './converter';
export {
  cachedConverterKeys,
  clearConverterCache,
  defaultGlossaryFor,
  getConverter,
  MAX_GLOSSARY_VERSIONS_PER_CONVERSION,
  type ConverterOptions,
} from './converter-cache';
export { convert, formatConverter } from './convert';
export { FORMATS, isFormat, type BlocksNode, type Format, type FormatContent, type FormatOutput } from './formats';
export { LEGAL_TERMS, LEGAL_VOCABULARY } from './legal-vocabulary';
