// A small, forgiving HTML tokenizer: it never throws and every input character belongs to
// exactly one token, so writing the tokens back (changed or not) can never lose text.

export interface HtmlAttr {
  name: string; // lower-cased
  /** Value range in the source (quotes excluded); -1 when the attribute has no value. */
  valueStart: number;
  valueEnd: number;
}

export type HtmlToken =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'startTag'; start: number; end: number; name: string; selfClosing: boolean; attrs: readonly HtmlAttr[] }
  /** `closed` is false when the source ended before the closing ">" (then the token runs to the end). */
  | { kind: 'endTag'; start: number; end: number; name: string; closed: boolean }
  /** Comments, doctypes, CDATA, processing instructions, unterminated tags: opaque, written as is. */
  | { kind: 'markup'; start: number; end: number; comment: boolean; closed: boolean }
  /** Content of an element whose text is not markup (script, style, textarea, title, …). */
  | { kind: 'rawText'; start: number; end: number; element: string };

/** Elements whose content is not parsed as markup; title's content is text, the rest never is. */
export const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

// Character tests on char codes: the tokenizer is on the hot path of HTML conversion.
const isSpaceCode = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
const isAlphaCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const GT = 62;
const SLASH = 47;
const EQ = 61;
/** Ends a tag or attribute name. */
const endsName = (c: number): boolean => isSpaceCode(c) || c === SLASH || c === GT || Number.isNaN(c);

const NO_ATTRS: readonly HtmlAttr[] = Object.freeze([]);

/** Lower-cased src[a, b), without allocating when it already is (the usual case). */
function lowerName(src: string, a: number, b: number): string {
  for (let k = a; k < b; k += 1) {
    const c = src.charCodeAt(k);
    if (c >= 65 && c <= 90) return src.slice(a, b).toLowerCase();
  }
  return src.slice(a, b);
}

/** Index just past the first occurrence of `needle` at or after i, or -1. */
function past(src: string, needle: string, i: number): number {
  const k = src.indexOf(needle, i);
  return k < 0 ? -1 : k + needle.length;
}

/** Opaque token from i to just past `needle`, or to the end of src when there is none. */
function opaque(src: string, i: number, needle: string, from: number): HtmlToken {
  const end = past(src, needle, from);
  return { kind: 'markup', start: i, end: end < 0 ? src.length : end, comment: false, closed: end >= 0 };
}

function scanComment(src: string, i: number): HtmlToken {
  // i is at "<!--"; "<!-->" and "<!--->" are (abruptly) closed comments too.
  if (src.startsWith('>', i + 4)) return { kind: 'markup', start: i, end: i + 5, comment: true, closed: true };
  if (src.startsWith('->', i + 4)) return { kind: 'markup', start: i, end: i + 6, comment: true, closed: true };
  const close = past(src, '-->', i + 4);
  const bang = past(src, '--!>', i + 4);
  if (close < 0 && bang < 0) return { kind: 'markup', start: i, end: src.length, comment: true, closed: false };
  const end = bang >= 0 && (close < 0 || bang < close) ? bang : close;
  return { kind: 'markup', start: i, end, comment: true, closed: true };
}

function scanStartTag(src: string, i: number): HtmlToken {
  const n = src.length;
  let j = i + 1;
  while (j < n && !endsName(src.charCodeAt(j))) j += 1;
  const name = lowerName(src, i + 1, j);
  let attrs: HtmlAttr[] | null = null; // allocated on the first attribute: most tags have none
  for (;;) {
    let c = src.charCodeAt(j);
    while (j < n && (isSpaceCode(c) || (c === SLASH && src.charCodeAt(j + 1) !== GT))) c = src.charCodeAt(++j);
    if (j >= n) return { kind: 'markup', start: i, end: n, comment: false, closed: false }; // unterminated: opaque
    if (c === GT) return { kind: 'startTag', start: i, end: j + 1, name, selfClosing: false, attrs: attrs ?? NO_ATTRS };
    if (c === SLASH) return { kind: 'startTag', start: i, end: j + 2, name, selfClosing: true, attrs: attrs ?? NO_ATTRS };
    const nameStart = j;
    j += 1; // a first "=" belongs to the name
    while (j < n && !endsName((c = src.charCodeAt(j))) && c !== EQ) j += 1;
    const attr: HtmlAttr = { name: lowerName(src, nameStart, j), valueStart: -1, valueEnd: -1 };
    (attrs ??= []).push(attr);
    let k = j;
    while (k < n && isSpaceCode(src.charCodeAt(k))) k += 1;
    if (src.charCodeAt(k) !== EQ) continue;
    k += 1;
    while (k < n && isSpaceCode(src.charCodeAt(k))) k += 1;
    const q = src[k];
    if (q === '"' || q === "'") {
      const close = src.indexOf(q, k + 1);
      if (close < 0) return { kind: 'markup', start: i, end: n, comment: false, closed: false };
      attr.valueStart = k + 1;
      attr.valueEnd = close;
      j = close + 1;
    } else {
      let e = k;
      while (e < n && !isSpaceCode((c = src.charCodeAt(e))) && c !== GT) e += 1;
      attr.valueStart = k;
      attr.valueEnd = e;
      j = e;
    }
  }
}

/** The markup token starting at src[i] === '<', or null when that '<' is just text. */
export function scanMarkup(src: string, i: number): HtmlToken | null {
  const next = src.charCodeAt(i + 1);
  if (isAlphaCode(next)) return scanStartTag(src, i);
  if (next === SLASH) {
    if (isAlphaCode(src.charCodeAt(i + 2))) {
      let j = i + 2;
      while (j < src.length && !endsName(src.charCodeAt(j))) j += 1;
      const end = past(src, '>', j);
      const name = lowerName(src, i + 2, j);
      return { kind: 'endTag', start: i, end: end < 0 ? src.length : end, name, closed: end >= 0 };
    }
    if (src.charCodeAt(i + 2) === GT) return { kind: 'markup', start: i, end: i + 3, comment: false, closed: true };
    if (i + 2 >= src.length) return null;
    return opaque(src, i, '>', i + 2); // "</ x>": a bogus comment, as browsers read it
  }
  if (src.startsWith('!--', i + 1)) return scanComment(src, i);
  if (src.startsWith('![CDATA[', i + 1)) return opaque(src, i, ']]>', i + 9);
  if (next === 33 || next === 63) return opaque(src, i, '>', i + 2); // <! and <?
  return null;
}

/** End of the raw text of `element` starting at i: the start of its end tag, or the end of src. */
export function rawTextEnd(src: string, i: number, element: string): number {
  if (element === 'plaintext') return src.length;
  const close = new RegExp(`</${element}(?=[\\s/>]|$)`, 'gi');
  close.lastIndex = i;
  const m = close.exec(src);
  return m === null ? src.length : m.index;
}

/** Calls onToken for each token of src, in order; the tokens cover src exactly. */
export function tokenizeHtml(src: string, onToken: (tok: HtmlToken) => void): void {
  let textStart = 0;
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) break;
    const tok = scanMarkup(src, lt);
    if (tok === null) {
      i = lt + 1;
      continue;
    }
    if (lt > textStart) onToken({ kind: 'text', start: textStart, end: lt });
    onToken(tok);
    i = tok.end;
    if (tok.kind === 'startTag' && !tok.selfClosing && RAW_TEXT_ELEMENTS.has(tok.name)) {
      const end = rawTextEnd(src, i, tok.name);
      if (end > i) onToken({ kind: 'rawText', start: i, end, element: tok.name });
      i = end;
    }
    textStart = i;
  }
  if (src.length > textStart) onToken({ kind: 'text', start: textStart, end: src.length });
}
