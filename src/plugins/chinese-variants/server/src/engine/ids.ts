// Port of opencc-js 1.4.2's private ideographic-description-sequence handling: an unmatched
// IDS such as ⿰氵发 is stepped over as one unit so its components are never converted.

/** Width of the code point at i, never reaching past end (a pair split by a unit end is two units). */
function cpWidth(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

/** End of the IDS starting at i, or 0 if none is complete before `end`. */
function idsEnd(s: string, i: number, end: number): number {
  const arity = idsArity(s.charCodeAt(i));
  if (arity === 0) return 0;
  let j = i + 1;
  for (let k = 0; k < arity; k += 1) {
    if (j >= end) return 0;
    const child = idsEnd(s, j, end);
    j = child || j + cpWidth(s, j, end);
  }
  return j;
}

/** UTF-16 length to skip at an unmatched position i of s (bounded by end). */
export function unmatchedLength(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  // IDS operators are all in U+2FF0–U+2FFF; test the range before recursing (hot path).
  if (c >= 0x2ff0 && c <= 0x2fff) {
    const e = idsEnd(s, i, end);
    if (e > i) return e - i;
  }
  return cpWidth(s, i, end);
}
