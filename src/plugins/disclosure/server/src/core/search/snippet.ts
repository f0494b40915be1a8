import { normalizeText } from './tokens';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Where the terms occur in a text (start, end), sorted, overlaps merged. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  // normalized per character only when that keeps the offsets (NFKC may change lengths)
  const norm = normalizeText(text);
  const haystack = norm.length === text.length ? norm : text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + term.length)) ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** A text as HTML, its term occurrences in <mark>, everything else escaped. */
export function highlight(text: string, terms: readonly string[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of matchRanges(text, terms)) {
    out += escapeHtml(text.slice(at, start)) + `<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * About `length` characters of the text around its first term occurrence (its start when none), with
 * ellipses where it was cut: the plain excerpt, to be converted or highlighted by the caller.
 */
export function excerpt(text: string, terms: readonly string[], length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = matchRanges(flat, terms)[0];
  const start = first ? Math.max(0, Math.min(first[0] - Math.floor(length / 4), flat.length - length)) : 0;
  const end = Math.min(flat.length, start + length);
  return (start > 0 ? '…' : '') + flat.slice(start, end) + (end < flat.length ? '…' : '');
}
