import type { Converter } from '../converter';
import { HtmlContext } from './html-context';
import { tokenizeHtml, type HtmlToken } from './html-tokenizer';
import { UnitWriter } from './unit-writer';

/** Elements that sit inside running text: they do not end the text unit (<b>头</b>发 is one word). */
const INLINE_ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  'rb',
  'rp',
  'rt',
  'rtc',
  'ruby',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

/** Attributes holding prose; every other attribute (href, src, data-*, …) is left alone. */
const TEXT_ATTRIBUTES = new Set(['title', 'alt', 'placeholder', 'aria-label']);

// Character references are written back byte for byte; they also end the text unit.
const ENTITY = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g;

/** Writes text to the unit, keeping character references out of the converted runs. */
function writeTextWithEntities(w: UnitWriter, text: string): void {
  if (!text.includes('&')) {
    w.text(text);
    return;
  }
  let last = 0;
  for (const m of text.matchAll(ENTITY)) {
    const at = m.index ?? 0;
    w.text(text.slice(last, at));
    w.verbatim(m[0]);
    last = at + m[0].length;
  }
  w.text(text.slice(last));
}

/** Converts attribute-like text (a title, an alt) as a unit of its own, entities kept. */
export function convertAttributeValue(converter: Converter, value: string): string {
  const w = new UnitWriter(converter);
  writeTextWithEntities(w, value);
  return w.result();
}

type StartTag = Extract<HtmlToken, { kind: 'startTag' }>;

function renderStartTag(src: string, tag: StartTag, converter: Converter): string {
  if (!tag.attrs.some((a) => TEXT_ATTRIBUTES.has(a.name))) return src.slice(tag.start, tag.end);
  const parts: string[] = [];
  let at = tag.start;
  for (const a of tag.attrs) {
    if (a.valueStart < 0 || !TEXT_ATTRIBUTES.has(a.name)) continue;
    parts.push(src.slice(at, a.valueStart), convertAttributeValue(converter, src.slice(a.valueStart, a.valueEnd)));
    at = a.valueEnd;
  }
  parts.push(src.slice(at, tag.end));
  return parts.join('');
}

/**
 * Writes HTML tokens to a unit writer under the HTML rules. Shared with markdown, whose raw
 * HTML follows the same content rules but keeps every attribute as written.
 */
export class HtmlWriter {
  readonly context = new HtmlContext();

  constructor(
    private readonly w: UnitWriter,
    private readonly converter: Converter,
    private readonly convertAttributes: boolean,
  ) {}

  token(src: string, tok: HtmlToken): void {
    const raw = src.slice(tok.start, tok.end);
    switch (tok.kind) {
      case 'text':
        if (this.context.convertible) writeTextWithEntities(this.w, raw);
        else this.w.verbatim(raw);
        return;
      case 'rawText':
        // Only <title> holds prose among raw-text elements; it is a unit of its own.
        if (tok.element === 'title' && this.context.convertible) {
          this.w.flush();
          writeTextWithEntities(this.w, raw);
          this.w.flush();
        } else this.w.verbatim(raw);
        return;
      case 'startTag': {
        const out = this.convertAttributes && this.context.attributesConvertible(src, tok) ? renderStartTag(src, tok, this.converter) : raw;
        this.context.startTag(src, tok);
        if (INLINE_ELEMENTS.has(tok.name)) this.w.glue(out);
        else this.w.verbatim(out);
        return;
      }
      case 'endTag':
        this.context.endTag(tok.name);
        if (INLINE_ELEMENTS.has(tok.name)) this.w.glue(raw);
        else this.w.verbatim(raw);
        return;
      case 'markup':
        if (tok.comment) this.w.glue(raw);
        else this.w.verbatim(raw);
    }
  }
}

export const htmlFormat =
  (converter: Converter) =>
  (content: string): string => {
    const w = new UnitWriter(converter);
    const writer = new HtmlWriter(w, converter, true);
    tokenizeHtml(content, (tok) => writer.token(content, tok));
    return w.result();
  };
