import { unmatchedLength } from './ids';
import type { Lexicon } from './lexicon';
import { loadConfigChain } from './opencc-data';
import { LONE_DEFAULTS } from './lone-readings';
import { deriveReadings, type Readings } from './readings';
import { SUPPLEMENT_DICT } from './supplement';
import { SpanBuilder } from './span-builder';
import { allMatches, hasAsciiKey, longestMatch, newMatch, trieForGroup, type Match, type TrieRoot } from './trie';

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

  // Word segmentation (per chunk of text that no candidate word crosses).
  /** Best log probability of a path ending at chunk offset k. */
  best = new Float64Array(256);
  /** Chunk offset where the last word of that path starts, its kind and (phrase, glossary) value. */
  from = new Int32Array(256);
  kind = new Uint8Array(256);
  value: string[] = new Array<string>(256).fill('');
  readonly candEnd = new Int32Array(MAX_CANDIDATES);
  readonly candLogp = new Float64Array(MAX_CANDIDATES);
  readonly candKind = new Uint8Array(MAX_CANDIDATES);
  readonly candValue: string[] = new Array<string>(MAX_CANDIDATES).fill('');
  readonly matchEnd = new Int32Array(MAX_CANDIDATES);
  readonly matchValue: string[] = new Array<string>(MAX_CANDIDATES).fill('');
  readonly wordLogp = new Float64Array(MAX_CANDIDATES);
  readonly innerEnd = new Int32Array(MAX_CANDIDATES);
  readonly innerLogp = new Float64Array(MAX_CANDIDATES);
  readonly inner = new Float64Array(MAX_INNER + 1);
  readonly crossEnd = new Int32Array(MAX_CANDIDATES);
  readonly crossLogp = new Float64Array(MAX_CANDIDATES);
  readonly scratch = new SpanBuilder(false);
  path = new Int32Array(256);
  /** Per chunk offset: 1 where a dictionary phrase longer than one character starts. */
  phraseAt = new Uint8Array(256);
  multiPhrase = false;
  /** Per chunk offset: the furthest end of a phrase starting there that no word contradicts (the offset itself if none). */
  phraseReach = new Int32Array(256);
  reachOfPhrases = 0;
  /** When set, emitPath records [start, end) of every lone character with several readings. */
  notes: number[] | null = null;
  /** Per chunk offset: the first stage's output for the character there alone ('' when unchanged). */
  charValue: string[] = new Array<string>(256).fill('');
  single = '';
  /** st.cur holds first-stage output of words still waiting for the later stages. */
  pending = false;

  reserve(k: number): void {
    if (k < this.best.length) return;
    let size = this.best.length * 2;
    while (size <= k) size *= 2;
    const best = new Float64Array(size);
    best.set(this.best);
    const from = new Int32Array(size);
    from.set(this.from);
    const kind = new Uint8Array(size);
    kind.set(this.kind);
    this.best = best;
    this.from = from;
    this.kind = kind;
    this.value.length = size;
    this.path = new Int32Array(size);
    const phraseAt = new Uint8Array(size);
    phraseAt.set(this.phraseAt);
    this.phraseAt = phraseAt;
    const phraseReach = new Int32Array(size);
    phraseReach.set(this.phraseReach);
    this.phraseReach = phraseReach;
    this.charValue.length = size;
  }
}

/** Words longer than this many candidates at one position are not considered (no real text has them). */
const MAX_CANDIDATES = 48;
/** Longest span whose best inner cut is computed; a longer key scores as its characters alone. */
const MAX_INNER = 64;
const PLAIN = 0;
const PHRASE = 1;
const GLOSSARY = 2;
/** How much (natural log) a conversion phrase or glossary term beats the best cut of its own span. */
const PHRASE_MARGIN = 2;
/** Per UTF-16 unit covered by a phrase no word contradicts: such phrases win as upstream's longest match does. */
const PHRASE_BONUS = 30;
/** How far before a phrase a crossing word may start (words of up to this many + 2 characters). */
const CROSS_LOOKBACK = 3;
/** How far before a glossary term a phrase that covers its start may begin. */
const SHADOW_LOOKBACK = 16;
/** Per UTF-16 unit covered: makes every path that covers more text with glossary terms the best one. */
const GLOSSARY_BONUS = 1000;

/**
 * One upstream OpenCC config run by hand: normalization, then segmentation, then each conversion
 * stage applied inside each segment (what opencc-js 1.4.2's Converter does, by longest match).
 * Unlike opencc-js it can cut the text into words (with a word list), lets a glossary take part in
 * segmentation, keeps glossary output away from later stages, and can report where every output
 * character came from.
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

  /**
   * With a word list, text is cut into the most probable sequence of words (jieba's rule over the
   * word list, the conversion phrases and the glossary), and a conversion phrase is used only where
   * it is a word of that cut; without one, by longest match as upstream OpenCC does.
   */
  private readonly lexicon: Lexicon | null;

  constructor(config: string, lexicon: Lexicon | null = null) {
    const upstream = loadConfigChain(config);
    // The supplement's phrases go first (highest priority) in segmentation and the first stage alike.
    const chain =
      lexicon === null
        ? upstream
        : {
            ...upstream,
            segmentation: upstream.segmentation && [SUPPLEMENT_DICT, ...upstream.segmentation],
            stages: [[SUPPLEMENT_DICT, ...upstream.stages[0]], ...upstream.stages.slice(1)],
          };
    this.normalization = chain.normalization.map(trieForGroup);
    this.stages = chain.stages.map(trieForGroup);
    // Without a segmentation step upstream max-matches the whole text with the first stage;
    // segmenting with that same trie is equivalent and gives the glossary something to compete with.
    this.segmentation = chain.segmentation ? trieForGroup(chain.segmentation) : this.stages[0];
    const seg = chain.segmentation;
    this.segmentValueIsFirstStage = seg === null || seg.every((dict, k) => chain.stages[0][k] === dict);
    this.asciiInert = ![...this.normalization, this.segmentation, ...this.stages].some(hasAsciiKey);
    // Word segmentation reads phrase values off the first stage's trie (all s2* configs allow it).
    this.lexicon = this.segmentValueIsFirstStage ? lexicon : null;
    this.readings = this.lexicon === null ? null : deriveReadings(chain.stages[0]);
    this.review = this.readings === null ? new Uint8Array(0) : this.readings.bitmap.slice();
    // Not reviewed: characters whose other forms only live in words, and those whose forms the later
    // stages make one (纔 is 才 in Taiwan's standard, so s2tw has nothing to ask about a lone 才).
    const unreviewed = [...LONE_DEFAULTS.map(([c]) => c), ...[...(this.readings?.ambiguous.keys() ?? [])].filter((c) => this.readingsOf(c).length < 2)];
    for (const c of unreviewed) {
      const cp = c.charCodeAt(0);
      if (cp >> 3 < this.review.length) this.review[cp >> 3] &= ~(1 << (cp & 7));
    }
  }

  /** Characters a lone occurrence of which is flagged for review: several readings, not LONE_DEFAULTS. */
  private readonly review: Uint8Array;

  /** The first stage's characters with several readings (only with a word list: it is what the cut can change). */
  readonly readings: Readings | null;

  /** Whether s[a, b) holds a character with several readings (else no cut of it changes its output). */
  private hasAmbiguous(s: string, a: number, b: number): boolean {
    const bitmap = (this.readings as Readings).bitmap;
    for (let i = a; i < b; i += 1) {
      const c = s.charCodeAt(i);
      if ((bitmap[c >> 3] & (1 << (c & 7))) !== 0) return true;
    }
    return false;
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
   * Converts input. `glossary` maps (normalized) sources to final output; a term wins over words and
   * phrases, except a longer phrase at its start or a phrase that started before it (the longer of
   * glossary match and phrase at each position, the glossary on a tie, by longest match).
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

  /**
   * Where the conversion of input chose among several Traditional forms of a character without
   * context: a character with several readings standing alone in the cut (not inside a phrase or a
   * glossary term). Offsets are the input's (UTF-16).
   */
  ambiguities(input: string, glossary: TrieRoot | null): Array<{ index: number; length: number }> {
    if (this.lexicon === null) return [];
    const st = new RunState(false);
    st.notes = [];
    const norm = this.normalize(input, true, st.m);
    this.unit(norm.text, 0, norm.text.length, glossary, st);
    const at = (k: number): number => (norm.offsets === null ? k : k < norm.offsets.length ? norm.offsets[k] : input.length);
    const out: Array<{ index: number; length: number }> = [];
    for (let j = 0; j < st.notes.length; j += 2) out.push({ index: at(st.notes[j]), length: at(st.notes[j + 1]) - at(st.notes[j]) });
    return out;
  }

  /**
   * A character's readings as the target writes them, the one chosen without context first, each
   * with the commonest word (by the word list) among the dictionaries' phrases that read it so ('' when none).
   */
  readingsOf(ch: string): Array<{ form: string; example: string }> {
    const readings = this.readings?.ambiguous.get(ch) ?? [this.readings?.defaults.get(ch) ?? ch];
    const phrases = this.readings?.phrases.get(ch);
    const lex = this.lexicon;
    const commonest = (list: readonly string[] | undefined): string => {
      let best = '';
      let bestLogp = -Infinity;
      for (const w of list ?? []) {
        const lp = lex === null || w.length > 4 ? 0 : lex.logpOf(w, 0, w.length);
        if (lp !== 0 && lp > bestLogp) [best, bestLogp] = [w, lp];
      }
      return best;
    };
    const out = new Map<string, string>();
    for (const r of readings) {
      const form = this.finish(r);
      if (!out.has(form)) out.set(form, commonest(phrases?.get(r)));
    }
    return [...out].map(([form, example]) => ({ form, example }));
  }

  /** The later stages' output for a first-stage output v (how a reading looks in the target). */
  finish(v: string): string {
    const st = new RunState(false);
    if (this.stages.length === 1) return v;
    st.cur.replace(v, v, 0, v.length, null);
    this.laterStages(st);
    return st.out.text;
  }

  /** Segments and converts s[a, n) (one text), appending to st.out. */
  private unit(s: string, a: number, n: number, glossary: TrieRoot | null, st: RunState): void {
    const lex = this.lexicon;
    if (lex === null) {
      this.unitByLongestMatch(s, a, n, n, glossary, st);
      return;
    }
    // Clause by clause: only where a character has several readings can the cut change the output;
    // elsewhere upstream's longest match gives the same first stage at a fraction of the cost.
    const bitmap = (this.readings as Readings).bitmap;
    let i = a;
    while (i < n) {
      let j = i;
      let ambiguous = false;
      for (let c = s.charCodeAt(j); j < n && !isBreak(c); c = s.charCodeAt(++j)) {
        if (!ambiguous && (bitmap[c >> 3] & (1 << (c & 7))) !== 0) ambiguous = true;
      }
      while (j < n && isBreak(s.charCodeAt(j))) j += 1;
      if (ambiguous) i = this.unitByWords(s, i, j, n, glossary, st, lex);
      else {
        this.flushPending(st);
        i = this.unitByLongestMatch(s, i, j, n, glossary, st);
      }
    }
    this.flushPending(st);
  }

  /**
   * Most probable cut of s[a, n) into words (dynamic programming, left to right), then each word
   * converted: a glossary term to its output, a conversion phrase to its value, any other word by
   * the stages inside the word alone. A chunk is cut as soon as no candidate word crosses its end,
   * so memory follows the longest clause, not the text.
   */
  private unitByWords(s: string, a: number, stop: number, n: number, glossary: TrieRoot | null, st: RunState, lex: Lexicon): number {
    const { candEnd, candLogp, candKind, candValue, matchEnd, wordLogp } = st;
    let c0 = a;
    let hi = 0;
    let reach = a;
    st.best[0] = 0;
    let i = a;
    while (i < n) {
      const base = st.best[i - c0];
      const w = unmatchedLength(s, i, n);
      // Candidate 0: the character alone (always there, so every position is reachable).
      candEnd[0] = i + w;
      candLogp[0] = lex.unknownLogp;
      candKind[0] = PLAIN;
      let c = 1;
      if (w === 1) {
        const k = lex.wordsAt(s, i, n, matchEnd, wordLogp);
        for (let j = 0; j < k; j += 1) {
          if (matchEnd[j] === i + 1) {
            candLogp[0] = wordLogp[j]; // the character is a word of the list
            continue;
          }
          candEnd[c] = matchEnd[j];
          candLogp[c] = wordLogp[j];
          candKind[c] = PLAIN;
          c += 1;
        }
      }
      st.multiPhrase = false;
      st.single = '';
      st.reachOfPhrases = i;
      c = this.addMatches(this.stages[0], PHRASE, s, c0, i, n, c, st, lex);
      st.charValue[i - c0] = st.single;
      st.phraseAt[i - c0] = st.multiPhrase ? 1 : 0;
      st.phraseReach[i - c0] = st.reachOfPhrases;
      if (glossary !== null) c = this.addMatches(glossary, GLOSSARY, s, c0, i, n, c, st, lex);
      for (let j = 0; j < c; j += 1) {
        const e = candEnd[j];
        const k = e - c0;
        if (k > hi) {
          st.reserve(k);
          for (let x = hi + 1; x <= k; x += 1) st.best[x] = -Infinity;
          hi = k;
        }
        const score = base + candLogp[j];
        // On a tie the longer last word wins (it started earlier).
        if (score > st.best[k] || (score === st.best[k] && i - c0 < st.from[k])) {
          st.best[k] = score;
          st.from[k] = i - c0;
          st.kind[k] = candKind[j];
          st.value[k] = candValue[j];
        }
        if (e > reach) reach = e;
      }
      i += w;
      if (i >= reach) {
        this.emitPath(s, c0, i - c0, st);
        if (i >= stop) break;
        c0 = i;
        hi = 0;
        st.best[0] = 0;
      }
    }
    return i;
  }

  /**
   * Adds the keys of root starting at s[i] as candidates (upgrading a word of the same span). A key
   * scores a little better than the best cut of its own span, so it loses only to a cut that
   * crosses one of its ends (一|出席 against 一出|席), never to pieces of itself (大数据, not 大|数据).
   */
  private addMatches(root: TrieRoot, kind: number, s: string, c0: number, i: number, n: number, c: number, st: RunState, lex: Lexicon): number {
    const { candEnd, candLogp, candKind, candValue, matchEnd, matchValue } = st;
    const k = allMatches(root, s, i, n, matchEnd, matchValue);
    let count = c;
    for (let j = 0; j < k; j += 1) {
      const e = matchEnd[j];
      if (kind === PHRASE && e === candEnd[0]) {
        st.single = matchValue[j]; // a character's own conversion: not a phrase, it never changes the cut
        continue;
      }
      if (kind === GLOSSARY && shadowed(c0, i, e, st)) continue;
      let x = 0;
      while (x < count && candEnd[x] !== e) x += 1;
      if (x === count) {
        if (count === candEnd.length) continue;
        candEnd[x] = e;
        candLogp[x] = -Infinity;
        candKind[x] = PLAIN;
        count += 1;
      } else if (candKind[x] === GLOSSARY) continue;
      const multi = e - i > unmatchedLength(s, i, e);
      if (multi && kind === PHRASE) st.multiPhrase = true;
      if (candKind[x] === PLAIN && multi) {
        if (kind === PHRASE && !this.hasAmbiguous(s, i, e)) {
          // No character of it reads otherwise in another word: only its place in the cut matters.
          candLogp[x] = Math.max(candLogp[x], lex.unknownLogp) + PHRASE_BONUS * (e - i);
          if (e > st.reachOfPhrases) st.reachOfPhrases = e;
        } else {
          const inside = bestCut(lex, s, i, e, st) + PHRASE_MARGIN;
          if (inside > candLogp[x]) candLogp[x] = inside;
          if (kind === PHRASE && !this.conflicts(s, i, e, matchValue[j], c0, n, st, lex)) {
            candLogp[x] += PHRASE_BONUS * (e - i);
            if (e > st.reachOfPhrases) st.reachOfPhrases = e;
          }
        }
      }
      if (kind === GLOSSARY) candLogp[x] += GLOSSARY_BONUS * (e - i);
      candKind[x] = kind;
      candValue[x] = matchValue[j];
    }
    return count;
  }

  /**
   * Whether a word of the list crosses an edge of the phrase s[i, e) (value v) and reads a character
   * they share otherwise than the phrase does: 出席 against 一出 → 一齣, 发布 against 被发 → 被髮. Such a
   * phrase is a word only where the text's words say so; any other phrase is upstream's context rule
   * (芒果|干 keeps 果干 → 果乾: 芒果 reads 果 as the phrase does) and is preferred as upstream prefers it.
   */
  private conflicts(s: string, i: number, e: number, v: string, c0: number, n: number, st: RunState, lex: Lexicon): boolean {
    if (v.length !== e - i) return false; // no character alignment to compare
    const { crossEnd, crossLogp, scratch, m } = st;
    for (let h = Math.max(c0, i - CROSS_LOOKBACK); h < e; h += 1) {
      const k = lex.wordsAt(s, h, n, crossEnd, crossLogp);
      for (let j = 0; j < k; j += 1) {
        const f = crossEnd[j];
        if (h < i ? f <= i : f <= e) continue; // inside the phrase, or ends before it
        scratch.reset();
        convertRange(this.stages[0], s, h, f, null, scratch, m);
        const w = scratch.text;
        if (w.length !== f - h) return true;
        for (let q = Math.max(h, i); q < Math.min(f, e); q += 1) if (w.charCodeAt(q - h) !== v.charCodeAt(q - i)) return true;
      }
    }
    return false;
  }

  /**
   * Converts the best path of the chunk starting at c0 and `len` long, word by word. The first stage
   * runs inside each word; later stages run over each phrase alone and over each run of other words
   * together, as upstream runs them over a phrase and over the text between phrases.
   */
  private emitPath(s: string, c0: number, len: number, st: RunState): void {
    const { path, phraseAt, charValue } = st;
    const single = this.stages.length === 1;
    let p = 0;
    for (let k = len; k > 0; k = st.from[k]) path[p++] = k;
    let start = c0;
    let copyFrom = -1; // start of unchanged text not yet appended (words without phrases only)
    while (p > 0) {
      const k = path[--p];
      const end = c0 + k;
      const kind = st.kind[k];
      if (kind === PLAIN) {
        // A character standing alone whose form the dictionaries chose without context.
        if (st.notes !== null && end - start === 1) {
          const c = s.charCodeAt(start);
          if ((this.review[c >> 3] & (1 << (c & 7))) !== 0) st.notes.push(start, end);
        }
        let clean = true;
        for (let x = start - c0; clean && x < k; x += 1) clean = phraseAt[x] === 0;
        if (!single && !st.pending) {
          st.cur.reset();
          st.pending = true;
        }
        const target = single ? st.out : st.cur;
        if (clean) {
          // No phrase starts inside: each character converts alone, as the trie walk already found.
          if (copyFrom < 0) copyFrom = start;
          for (let i = start; i < end;) {
            const w = unmatchedLength(s, i, end);
            const v = charValue[i - c0];
            if (v !== '') {
              if (copyFrom < i) target.copy(s, copyFrom, i, null);
              target.replace(v, s, i, i + w, null);
              copyFrom = i + w;
            }
            i += w;
          }
        } else {
          if (copyFrom >= 0 && copyFrom < start) target.copy(s, copyFrom, start, null);
          copyFrom = -1;
          convertRange(this.stages[0], s, start, end, null, target, st.m);
        }
      } else {
        if (copyFrom >= 0 && copyFrom < start) (single ? st.out : st.cur).copy(s, copyFrom, start, null);
        copyFrom = -1;
        this.flushPending(st);
        if (kind === GLOSSARY) st.out.replace(st.value[k], s, start, end, null);
        else this.phrase(s, start, end, st.value[k], st);
      }
      start = end;
    }
    if (copyFrom >= 0 && copyFrom < start) (single ? st.out : st.cur).copy(s, copyFrom, start, null);
  }

  /** Runs the later stages over the words waiting in st.cur (a run of words that are not phrases). */
  private flushPending(st: RunState): void {
    if (!st.pending) return;
    st.pending = false;
    this.laterStages(st);
  }

  /**
   * Upstream's segmentation: longest match at each position (the glossary wins a tie), from a until
   * the first segment end at or after stop; returns where it stopped.
   */
  private unitByLongestMatch(s: string, a: number, stop: number, n: number, glossary: TrieRoot | null, st: RunState): number {
    const { m, out } = st;
    let runStart = -1;
    let i = a;
    while (i < n && i < stop) {
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
    if (runStart >= 0) this.segment(s, runStart, i, st);
    return i;
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

/** Where a clause ends: white space and punctuation (no word of the list holds one). */
function isBreak(c: number): boolean {
  if (c < 0x80)
    return (
      c <= 0x20 || c === 0x21 || c === 0x22 || c === 0x27 || c === 0x28 || c === 0x29 || c === 0x2c || c === 0x2e || c === 0x3a || c === 0x3b || c === 0x3f
    );
  // 、。 and CJK brackets (not 〇, a numeral), full-width punctuation (not digits or －), … — and quotes
  return (
    (c >= 0x3000 && c <= 0x3003) ||
    (c >= 0x3008 && c <= 0x3011) ||
    (c >= 0xff01 && c <= 0xff0f && c !== 0xff0d) ||
    (c >= 0xff1a && c <= 0xff1f) ||
    c === 0x2026 ||
    c === 0x2014 ||
    (c >= 0x2018 && c <= 0x201d)
  );
}

/**
 * Whether a glossary term at [i, e) gives way to a dictionary phrase, as it always has: to a longer
 * phrase starting at i, and to any phrase starting before i that covers i (理头发 is never cut by a
 * term 头发). Only phrases no word contradicts count (see Pipeline.conflicts); c0 is the chunk start,
 * before which nothing reaches.
 */
function shadowed(c0: number, i: number, e: number, st: RunState): boolean {
  const { phraseReach } = st;
  if (phraseReach[i - c0] > e) return true;
  for (let h = Math.max(c0, i - SHADOW_LOOKBACK); h < i; h += 1) if (phraseReach[h - c0] > i) return true;
  return false;
}

/** Log probability of the most probable cut of s[a, b) into words of the list (and single characters). */
function bestCut(lex: Lexicon, s: string, a: number, b: number, st: RunState): number {
  const { inner, innerEnd, innerLogp } = st;
  const len = b - a;
  if (len > MAX_INNER) {
    let sum = 0;
    for (let i = a; i < b; i += 1) sum += lex.logpOf(s, i, i + 1) || lex.unknownLogp;
    return sum;
  }
  inner[0] = 0;
  for (let k = 1; k <= len; k += 1) inner[k] = -Infinity;
  for (let i = a; i < b;) {
    const base = inner[i - a];
    const w = unmatchedLength(s, i, b);
    const single = base + (w === 1 ? lex.logpOf(s, i, i + 1) || lex.unknownLogp : lex.unknownLogp);
    if (single > inner[i + w - a]) inner[i + w - a] = single;
    if (w === 1) {
      const k = lex.wordsAt(s, i, b, innerEnd, innerLogp);
      for (let j = 0; j < k; j += 1) {
        const score = base + innerLogp[j];
        if (score > inner[innerEnd[j] - a]) inner[innerEnd[j] - a] = score;
      }
    }
    i += w;
  }
  return inner[len];
}

function composeOffsets(out: SpanBuilder, normOffsets: Int32Array | null): Int32Array {
  const offsets = out.offsets.slice(0, out.length);
  if (normOffsets !== null) for (let u = 0; u < offsets.length; u += 1) offsets[u] = normOffsets[offsets[u]];
  return offsets;
}
