import type { Conversion } from './conversions';
import { getConverter, type ConverterOptions } from './converter-cache';
import { ConversionError } from './errors';
import { FORMAT_CONVERTERS, FORMATS, isFormat, type Format, type FormatContent, type FormatOutput } from './formats';
import type { Glossary } from './glossary';

/**
 * A converter for one format: (conversion, glossary) → (content) → converted. The underlying
 * dictionary converter comes from the shared cache, so building these is cheap.
 */
export function formatConverter<F extends Format>(
  conversion: Conversion,
  format: F,
  glossary?: Glossary,
  options?: ConverterOptions,
): (content: FormatContent[F]) => FormatOutput[F] {
  if (!isFormat(format)) {
    throw new ConversionError('UNKNOWN_FORMAT', `Unknown format ${JSON.stringify(format)}; expected one of ${FORMATS.join(', ')}`);
  }
  const convertContent = FORMAT_CONVERTERS[format](getConverter(conversion, glossary, options));
  return (content) => {
    // Content usually comes straight from the database: check it matches the format.
    if (format !== 'blocks' && typeof content !== 'string') {
      throw new ConversionError('INVALID_CONTENT', `${format} content must be a string, got ${content === null ? 'null' : typeof content}`);
    }
    return convertContent(content);
  };
}

/** Converts one piece of content; throws ConversionError on an unknown conversion/format or bad content. */
export function convert<F extends Format>(
  conversion: Conversion,
  format: F,
  content: FormatContent[F],
  glossary?: Glossary,
  options?: ConverterOptions,
): FormatOutput[F] {
  return formatConverter(conversion, format, glossary, options)(content);
}
