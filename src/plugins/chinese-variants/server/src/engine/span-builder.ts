// Accumulates converted text and, when tracking, the source offset of every output UTF-16 unit.
// Offsets stay non-decreasing, which is what lets the caller split output back into input runs.

function cpCount(s: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i += isPair(s, i) ? 2 : 1) n += 1;
  return n;
}

/** True when s[i] starts a well-formed surrogate pair. */
function isPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

const NO_OFFSETS = new Int32Array(0);

export class SpanBuilder {
  text = '';
  offsets: Int32Array;
  length = 0;

  constructor(readonly track: boolean) {
    this.offsets = track ? new Int32Array(256) : NO_OFFSETS;
  }

  reset(): void {
    this.text = '';
    this.length = 0;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.offsets.length) return;
    const grown = new Int32Array(Math.max(this.offsets.length * 2, this.length + extra));
    grown.set(this.offsets.subarray(0, this.length));
    this.offsets = grown;
  }

  /** Appends s[a, b) as is; `from` maps s's units to source offsets (null: identity). */
  copy(s: string, a: number, b: number, from: Int32Array | null): void {
    this.text += a === 0 && b === s.length ? s : s.slice(a, b);
    if (!this.track) return;
    this.reserve(b - a);
    const o = this.offsets;
    let n = this.length;
    if (from === null) for (let i = a; i < b; i += 1) o[n++] = i;
    else for (let i = a; i < b; i += 1) o[n++] = from[i];
    this.length = n;
  }

  /**
   * Appends v, the replacement of s[a, b). Same number of characters: aligned one to one (头发 →
   * 頭髮 can be split again between 頭 and 髮); otherwise all of v belongs where the match starts.
   */
  replace(v: string, s: string, a: number, b: number, from: Int32Array | null): void {
    this.text += v;
    if (!this.track) return;
    this.reserve(v.length);
    const o = this.offsets;
    let n = this.length;
    if (cpCount(v, 0, v.length) === cpCount(s, a, b)) {
      let i = a;
      for (let k = 0; k < v.length;) {
        const src = from === null ? i : from[i];
        const wide = isPair(v, k);
        o[n++] = src;
        if (wide) o[n++] = src;
        k += wide ? 2 : 1;
        i += isPair(s, i) ? 2 : 1;
      }
    } else {
      const src = from === null ? a : from[a];
      for (let k = 0; k < v.length; k += 1) o[n++] = src;
    }
    this.length = n;
  }
}
