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

/**
 * to_tsquery syntax for a phrase's tokens all present, in any order (`&`). Without positions the GIN index
 * answers it exactly, with no recheck; the order is then confirmed on the text's runs (runsPattern), which
 * also confirms what is left out here when other tokens remain: a closing prefix (号:* is the union of
 * hundreds of bigrams) and single Han characters (a run's last character: 发 of 壶政发), which cost the
 * index more than they remove.
 */
export function tsqueryTokens(p: Phrase): string {
  const all = p.tokens.map((t, i) => ({
    text: `'${t}'${p.prefix && i === p.tokens.length - 1 ? ':*' : ''}`,
    prefix: p.prefix && i === p.tokens.length - 1,
    char: t.length === 1 && HAN.test(t),
  }));
  const words = all.filter((t) => !t.char);
  const kept = words.length > 1 ? words.filter((t) => !t.prefix) : words.length ? words : all;
  const tokens = kept.map((t) => t.text);
  return tokens.length > 1 ? `(${tokens.join(' & ')})` : tokens[0];
}

/**
 * A text as its runs (normalizeText, letters and digits only) separated by single spaces, with a space at
 * each end; fields joined by ` | `. A phrase is in the text exactly when runsPattern(term) is a substring
 * of this, so a phrase can be confirmed by `strpos` instead of token positions.
 */
export function runsText(...fields: Array<string | null | undefined>): string {
  return fields
    .map(
      (f) =>
        ` ${runsOf(f ?? '')
          .map((r) => r.text)
          .join(' ')} `,
    )
    .join('|');
}

/**
 * The substring of runsText that a query term's phrase (phraseOf) stands for: its runs separated by
 * spaces, and a leading space when it begins with a word (a word's tokens match from its start only,
 * where a Han bigram may start inside a run). Its end is open, as the phrase's last token.
 */
export function runsPattern(term: string): string | null {
  const runs = runsOf(term);
  if (!runs.length) return null;
  return `${runs[0].han ? '' : ' '}${runs.map((r) => r.text).join(' ')}`;
}
