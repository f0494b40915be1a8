export type ConversionErrorCode = 'UNKNOWN_CONVERSION' | 'UNKNOWN_FORMAT' | 'INVALID_CONTENT' | 'INVALID_GLOSSARY' | 'UNGUARDED_CONVERSION' | 'DICTIONARY_DATA';

/** The only error the engine throws on bad input, so callers can map it to a 4xx. */
export class ConversionError extends Error {
  readonly code: ConversionErrorCode;

  constructor(code: ConversionErrorCode, message: string) {
    super(message);
    this.name = 'ConversionError';
    this.code = code;
  }
}
