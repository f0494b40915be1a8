import type { Converter } from '../converter';

export const textFormat =
  (converter: Converter) =>
  (content: string): string =>
    converter.convertText(content);
