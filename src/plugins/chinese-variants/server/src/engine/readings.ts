import type { DictGroup } from './opencc-data';

/**
 * What the conversion dictionaries say about each source character: its default output (the
 * single-character table, or itself) and every output the phrases give it. A character with more
 * than one reading is one whose output depends on the word it is in (发: 發 in 发布, 髮 in 头发);
 * everywhere else the cut of the text cannot change the output.
 */
export interface Readings {
  /** Default output per source character. */
  readonly defaults: ReadonlyMap<string, string>;
  /** Characters with several readings, each with its readings (default first). */
  readonly ambiguous: ReadonlyMap<string, readonly string[]>;
  /** Bit per BMP code point: set for the characters of `ambiguous`. */
  readonly bitmap: Uint8Array;
  /** Per ambiguous character and reading, the phrases of the dictionaries that read it so (头发 … for 髮). */
  readonly phrases: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

function entries(dict: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const item of dict.split('|')) {
    const sp = item.indexOf(' ');
    if (sp > 0) out.push([item.slice(0, sp), item.slice(sp + 1)]);
  }
  return out;
}

/** Readings from one conversion group (highest priority first), as opencc-js holds it. */
export function deriveReadings(group: DictGroup): Readings {
  const all = group.map(entries);
  const defaults = new Map<string, string>();
  for (const dict of all) for (const [k, v] of dict) if ([...k].length === 1 && !defaults.has(k)) defaults.set(k, v);
  const seen = new Map<string, Set<string>>();
  const phrases = new Map<string, Map<string, string[]>>();
  for (const dict of all) {
    for (const [k, v] of dict) {
      const ks = [...k];
      const vs = [...v];
      if (ks.length < 2 || ks.length !== vs.length) continue;
      ks.forEach((c, i) => {
        let byReading = phrases.get(c);
        if (byReading === undefined) phrases.set(c, (byReading = new Map()));
        const list = byReading.get(vs[i]);
        if (list === undefined) byReading.set(vs[i], [k]);
        else list.push(k);
        const d = defaults.get(c) ?? c;
        if (vs[i] === d) return;
        let set = seen.get(c);
        if (set === undefined) seen.set(c, (set = new Set([d])));
        set.add(vs[i]);
      });
    }
  }
  for (const c of phrases.keys()) if (!seen.has(c)) phrases.delete(c);
  const ambiguous = new Map<string, readonly string[]>();
  const bitmap = new Uint8Array(0x10000 >> 3);
  for (const [c, set] of seen) {
    ambiguous.set(c, [...set]);
    const cp = c.codePointAt(0) as number;
    if (cp < 0x10000) bitmap[cp >> 3] |= 1 << (cp & 7);
  }
  return { defaults, ambiguous, bitmap, phrases };
}
