import { ConversionError } from './errors';
import { trieFromPairs, type TrieRoot } from './trie';

/**
 * A glossary entry, written in the conversion's input script.
 * - `replacement`: output exactly this.
 * - `keep` (the default when there is no replacement): "keep as written", i.e. output the term
 *   converted on its own by the conversion without its regional phrase dictionary (s2twp keeps
 *   with s2tw, tw2sp with tw2s, the others with themselves). So a kept term gets the target
 *   script's characters (文件 → 文件, 数据 → 數據, 发布 → 發佈 under s2twp) but never the other
 *   region's vocabulary (檔案, 資料, 釋出), and no phrase reaching across its edges.
 *   Characters whose Traditional form depends on meaning (里/裏, 发/髮) follow OpenCC's reading of
 *   the term alone; give such terms an explicit replacement (e.g. 里耶 → 里耶).
 */
export interface GlossaryTerm {
  source: string;
  replacement?: string;
  keep?: boolean;
}

/** `version` identifies the term list: change it whenever terms change (it keys the converter cache). */
export interface Glossary {
  version: string;
  terms: readonly GlossaryTerm[];
}

function invalid(message: string): never {
  throw new ConversionError('INVALID_GLOSSARY', message);
}

function checkTerm(t: unknown, i: number): void {
  if (typeof t !== 'object' || t === null) invalid(`term ${i} is not an object`);
  const { source, replacement, keep } = t as Record<string, unknown>;
  if (typeof source !== 'string' || source.length === 0) invalid(`term ${i}: source must be a non-empty string`);
  if (replacement !== undefined && (typeof replacement !== 'string' || replacement.length === 0)) {
    invalid(`term ${i} (${source}): replacement must be a non-empty string`);
  }
  if (keep !== undefined && typeof keep !== 'boolean') invalid(`term ${i} (${source}): keep must be a boolean`);
  if (replacement !== undefined && keep === true) invalid(`term ${i} (${source}): both keep and replacement`);
  if (replacement === undefined && keep === false) invalid(`term ${i} (${source}): neither keep nor replacement`);
}

export function assertGlossary(g: unknown): Glossary {
  if (typeof g !== 'object' || g === null) invalid('glossary must be an object { version, terms }');
  const { version, terms } = g as Record<string, unknown>;
  if (typeof version !== 'string' || version.length === 0) invalid('glossary version must be a non-empty string');
  if (!Array.isArray(terms)) invalid('glossary terms must be an array');
  terms.forEach(checkTerm);
  return g as Glossary;
}

/**
 * Trie from normalized source to final output (null when empty, so conversion skips the walk).
 * A later term with the same source overrides an earlier one.
 */
export function buildGlossaryTrie(terms: readonly GlossaryTerm[], normalize: (s: string) => string, keepForm: (s: string) => string): TrieRoot | null {
  if (terms.length === 0) return null;
  const outputs = new Map<string, string>();
  for (const t of terms) {
    const source = normalize(t.source);
    outputs.set(source, t.replacement ?? keepForm(source));
  }
  return trieFromPairs(outputs);
}

/** Normalized sources present in the glossary. */
export function glossarySources(terms: readonly GlossaryTerm[], normalize: (s: string) => string): Set<string> {
  return new Set(terms.map((t) => normalize(t.source)));
}
