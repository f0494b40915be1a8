import { unmatchedLength } from './ids';
import { loadConfigChain } from './opencc-data';
import { SpanBuilder } from './span-builder';
import { hasAsciiKey, longestMatch, newMatch, trieForGroup, type Match, type TrieRoot } from './trie';

export interface PipelineResult {
  text: string;
  /** Per output UTF-16 unit, the offset in the input it came from (only when tracking). */
  offsets: Int32Array | null;
}

/** Max-match conversion of s[a, b) with one trie, as opencc-js's Trie.convert does on a segment. */
function convertRange(root: TrieRoot, s: string, a: number, b: number, from: Int32Array | null, out: SpanBuilder, m: Match): void {
  let copyFrom = a;
  let i = a;
  while (i < b) {
    if (longestMatch(root, s, i, b, m)) {
      if (copyFrom < i) out.copy(s, copyFrom, i, from);
      out.replace(m.value, s, i, m.end, from);
      i = m.end;
      copyFrom = i;
    } else {
      i += unmatchedLength(s, i, b);
    }
  }
  if (copyFrom < b) out.copy(s, copyFrom, b, from);
}

/** Per-run state; pipelines keep one for untracked runs because run() is never re-entered. */
class RunState {
  readonly m: Match = newMatch();
  readonly out: SpanBuilder;
  cur: SpanBuilder;
  next: SpanBuilder;

  constructor(readonly track: boolean) {
    this.out = new SpanBuilder(track);
    this.cur = new SpanBuilder(track);
    this.next = new SpanBuilder(track);
  }
}

/**
 * One upstream OpenCC config run by hand: normalization, then longest-match segmentation, then
 * each conversion stage applied inside each segment (what opencc-js 1.4.2's Converter does).
 * Unlike opencc-js it lets a glossary take part in segmentation, keeps glossary output away
 * from later stages, and can report where every output character came from.
 */
export class Pipeline {
  private readonly normalization: readonly TrieRoot[];
  private readonly segmentation: TrieRoot;
  private readonly stages: readonly TrieRoot[];
  private readonly untracked = new RunState(false);
  /** No dictionary key is pure ASCII, so pure-ASCII text always converts to itself. */
  readonly asciiInert: boolean;
  /**
   * The segmentation dictionaries are the first dictionaries of the first stage (all s2* configs),
   * so a segmented phrase's first-stage output is the value segmentation already found: the first
   * stage would match the whole phrase and take it from the same, highest-priority dictionary.
   */
  private readonly segmentValueIsFirstStage: boolean;

  constructor(config: string) {
    const chain = loadConfigChain(config);
    this.normalization = chain.normalization.map(trieForGroup);
    this.stages = chain.stages.map(trieForGroup);
    // Without a segmentation step upstream max-matches the whole text with the first stage;
    // segmenting with that same trie is equivalent and gives the glossary something to compete with.
    this.segmentation = chain.segmentation ? trieForGroup(chain.segmentation) : this.stages[0];
    const seg = chain.segmentation;
    this.segmentValueIsFirstStage = seg === null || seg.every((dict, k) => chain.stages[0][k] === dict);
    this.asciiInert = ![...this.normalization, this.segmentation, ...this.stages].some(hasAsciiKey);
  }

  /**
   * Applies the normalization dictionaries (CJK compatibility ideographs) to the whole text. With
   * `ends` (end offset of each unit of a batch), no match crosses a unit end and `ends` is updated
   * in place to the normalized text.
   */
  normalize(input: string, track: boolean, m: Match = newMatch(), ends: Int32Array | null = null): PipelineResult {
    let text = input;
    let offsets: Int32Array | null = null;
    for (const root of this.normalization) {
      if (!anyMatch(root, text, m)) continue;
      const out = new SpanBuilder(track);
      if (ends === null) convertRange(root, text, 0, text.length, offsets, out, m);
      else {
        let a = 0;
        for (let u = 0; u < ends.length; u += 1) {
          const b = ends[u];
          convertRange(root, text, a, b, offsets, out, m);
          a = b;
          ends[u] = out.text.length;
        }
      }
      text = out.text;
      offsets = track ? out.offsets.slice(0, out.length) : null;
    }
    return { text, offsets };
  }

  /**
   * Converts input. `glossary` maps (normalized) sources to final output; at each position the
   * longer of glossary match and dictionary phrase wins, the glossary on a tie.
   */
  run(input: string, glossary: TrieRoot | null, track: boolean): PipelineResult {
    return this.runUnits(input, null, glossary, track);
  }

  /**
   * Converts a batch of independent texts joined in `input`, `ends` holding the end offset of each
   * (increasing; the last is input.length). Every match is bounded by the end of its text, so each
   * converts exactly as it would alone; one call saves the per-call set-up of many tiny texts.
   * `ends` is overwritten with the end offset of each text in the output.
   */
  runUnits(input: string, ends: Int32Array | null, glossary: TrieRoot | null, track: boolean): PipelineResult {
    const st = track ? new RunState(true) : this.untracked;
    const { out } = st;
    out.reset();
    const norm = this.normalize(input, track, st.m, ends);
    const s = norm.text;
    if (ends === null) this.unit(s, 0, s.length, glossary, st);
    else {
      let a = 0;
      for (let u = 0; u < ends.length; u += 1) {
        const b = ends[u];
        this.unit(s, a, b, glossary, st);
        a = b;
        ends[u] = out.text.length;
      }
    }
    const text = out.text;
    const offsets = track ? composeOffsets(out, norm.offsets) : null;
    out.reset(); // drop the reference to the (possibly large) output
    return { text, offsets };
  }

  /** Segments and converts s[a, n) (one text), appending to st.out. */
  private unit(s: string, a: number, n: number, glossary: TrieRoot | null, st: RunState): void {
    const { m, out } = st;
    let runStart = -1;
    let i = a;
    while (i < n) {
      let g = 0;
      let gv = '';
      if (glossary !== null && longestMatch(glossary, s, i, n, m)) {
        g = m.end - i;
        gv = m.value;
      }
      let p = 0;
      let pv = '';
      if (longestMatch(this.segmentation, s, i, n, m)) {
        p = m.end - i;
        pv = m.value;
      }
      if (g === 0 && p === 0) {
        if (runStart < 0) runStart = i;
        i += unmatchedLength(s, i, n);
        continue;
      }
      if (runStart >= 0) {
        this.segment(s, runStart, i, st);
        runStart = -1;
      }
      if (g >= p) {
        out.replace(gv, s, i, i + g, null); // final: later stages never see it
        i += g;
      } else {
        if (this.segmentValueIsFirstStage) this.phrase(s, i, i + p, pv, st);
        else this.segment(s, i, i + p, st);
        i += p;
      }
    }
    if (runStart >= 0) this.segment(s, runStart, n, st);
  }

  /** Appends a phrase segment s[a, b) whose first-stage output v is known; later stages still apply. */
  private phrase(s: string, a: number, b: number, v: string, st: RunState): void {
    const { stages } = this;
    if (stages.length === 1) {
      st.out.replace(v, s, a, b, null);
      return;
    }
    if (stages.length === 2 && !st.track) {
      convertRange(stages[1], v, 0, v.length, null, st.out, st.m); // hot path: no intermediate copy
      return;
    }
    st.cur.reset();
    st.cur.replace(v, s, a, b, null);
    this.laterStages(st);
  }

  /** Runs every stage over one segment s[a, b) and appends the result to st.out. */
  private segment(s: string, a: number, b: number, st: RunState): void {
    const { stages } = this;
    const last = stages.length - 1;
    if (last === 0) {
      convertRange(stages[0], s, a, b, null, st.out, st.m);
      return;
    }
    st.cur.reset();
    convertRange(stages[0], s, a, b, null, st.cur, st.m);
    this.laterStages(st);
  }

  /** Runs stages 2…n over st.cur (a first-stage output) and appends the result to st.out. */
  private laterStages(st: RunState): void {
    const { stages } = this;
    const last = stages.length - 1;
    for (let k = 1; k < last; k += 1) {
      const cur = st.cur;
      st.next.reset();
      convertRange(stages[k], cur.text, 0, cur.text.length, st.track ? cur.offsets : null, st.next, st.m);
      st.cur = st.next;
      st.next = cur;
    }
    const cur = st.cur;
    convertRange(stages[last], cur.text, 0, cur.text.length, st.track ? cur.offsets : null, st.out, st.m);
  }
}

// Normalization almost never changes anything; checking first avoids rebuilding the string.
function anyMatch(root: TrieRoot, s: string, m: Match): boolean {
  for (let i = 0; i < s.length; i += 1) if (longestMatch(root, s, i, s.length, m)) return true;
  return false;
}

function composeOffsets(out: SpanBuilder, normOffsets: Int32Array | null): Int32Array {
  const offsets = out.offsets.slice(0, out.length);
  if (normOffsets !== null) for (let u = 0; u < offsets.length; u += 1) offsets[u] = normOffsets[offsets[u]];
  return offsets;
}
