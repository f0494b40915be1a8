import type { HtmlWriter } from './html';
import { scanMarkup, type HtmlToken } from './html-tokenizer';
import type { UnitWriter } from './unit-writer';

/** What inline scanning needs besides the text: where output goes and how to convert a title. */
export interface InlineEnv {
  w: UnitWriter;
  html: HtmlWriter;
  /** Normalized labels of the document's reference definitions. */
  labels: ReadonlySet<string>;
  /** Converts a link title or similar attribute-like text as a unit of its own. */
  convertTitle: (s: string) => string;
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/;
const EMAIL_AUTOLINK = /^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/;
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
// GFM autolink literals (http://…, www.…) are links too. Chinese text often runs straight on
// after a URL, so besides whitespace a full-width punctuation mark ends it.
const BARE_URL = /^(?:https?:\/\/|www\.)[^\s<>\u3000-\u303f\uff00-\uffef]+/;
const WORD_CHAR = /[A-Za-z0-9]/;

/** Length of the bare URL at src[i], trailing punctuation excluded as GFM does; 0 if none. */
function bareUrlLength(src: string, i: number, b: number): number {
  if (i > 0 && WORD_CHAR.test(src[i - 1])) return 0;
  const m = BARE_URL.exec(src.slice(i, Math.min(b, i + 2048)));
  if (m === null) return 0;
  let url = m[0].replace(/[?!.,:*_~'"]+$/, '');
  while (url.endsWith(')') && url.split(')').length > url.split('(').length) url = url.slice(0, -1).replace(/[?!.,:*_~'"]+$/, '');
  return url.length;
}

// Unterminated markup is not raw HTML in markdown: its "<" is just text.
function isClosedTag(tok: HtmlToken): boolean {
  return tok.kind === 'startTag' || ((tok.kind === 'endTag' || tok.kind === 'markup') && tok.closed);
}

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function runLength(src: string, i: number, b: number, ch: string): number {
  let j = i;
  while (j < b && src[j] === ch) j += 1;
  return j - i;
}

/** End of the code span opened by the backtick run at i, or -1 if it is never closed. */
function codeSpanEnd(src: string, i: number, b: number): number {
  const n = runLength(src, i, b, '`');
  for (let j = i + n; j < b;) {
    if (src[j] !== '`') {
      j += 1;
      continue;
    }
    const m = runLength(src, j, b, '`');
    if (m === n) return j + m;
    j += m;
  }
  return -1;
}

/** Index of the "]" closing the "[" at i (nesting, escapes and code spans respected), or -1. */
function closingBracket(src: string, i: number, b: number): number {
  if (bracketCache.src === src && bracketCache.b === b) {
    const known = bracketCache.close.get(i);
    if (known !== undefined) return known;
  } else bracketCache = { src, b, close: new Map() };
  const { close } = bracketCache;
  // The scan's tokens depend only on where it stands, so the scan from i also finds the closer of every
  // "[" it passes: kept, so that text of many unclosed "[" is read once, not once per "[" (quadratic).
  const open: number[] = [];
  for (let j = i; j < b; j += 1) {
    const c = src[j];
    if (c === '\\') j += 1;
    else if (c === '`') {
      const end = codeSpanEnd(src, j, b);
      j = end < 0 ? j + runLength(src, j, b, '`') - 1 : end - 1;
    } else if (c === '[') open.push(j);
    else if (c === ']' && open.length) {
      close.set(open.pop()!, j);
      if (open.length === 0) return j;
    }
  }
  for (const k of open) close.set(k, -1);
  return close.get(i) ?? -1;
}

/** Closers found by the last scans over one source and end (see closingBracket). */
let bracketCache: { src: string; b: number; close: Map<number, number> } = { src: '', b: -1, close: new Map() };

interface InlineTarget {
  end: number; // just past ")"
  /** Title without its delimiters; -1 when absent. */
  titleStart: number;
  titleEnd: number;
}

const MAX_DESTINATION_PARENS = 32;
const MAX_TITLE_LENGTH = 1024;

/** Parses "(destination "title")" at src[i] === '('; null if it is not one. */
function inlineTarget(src: string, i: number, b: number): InlineTarget | null {
  let j = i + 1;
  const skipSpace = (): void => {
    while (j < b && (src[j] === ' ' || src[j] === '\t' || src[j] === '\n' || src[j] === '\r')) j += 1;
  };
  skipSpace();
  if (src[j] === '<') {
    while (j < b && src[j] !== '>' && src[j] !== '\n' && src[j] !== '<') j += src[j] === '\\' ? 2 : 1;
    if (src[j] !== '>' || j >= b) return null;
    j += 1;
  } else {
    let depth = 0;
    while (j < b) {
      const c = src[j];
      if (c === '\\') j += 2;
      else if (c === '(') {
        // CommonMark lets parsers bound this nesting (cmark: 32) so that "[a]([a]([a](…" stays linear.
        if (depth === MAX_DESTINATION_PARENS) return null;
        depth += 1;
        j += 1;
      } else if (c === ')') {
        if (depth === 0) break;
        depth -= 1;
        j += 1;
      } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c < ' ') break;
      else j += 1;
    }
  }
  const afterDest = j;
  skipSpace();
  let titleStart = -1;
  let titleEnd = -1;
  const open = src[j];
  if (j > afterDest && (open === '"' || open === "'" || open === '(')) {
    const close = open === '(' ? ')' : open;
    let k = j + 1;
    // Bounded, so that "[a](x (" repeated is not read to its end once per link (quadratic); no real title
    // is that long, and a longer one is kept as text.
    const limit = Math.min(b, k + MAX_TITLE_LENGTH);
    while (k < limit && src[k] !== close) k += src[k] === '\\' ? 2 : 1;
    if (k >= limit) return null;
    titleStart = j + 1;
    titleEnd = k;
    j = k + 1;
    skipSpace();
  }
  if (src[j] !== ')' || j >= b) return null;
  return { end: j + 1, titleStart, titleEnd };
}

/**
 * Scans inline markdown in src[a, b) and writes it: text converted, code spans, autolinks, URLs,
 * reference labels and raw HTML tags kept; emphasis markers, links and inline tags do not
 * interrupt the text, so a word split by them still converts as one word.
 */
export function writeInline(src: string, a: number, b: number, env: InlineEnv): void {
  const { w, html } = env;
  let textStart = a;
  const flushText = (end: number): void => {
    if (end <= textStart) return;
    const s = src.slice(textStart, end);
    if (html.context.convertible) w.text(s);
    else w.verbatim(s);
  };
  const emit = (kind: 'glue' | 'verbatim', from: number, to: number): number => {
    if (kind === 'glue') w.glue(src.slice(from, to));
    else w.verbatim(src.slice(from, to));
    textStart = to;
    return to;
  };
  const emitTitled = (from: number, t: InlineTarget): number => {
    if (t.titleStart < 0) return emit('glue', from, t.end);
    w.glue(src.slice(from, t.titleStart));
    const title = src.slice(t.titleStart, t.titleEnd);
    w.glue(html.context.convertible ? env.convertTitle(title) : title);
    w.glue(src.slice(t.titleEnd, t.end));
    textStart = t.end;
    return t.end;
  };

  let i = a;
  while (i < b) {
    const c = src[i];
    if (c === '\\' && i + 1 < b && ASCII_PUNCT.test(src[i + 1])) {
      flushText(i);
      i = emit('glue', i, i + 2);
    } else if (c === '`') {
      const end = codeSpanEnd(src, i, b);
      if (end < 0) i += runLength(src, i, b, '`');
      else {
        flushText(i);
        i = emit('verbatim', i, end);
      }
    } else if (c === '<') {
      const rest = src.slice(i, Math.min(b, i + 2048));
      const auto = AUTOLINK.exec(rest) ?? EMAIL_AUTOLINK.exec(rest);
      const tok = auto ? null : scanMarkup(src, i);
      if (auto) {
        flushText(i);
        i = emit('verbatim', i, i + auto[0].length);
      } else if (tok !== null && tok.end <= b && isClosedTag(tok)) {
        flushText(i);
        html.token(src, tok); // tags kept as written; tracks code / translate="no"
        i = textStart = tok.end;
      } else i += 1;
    } else if (c === '&') {
      const m = ENTITY.exec(src.slice(i, Math.min(b, i + 40)));
      if (m) {
        flushText(i);
        i = emit('verbatim', i, i + m[0].length);
      } else i += 1;
    } else if (c === '|') {
      flushText(i); // table cell boundary
      i = emit('verbatim', i, i + 1);
    } else if (c === '*' || c === '_' || c === '~') {
      flushText(i);
      i = emit('glue', i, i + runLength(src, i, b, c));
    } else if (c === '[' || (c === '!' && src[i + 1] === '[')) {
      const next = writeLinkOrImage(src, i, b, env, flushText, emit, emitTitled);
      i = next < 0 ? i + 1 : next;
    } else if (c === 'h' || c === 'w') {
      const n = bareUrlLength(src, i, b);
      if (n > 0) {
        flushText(i);
        i = emit('verbatim', i, i + n);
      } else i += 1;
    } else i += 1;
  }
  flushText(b);
}

/** Writes a link or image starting at i; returns the index after it, or -1 if there is none. */
function writeLinkOrImage(
  src: string,
  i: number,
  b: number,
  env: InlineEnv,
  flushText: (end: number) => void,
  emit: (kind: 'glue' | 'verbatim', from: number, to: number) => number,
  emitTitled: (from: number, t: InlineTarget) => number,
): number {
  const { w } = env;
  const image = src[i] === '!';
  const open = image ? i + 1 : i;
  const close = closingBracket(src, open, b);
  if (close < 0) return -1;
  const label = src.slice(open + 1, close);
  const after = close + 1;

  const target = src[after] === '(' ? inlineTarget(src, after, b) : null;
  let refEnd = -1; // end of "[label]" in "[text][label]"
  if (target === null && src[after] === '[') {
    const k = closingBracket(src, after, b);
    if (k > after + 1 && env.labels.has(normalizeLabel(src.slice(after + 1, k)))) refEnd = k + 1;
    else if (k === after + 1 && env.labels.has(normalizeLabel(label))) {
      // "[label][]": the text is the label, so it stays as written.
      flushText(i);
      return emit('glue', i, k + 1);
    }
  }
  if (target === null && refEnd < 0) {
    if (!env.labels.has(normalizeLabel(label))) return -1;
    flushText(i); // "[label]" shortcut reference: the text is the label
    return emit('glue', i, after);
  }

  flushText(i);
  if (image) {
    // Alt text is not part of the running text: it is a unit of its own.
    w.verbatim(src.slice(i, open + 1));
    writeInline(src, open + 1, close, env);
    w.flush();
  } else {
    emit('glue', i, open + 1);
    writeInline(src, open + 1, close, env);
  }
  if (target !== null) return emitTitled(close, target);
  return emit('glue', close, refEnd);
}
