import type { Conversion } from './conversions';
import type { Pipeline } from './pipeline';
import { splitByRuns } from './split-runs';
import { hasAsciiKey, type TrieRoot } from './trie';

const NON_ASCII = /[^\x00-\x7f]/;

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
}
