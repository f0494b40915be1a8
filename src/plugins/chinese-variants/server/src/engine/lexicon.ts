import { readFileSync } from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { ConversionError } from './errors';

/**
 * A general Chinese word list with word frequencies, held in typed arrays: a trie over UTF-16
 * units whose edges live in one open-addressing hash table. Segmentation asks it, at each position,
 * for every word that starts there; a Map per node would cost five times the memory.
 */
export class Lexicon {
  /** Natural log of each node's word probability; 0 when the node is only a prefix. */
  private readonly logp: Float32Array;
  private readonly rootChild: Int32Array;
  private readonly edgeParent: Int32Array;
  private readonly edgeUnit: Uint16Array;
  private readonly edgeChild: Int32Array;
  private readonly mask: number;
  /** log(1 / total frequency): what an unknown single character scores (jieba's rule). */
  readonly unknownLogp: number;
  readonly words: number;

  private constructor(
    logp: Float32Array,
    rootChild: Int32Array,
    cap: number,
    edges: { parent: Int32Array; unit: Uint16Array; child: Int32Array },
    unknownLogp: number,
    words: number,
  ) {
    this.logp = logp;
    this.rootChild = rootChild;
    this.edgeParent = edges.parent;
    this.edgeUnit = edges.unit;
    this.edgeChild = edges.child;
    this.mask = cap - 1;
    this.unknownLogp = unknownLogp;
    this.words = words;
  }

  /**
   * Parses jieba's dict.txt format: one "word frequency [tag]" per line. Words of one unit and
   * words longer than maxUnits are kept only as far as segmentation needs (all single characters;
   * no word longer than maxUnits, which no sentence needs to see whole to be cut right).
   */
  static parse(text: string, maxUnits = 12): Lexicon {
    // Pass 1: total frequency and an upper bound on the trie's non-root nodes.
    let total = 0;
    let bound = 0;
    let lines = 0;
    for (let a = 0; a < text.length;) {
      let e = text.indexOf('\n', a);
      if (e < 0) e = text.length;
      const sp = text.indexOf(' ', a);
      if (sp > a && sp < e) {
        const f = parseInt(text.slice(sp + 1, e), 10);
        if (f > 0) {
          total += f;
          bound += Math.min(sp - a, maxUnits) - 1;
          lines += 1;
        }
      }
      a = e + 1;
    }
    if (lines === 0 || total === 0) throw new ConversionError('DICTIONARY_DATA', 'word list is empty');
    let cap = 1024;
    while (cap < bound * 1.6) cap *= 2;
    const parent = new Int32Array(cap).fill(-1);
    const unit = new Uint16Array(cap);
    const child = new Int32Array(cap);
    const mask = cap - 1;
    const rootChild = new Int32Array(0x10000);
    let logp = new Float32Array(1 << 16);
    let nodes = 1; // node 0 is the root
    const logTotal = Math.log(total);
    const grow = () => {
      if (nodes < logp.length) return;
      const bigger = new Float32Array(logp.length * 2);
      bigger.set(logp);
      logp = bigger;
    };
    let words = 0;
    for (let a = 0; a < text.length;) {
      let e = text.indexOf('\n', a);
      if (e < 0) e = text.length;
      const sp = text.indexOf(' ', a);
      if (sp > a && sp < e && sp - a <= maxUnits) {
        const f = parseInt(text.slice(sp + 1, e), 10);
        if (f > 0) {
          let node = rootChild[text.charCodeAt(a)];
          if (node === 0) {
            grow();
            node = nodes++;
            rootChild[text.charCodeAt(a)] = node;
          }
          for (let i = a + 1; i < sp; i += 1) {
            const u = text.charCodeAt(i);
            let h = hash(node, u) & mask;
            while (parent[h] !== -1 && (parent[h] !== node || unit[h] !== u)) h = (h + 1) & mask;
            if (parent[h] === -1) {
              grow();
              parent[h] = node;
              unit[h] = u;
              child[h] = nodes++;
            }
            node = child[h];
          }
          // A word listed twice keeps its larger frequency.
          const lp = Math.log(f) - logTotal;
          if (logp[node] === 0 || lp > logp[node]) {
            if (logp[node] === 0) words += 1;
            logp[node] = lp;
          }
        }
      }
      a = e + 1;
    }
    return new Lexicon(logp.slice(0, nodes), rootChild, cap, { parent, unit, child }, -logTotal, words);
  }

  /**
   * Words starting at s[start] and ending by `end`: writes each word's end offset and log
   * probability (shortest first) and returns how many there are.
   */
  wordsAt(s: string, start: number, end: number, ends: Int32Array, logps: Float64Array): number {
    let node = this.rootChild[s.charCodeAt(start)];
    if (node === 0) return 0;
    let n = 0;
    const { logp } = this;
    for (let j = start + 1; ; j += 1) {
      const lp = logp[node];
      if (lp !== 0 && n < ends.length) {
        ends[n] = j;
        logps[n] = lp;
        n += 1;
      }
      if (j >= end) break;
      node = this.child(node, s.charCodeAt(j));
      if (node === 0) break;
    }
    return n;
  }

  /** Log probability of s[start, end) as one word, or 0 when it is not a word of the list. */
  logpOf(s: string, start: number, end: number): number {
    let node = this.rootChild[s.charCodeAt(start)];
    for (let j = start + 1; node !== 0 && j < end; j += 1) node = this.child(node, s.charCodeAt(j));
    return node === 0 ? 0 : this.logp[node];
  }

  /** The node under `node` by UTF-16 unit u, or 0 (the root is never a child). */
  private child(node: number, u: number): number {
    const { edgeParent, edgeUnit, mask } = this;
    let h = hash(node, u) & mask;
    let p = edgeParent[h];
    while (p !== -1 && (p !== node || edgeUnit[h] !== u)) {
      h = (h + 1) & mask;
      p = edgeParent[h];
    }
    return p === -1 ? 0 : this.edgeChild[h];
  }

  /** Bytes held by the typed arrays (what the word list costs in memory). */
  get bytes(): number {
    return this.logp.byteLength + this.rootChild.byteLength + this.edgeParent.byteLength + this.edgeUnit.byteLength + this.edgeChild.byteLength;
  }
}

function hash(node: number, unit: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca77)) >>> 7;
}

let shared: Lexicon | null = null;

/**
 * jieba's general word list (349,045 words with frequencies, MIT), as shipped by @node-rs/jieba;
 * only its data file is read, the native segmenter is never loaded. Built once per process.
 */
export function jiebaLexicon(): Lexicon {
  if (shared === null) {
    let file: string;
    try {
      // The package's ESM build has no require: resolve from the app then (where it is installed).
      const req = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'index.js'));
      file = req.resolve('@node-rs/jieba/dict.txt');
    } catch {
      throw new ConversionError('DICTIONARY_DATA', 'word list @node-rs/jieba/dict.txt is not installed');
    }
    shared = Lexicon.parse(readFileSync(file, 'utf8'));
  }
  return shared;
}
