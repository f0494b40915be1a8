import type { Conversion } from './conversions';
import type { Pipeline } from './pipeline';
import { splitByRuns } from './split-runs';
import { hasAsciiKey, type TrieRoot } from './trie';

// eslint-disable-next-line no-control-regex -- the whole ASCII range, controls included
const NON_ASCII = /[^\x00-\x7f]/;

/** A place where the conversion chose among several forms of a character without context. */
export interface Ambiguity {
  /** UTF-16 offset and length in the converted text. */
  index: number;
  length: number;
  source: string;
  /** The forms the dictionaries know for it, as the target writes them; the one chosen first. */
  candidates: string[];
  /** For each candidate, a Simplified word that reads it so (头发 for 髮), or '' when none is known. */
  examples: string[];
}

/** A conversion bound to one glossary version; immutable and safe to share across requests. */
export class Converter {
  // Markup is full of ASCII-only text (whitespace between tags); it is returned as is, which
  // also keeps one-byte strings out of the hot loop (mixing string kinds slows it down).
  private readonly asciiInert: boolean;

  constructor(
    readonly conversion: Conversion,
    readonly glossaryVersion: string,
    private readonly pipeline: Pipeline,
    private readonly glossary: TrieRoot | null,
    /** Protected sources this glossary lacks (matters only for guarded conversions). */
    readonly missingProtected: readonly string[],
  ) {
    this.asciiInert = pipeline.asciiInert && (glossary === null || !hasAsciiKey(glossary));
  }

  private unchanged(s: string): boolean {
    return this.asciiInert && !NON_ASCII.test(s);
  }

  /**
   * The characters of s that the conversion wrote in one of several forms without any word to
   * decide it (a lone 系, 台, 里 …); nothing inside a phrase or a glossary term is listed.
   */
  ambiguities(s: string): Ambiguity[] {
    if (this.unchanged(s)) return [];
    return this.pipeline.ambiguities(s, this.glossary).map(({ index, length }) => {
      const source = s.slice(index, index + length);
      const readings = this.pipeline.readingsOf(source);
      return { index, length, source, candidates: readings.map((r) => r.form), examples: readings.map((r) => r.example) };
    });
  }

  convertText(s: string): string {
    if (this.unchanged(s)) return s;
    return this.pipeline.run(s, this.glossary, false).text;
  }

  /**
   * Converts runs that read as one text (pieces of a paragraph split by markup) as one string,
   * so a word split by markup still converts as that word, and returns one output per run.
   */
  convertWithSpans(runs: readonly string[]): string[] {
    if (runs.length === 0) return [];
    if (runs.length === 1) return [this.convertText(runs[0])];
    if (runs.every((r) => this.unchanged(r))) return [...runs];
    const { text, offsets } = this.pipeline.run(runs.join(''), this.glossary, true);
    return splitByRuns(text, offsets as Int32Array, runs);
  }

  /**
   * Converts many texts at once, each a unit of runs: runs[unitEnds[k-1] … unitEnds[k]) read as one
   * text as in convertWithSpans, and no word is ever matched across two units (unitEnds increase;
   * the last is runs.length, runs after it are returned as they are). The result equals
   * convertWithSpans of every unit (convertText of one-run units), one output per run; the units go
   * through the pipeline in at most two passes, which is what makes documents of many tiny
   * paragraphs as fast as one long text.
   */
  convertUnits(runs: readonly string[], unitEnds: readonly number[]): string[] {
    const out = runs.slice();
    // One-run units need no offsets (the cheaper pass); units of several runs are split by offsets.
    const single: number[] = [];
    const multi: number[] = []; // unit indexes
    let start = 0;
    for (let k = 0; k < unitEnds.length; k += 1) {
      const end = unitEnds[k];
      let inert = true;
      for (let r = start; r < end && inert; r += 1) inert = this.unchanged(runs[r]);
      if (!inert) (end - start === 1 ? single : multi).push(k);
      start = end;
    }
    const startOf = (k: number) => (k === 0 ? 0 : unitEnds[k - 1]);
    if (single.length > 0) {
      const texts = single.map((k) => runs[startOf(k)]);
      const converted = this.convertEach(texts);
      single.forEach((k, j) => {
        out[startOf(k)] = converted[j];
      });
    }
    if (multi.length > 0) {
      const batchRuns: string[] = [];
      const ends = new Int32Array(multi.length);
      let length = 0;
      multi.forEach((k, j) => {
        for (let r = startOf(k); r < unitEnds[k]; r += 1) {
          batchRuns.push(runs[r]);
          length += runs[r].length;
        }
        ends[j] = length;
      });
      const { text, offsets } = this.pipeline.runUnits(batchRuns.join(''), ends, this.glossary, true);
      // Offsets point into the joined runs and no match crosses a unit, so runs split as in convertWithSpans.
      const parts = splitByRuns(text, offsets as Int32Array, batchRuns);
      let p = 0;
      for (const k of multi) for (let r = startOf(k); r < unitEnds[k]; r += 1) out[r] = parts[p++];
    }
    return out;
  }

  /** convertText of each text, in one pass of the pipeline. */
  convertEach(texts: readonly string[]): string[] {
    if (texts.length === 1) return [this.convertText(texts[0])];
    const ends = new Int32Array(texts.length);
    let length = 0;
    for (let k = 0; k < texts.length; k += 1) {
      length += texts[k].length;
      ends[k] = length;
    }
    const { text } = this.pipeline.runUnits(texts.join(''), ends, this.glossary, false);
    const out: string[] = new Array(texts.length);
    let from = 0;
    for (let k = 0; k < texts.length; k += 1) {
      out[k] = text.slice(from, ends[k]);
      from = ends[k];
    }
    return out;
  }
}
