import type { HtmlToken } from './html-tokenizer';

/** Elements whose content is never converted (code, and text that is not prose). */
const NO_CONVERT_CONTENT = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

interface OpenElement {
  name: string;
  insideCode: boolean;
  translate: boolean;
}

type StartTag = Extract<HtmlToken, { kind: 'startTag' }>;

/**
 * Tracks open elements to answer "may this text be converted?": not inside code-like elements
 * and not under translate="no" (an inner translate="yes" re-enables, as in HTML). Unbalanced
 * markup degrades safely: an end tag closes up to its nearest open match or is ignored.
 */
export class HtmlContext {
  private readonly stack: OpenElement[] = [];
  // State of the innermost open element, kept in fields: it is read for every token.
  private insideCode = false;
  private translate = true;

  /** May text at the current position be converted? */
  get convertible(): boolean {
    return !this.insideCode && this.translate;
  }

  /** May this start tag's own text attributes (title, alt, …) be converted? */
  attributesConvertible(src: string, tag: StartTag): boolean {
    return !this.insideCode && this.translateOf(src, tag);
  }

  private translateOf(src: string, tag: StartTag): boolean {
    const attr = tag.attrs.length === 0 ? undefined : tag.attrs.find((a) => a.name === 'translate');
    if (attr === undefined) return this.translate;
    const value = attr.valueStart < 0 ? '' : src.slice(attr.valueStart, attr.valueEnd).trim().toLowerCase();
    if (value === 'no') return false;
    if (value === 'yes' || value === '') return true;
    return this.translate;
  }

  startTag(src: string, tag: StartTag): void {
    if (tag.selfClosing || VOID_ELEMENTS.has(tag.name)) return;
    const element = {
      name: tag.name,
      insideCode: this.insideCode || NO_CONVERT_CONTENT.has(tag.name),
      translate: this.translateOf(src, tag),
    };
    this.stack.push(element);
    this.insideCode = element.insideCode;
    this.translate = element.translate;
  }

  endTag(name: string): void {
    for (let k = this.stack.length - 1; k >= 0; k -= 1) {
      if (this.stack[k].name === name) {
        while (this.stack.length > k) this.stack.pop();
        const top = this.stack[k - 1];
        this.insideCode = top?.insideCode ?? false;
        this.translate = top?.translate ?? true;
        return;
      }
    }
  }
}
