/**
 * Full-text tokens for Chinese without a dictionary: every Han run becomes its overlapping character
 * bigrams plus its last character alone, every other run of letters or digits one lower-case word. The
 * database's own tokenizer (FTS5 unicode61, PostgreSQL's `simple`) then only splits on the spaces put
 * between them. A query is tokenized the same way into phrases, so any substring of two or more Han
 * characters (房屋, 低保, 壶政发〔2026〕12号) finds the texts that contain it.
 */

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/** NFKC (full-width digits and letters to ASCII) and lower case, as both sides are compared. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

type Run = { han: boolean; text: string };

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const ch of normalizeText(text)) {
    const han = HAN.test(ch);
    if (!han && !WORD.test(ch)) {
      current = null;
      continue;
    }
    if (current && current.han === han) current.text += ch;
    else runs.push((current = { han, text: ch }));
  }
  return runs;
}

function bigrams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** The indexed form of a text: its tokens separated by spaces. */
export function indexTokens(text: string | null | undefined): string {
  if (!text) return '';
  const out: string[] = [];
  for (const run of runsOf(text)) {
    if (!run.han) {
      out.push(run.text);
      continue;
    }
    const chars = [...run.text];
    out.push(...bigrams(chars), chars[chars.length - 1]);
  }
  return out.join(' ');
}

/** One query phrase: tokens that must follow each other; `prefix`: the last one may begin a longer token. */
export interface Phrase {
  tokens: string[];
  prefix: boolean;
}

/**
 * A query term as a phrase. A Han run followed by more of the term ends where the text's run ends, so it
 * keeps the text's trailing single character; the term's last run may continue in the text, so it has no
 * trailing character, and a single last character (or word) is a prefix.
 */
export function phraseOf(term: string): Phrase | null {
  const runs = runsOf(term);
  if (!runs.length) return null;
  const tokens: string[] = [];
  let prefix = false;
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    const chars = [...run.text];
    if (!run.han) {
      tokens.push(run.text);
      prefix = last;
    } else if (chars.length === 1) {
      tokens.push(run.text);
      prefix = last;
    } else {
      tokens.push(...bigrams(chars));
      if (!last) tokens.push(chars[chars.length - 1]);
      prefix = false;
    }
  });
  return { tokens, prefix };
}

export const MAX_QUERY_LENGTH = 100;
export const MAX_TERMS = 8;

/** The terms of a query (split on white space), at most MAX_TERMS, without repeats or empty ones. */
export function queryTerms(q: string): string[] {
  const terms = normalizeText(q)
    .split(/[\s\u3000]+/u)
    .filter((t) => phraseOf(t));
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** FTS5 MATCH syntax for a phrase: tokens are letters and digits only, so quoting cannot be escaped. */
export function fts5Phrase(p: Phrase): string {
  return `"${p.tokens.join(' ')}"${p.prefix ? ' *' : ''}`;
}

/** to_tsquery syntax for a phrase (`<->`: the next position). */
export function tsqueryPhrase(p: Phrase): string {
  const tokens = p.tokens.map((t, i) => `'${t}'${p.prefix && i === p.tokens.length - 1 ? ':*' : ''}`);
  return tokens.length > 1 ? `(${tokens.join(' <-> ')})` : tokens[0];
}
