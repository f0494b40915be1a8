import { Trie } from 'opencc-js';
import { ConversionError } from './errors';
import type { DictGroup } from './opencc-data';

/**
 * A node of opencc-js's Trie: a Map from code point to child, with the replacement on `trie_val`.
 * We walk these nodes ourselves (instead of Trie.matchPrefix) to bound a match to a segment and
 * to avoid allocating a result object per match; the shape is checked when a trie is built.
 */
export interface TrieNode extends Map<number, TrieNode> {
  trie_val?: string;
}

/** Reusable out-parameter of longestMatch, so the hot loop allocates nothing. */
export interface Match {
  end: number;
  value: string;
}

export function newMatch(): Match {
  return { end: 0, value: '' };
}

/**
 * A trie root plus a bitmap of the code points its keys start with. Most positions of a text
 * start no key of a given dictionary (variant tables, glossaries, normalization), and a bit test
 * is much cheaper than the Map lookup that would find that out.
 */
export interface TrieRoot {
  readonly node: TrieNode;
  readonly first: Uint8Array;
}

function rootWithBitmap(node: TrieNode): TrieRoot {
  let max = 0;
  for (const cp of node.keys()) max = Math.max(max, cp);
  const first = new Uint8Array((max >> 3) + 1);
  for (const cp of node.keys()) first[cp >> 3] |= 1 << (cp & 7);
  return { node, first };
}

/** Width (1 or 2) of the code point cpAt read last: module state, so the hot loops allocate nothing. */
let width = 1;

/** The code point at s[i]; a surrogate pair only when both halves lie before end. */
function cpAt(s: string, i: number, end: number): number {
  const cp = s.charCodeAt(i);
  width = 1;
  if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
    const lo = s.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) {
      width = 2;
      return ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
    }
  }
  return cp;
}

/** Whether a key of the trie can start with code point cp (the bitmap test). */
function mayStart(root: TrieRoot, cp: number): boolean {
  const byte = cp >> 3;
  return byte < root.first.length && (root.first[byte] & (1 << (cp & 7))) !== 0;
}

/** Longest key of the trie that is a prefix of s[start, end); fills m and returns true if any. */
export function longestMatch(root: TrieRoot, s: string, start: number, end: number, m: Match): boolean {
  const first = cpAt(s, start, end);
  if (!mayStart(root, first)) return false;
  let node = root.node.get(first) as TrieNode;
  let j = start + width;
  let found = -1;
  let value = '';
  if (node.trie_val !== undefined) {
    found = j;
    value = node.trie_val;
  }
  while (j < end) {
    const next = node.get(cpAt(s, j, end));
    if (next === undefined) break;
    node = next;
    j += width;
    const v = node.trie_val;
    if (v !== undefined) {
      found = j;
      value = v;
    }
  }
  if (found < 0) return false;
  m.end = found;
  m.value = value;
  return true;
}

/** Whether some key consists of ASCII only (then ASCII text is not guaranteed to pass unchanged). */
export function hasAsciiKey(root: TrieRoot): boolean {
  const visit = (node: TrieNode): boolean => {
    for (const [cp, child] of node) {
      if (cp < 0x80 && (child.trie_val !== undefined || visit(child))) return true;
    }
    return false;
  };
  return visit(root.node);
}

function rootOf(trie: Trie): TrieNode {
  const map: unknown = (trie as unknown as { map?: unknown }).map;
  if (!(map instanceof Map)) {
    throw new ConversionError('DICTIONARY_DATA', 'opencc-js Trie no longer exposes its node map; engine needs updating');
  }
  return map as TrieNode;
}

/** Builds a trie with opencc-js's own loader, so priorities within a group are upstream's. */
export function trieFromPairs(pairs: Iterable<readonly [string, string]>): TrieRoot {
  const trie = new Trie();
  for (const [source, replacement] of pairs) trie.addWord(source, replacement);
  return rootWithBitmap(rootOf(trie));
}

// Dictionary tries are shared by every conversion that uses the same group (the s2* configs
// all share the big STPhrases/STCharacters group), which is most of the build time and memory.
const groupTries = new Map<string, TrieRoot>();
const dictIds = new Map<string, number>();

function groupKey(group: DictGroup): string {
  return group
    .map((dict) => {
      let id = dictIds.get(dict);
      if (id === undefined) {
        id = dictIds.size;
        dictIds.set(dict, id);
      }
      return id;
    })
    .join(',');
}

export function trieForGroup(group: DictGroup): TrieRoot {
  const key = groupKey(group);
  let root = groupTries.get(key);
  if (root === undefined) {
    const trie = new Trie();
    trie.loadDictGroup([...group]);
    root = rootWithBitmap(rootOf(trie));
    groupTries.set(key, root);
  }
  return root;
}

/**
 * Every key of the trie that is a prefix of s[start, end), shortest first: writes each key's end
 * offset and replacement and returns how many there are (at most ends.length).
 */
export function allMatches(root: TrieRoot, s: string, start: number, end: number, ends: Int32Array, values: string[]): number {
  const first = cpAt(s, start, end);
  if (!mayStart(root, first)) return 0;
  let node = root.node.get(first) as TrieNode;
  let j = start + width;
  let n = 0;
  for (;;) {
    const v = node.trie_val;
    if (v !== undefined && n < ends.length) {
      ends[n] = j;
      values[n] = v;
      n += 1;
    }
    if (j >= end) break;
    const next = node.get(cpAt(s, j, end));
    if (next === undefined) break;
    node = next;
    j += width;
  }
  return n;
}
