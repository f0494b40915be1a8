import { readFileSync } from 'fs';
import * as path from 'path';
import { EMPTY_GLOSSARY, getConverter, withDefaultGlossary, type Conversion } from '../server/src/engine';

const GOLDEN = path.resolve(__dirname, '../../../../../shared/reference/opencc-conformance/golden');
const golden = readFileSync(path.join(GOLDEN, 'input/us_constitution_zhs.txt'), 'utf8');

/** Deterministic pseudo-random split points (LCG), so failures reproduce. */
function randomSplit(s: string, pieces: number, seed: number): string[] {
  let x = seed;
  const cuts = new Set<number>();
  while (cuts.size < pieces - 1) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const at = x % s.length;
    const c = s.charCodeAt(at);
    if (c < 0xdc00 || c > 0xdfff) cuts.add(at); // never inside a surrogate pair
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return [0, ...sorted].map((from, k) => s.slice(from, sorted[k] ?? s.length));
}

describe('convertWithSpans', () => {
  it('converts a word split across runs as the word: 头|发 → 頭|髮', () => {
    const c = getConverter('s2tw');
    expect(c.convertText('头')).toBe('頭');
    expect(c.convertText('发')).toBe('發'); // alone, 发 is not hair
    expect(c.convertWithSpans(['头', '发'])).toEqual(['頭', '髮']);
  });

  it('gives a length-changing match to the run where it starts', () => {
    const c = getConverter('s2twp'); // 方便面 → 泡麵 (3 → 2)
    expect(c.convertWithSpans(['吃方便', '面了'])).toEqual(['吃泡麵', '了']);
    expect(c.convertWithSpans(['吃', '方便面', '了'])).toEqual(['吃', '泡麵', '了']);
  });

  it('keeps empty runs and surrogate pairs intact', () => {
    const c = getConverter('s2t');
    expect(c.convertWithSpans(['', '头', '', '发', ''])).toEqual(['', '頭', '', '髮', '']);
    expect(c.convertText('𠀾')).toBe('𠁞'); // a supplementary-plane character that converts
    expect(c.convertWithSpans(['𠀾头', '发𠀾'])).toEqual(['𠁞頭', '髮𠁞']);
    expect(c.convertWithSpans(['𠀀头', '发𠀀'])).toEqual(['𠀀頭', '髮𠀀']);
  });

  it('maps through normalization (CJK compatibility ideographs)', () => {
    const c = getConverter('s2t');
    // U+F900 豈 normalizes to U+8C48 豈; the split still follows the input runs.
    expect(c.convertText('\uF900')).toBe('\u8C48');
    expect(c.convertWithSpans(['\uF900头', '发'])).toEqual(['\u8C48頭', '髮']);
  });

  it('splits glossary output too', () => {
    const g = withDefaultGlossary({ version: 'spans-liye', terms: [{ source: '里耶', replacement: '里耶' }] });
    expect(getConverter('s2twp', g).convertWithSpans(['里', '耶古城'])).toEqual(['里', '耶古城']);
    expect(getConverter('s2twp').convertWithSpans(['新闻发', '布会'])).toEqual(['新聞發', '佈會']);
  });

  it.each<Conversion>(['s2t', 's2tw', 's2twp', 's2hk'])('%s: the runs always join to the unsplit conversion (golden document, random splits)', (conversion) => {
    const c = conversion === 's2twp' ? getConverter(conversion, EMPTY_GLOSSARY, { allowUnguarded: true }) : getConverter(conversion);
    const whole = c.convertText(golden);
    for (const [pieces, seed] of [
      [2, 1],
      [17, 2],
      [500, 3],
      [5000, 4],
    ]) {
      const runs = randomSplit(golden, pieces, seed);
      const out = c.convertWithSpans(runs);
      expect(out).toHaveLength(runs.length);
      expect(out.join('')).toBe(whole);
    }
  });

  it('puts every output character in the run its source came from when lengths are kept', () => {
    const c = getConverter('s2tw');
    const runs = randomSplit(golden, 3000, 7);
    const out = c.convertWithSpans(runs);
    // s2tw of this document changes no lengths, so each run converts to the same length.
    expect(c.convertText(golden)).toHaveLength(golden.length);
    out.forEach((o, k) => expect(o.length).toBe(runs[k].length));
  });
});

describe('convertUnits (many texts in one pass)', () => {
  /** The reference: each unit converted on its own, as the formats did one call per unit. */
  const oneByOne = (c: ReturnType<typeof getConverter>, runs: string[], ends: number[]): string[] =>
    ends.flatMap((end, k) => c.convertWithSpans(runs.slice(k === 0 ? 0 : ends[k - 1], end)));

  it('never matches a word across two units: 头 | 发 stay 頭 | 發, while one unit gives 頭髮', () => {
    const c = getConverter('s2tw');
    expect(c.convertUnits(['头', '发'], [1, 2])).toEqual(['頭', '發']);
    expect(c.convertUnits(['头', '发'], [2])).toEqual(['頭', '髮']);
    expect(c.convertUnits(['头', '头', '发', '发'], [1, 3, 4])).toEqual(['頭', '頭', '髮', '發']);
  });

  it('bounds glossary terms, ideographic description sequences and normalization by the unit', () => {
    const g = withDefaultGlossary({ version: 'units-liye', terms: [{ source: '里耶', replacement: '里耶' }] });
    const c = getConverter('s2twp', g);
    expect(c.convertUnits(['里', '耶'], [1, 2])).toEqual([c.convertText('里'), c.convertText('耶')]);
    expect(c.convertUnits(['里', '耶'], [2])).toEqual(['里', '耶']);
    // ⿰ takes the next two characters as one unconverted unit, but only inside its own text.
    const s = getConverter('s2t');
    expect(s.convertText('⿰发头')).toBe('⿰发头');
    expect(s.convertUnits(['⿰发', '头'], [1, 2])).toEqual([s.convertText('⿰发'), '頭']);
    expect(s.convertUnits(['\uF900头', '发'], [1, 2])).toEqual(['\u8C48頭', '發']);
  });

  it('keeps empty runs, ASCII-only units and surrogate pairs', () => {
    const c = getConverter('s2t');
    expect(c.convertUnits([], [])).toEqual([]);
    expect(c.convertUnits(['', 'abc', '头', '', '𠀾发', 'x'], [2, 3, 5, 6])).toEqual(['', 'abc', '頭', '', '𠁞發', 'x']);
  });

  it.each<Conversion>(['s2t', 's2tw', 's2twp', 's2hk', 't2s', 'tw2sp'])(
    '%s: equals converting each unit alone (golden document, random units of random runs)',
    (conversion) => {
      const c = ['s2twp'].includes(conversion) ? getConverter(conversion, EMPTY_GLOSSARY, { allowUnguarded: true }) : getConverter(conversion);
      const text = conversion.startsWith('s2') ? golden : getConverter('s2tw').convertText(golden);
      for (const [pieces, seed] of [
        [40, 11],
        [900, 12],
        [6000, 13],
      ]) {
        const runs = randomSplit(text, pieces, seed);
        // Unit ends from the same generator: units of 1 to 4 runs, most of one run (as in documents).
        const ends: number[] = [];
        let x = seed;
        for (let end = 0; end < runs.length;) {
          x = (x * 1103515245 + 12345) % 2 ** 31;
          end = Math.min(runs.length, end + (x % 3 === 0 ? 1 + (x % 4) : 1));
          ends.push(end);
        }
        expect(c.convertUnits(runs, ends)).toEqual(oneByOne(c, runs, ends));
      }
    },
  );
});
