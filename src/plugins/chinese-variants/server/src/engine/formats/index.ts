import type { Converter } from '../converter';
import { blocksFormat, type BlocksNode } from './blocks';
import { htmlFormat } from './html';
import { markdownFormat } from './markdown';
import { textFormat } from './text';

export const FORMATS = ['text', 'html', 'markdown', 'blocks'] as const;
export type Format = (typeof FORMATS)[number];

/** What each format converts: a string, or a Strapi blocks document. */
export interface FormatContent {
  text: string;
  html: string;
  markdown: string;
  blocks: readonly BlocksNode[];
}
export interface FormatOutput {
  text: string;
  html: string;
  markdown: string;
  blocks: BlocksNode[];
}

export const FORMAT_CONVERTERS: { [F in Format]: (c: Converter) => (content: FormatContent[F]) => FormatOutput[F] } = {
  text: textFormat,
  html: htmlFormat,
  markdown: markdownFormat,
  blocks: blocksFormat,
};

export function isFormat(x: unknown): x is Format {
  return typeof x === 'string' && (FORMATS as readonly string[]).includes(x);
}

export type { BlocksNode };
