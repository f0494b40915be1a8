/**
 * What changed in a text, word by word: Chinese has no spaces, so words come from the runtime's
 * dictionary-based segmenter (Intl.Segmenter, ICU), and the word sequences are compared with jsdiff's
 * Myers diff. Long unchanged stretches are shortened to a little context on either side.
 */
import { diffArrays } from 'diff';

export type DiffPart = { op: 'same' | 'removed' | 'added'; text: string };

// Intl.Segmenter is in Node ≥ 16 with full ICU; the plugin's TypeScript lib (ES2020) does not declare it.
type WordSegmenter = { segment(text: string): Iterable<{ segment: string }> };
const { Segmenter } = Intl as unknown as { Segmenter: new (locale: string, options: { granularity: 'word' }) => WordSegmenter };
const segmenter = new Segmenter('zh', { granularity: 'word' });

/**
 * ICU's dictionary segmentation slows down sharply on long runs (166k characters: ~27 s, measured), so the
 * text is cut at sentence ends and line breaks first, and any longer piece every CHUNK characters.
 */
const CHUNK = 400;
function words(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[。！？；!?;\n])/)) {
    for (let i = 0; i < sentence.length; i += CHUNK) {
      for (const s of segmenter.segment(sentence.slice(i, i + CHUNK))) out.push(s.segment);
    }
  }
  return out;
}

/** Beyond this many edits (or this long) a field is shown as replaced rather than diffed word by word. */
const MAX_EDITS = 2000;
const TIMEOUT_MS = 200;

const shorten = (text: string, limit = 2 * CONTEXT) => (text.length > limit ? `${text.slice(0, limit)}…` : text);

/** Characters of unchanged text kept before and after a change. */
const CONTEXT = 12;

export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const changes = diffArrays(words(before), words(after), { maxEditLength: MAX_EDITS, timeout: TIMEOUT_MS });
  if (!changes) {
    // rewritten rather than edited: the beginning of each version
    return [...(before ? [{ op: 'removed' as const, text: shorten(before) }] : []), ...(after ? [{ op: 'added' as const, text: shorten(after) }] : [])];
  }
  for (const change of changes) {
    const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.join('');
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += text;
    else if (text) parts.push({ op, text });
  }
  return parts.map((part, i) => {
    if (part.op !== 'same') return part;
    const first = i === 0;
    const final = i === parts.length - 1;
    const keep = (first || final ? 1 : 2) * CONTEXT;
    if (part.text.length <= keep + 1) return part;
    if (first) return { op: 'same', text: `…${part.text.slice(-CONTEXT)}` };
    if (final) return { op: 'same', text: `${part.text.slice(0, CONTEXT)}…` };
    return { op: 'same', text: `${part.text.slice(0, CONTEXT)}…${part.text.slice(-CONTEXT)}` };
  });
}

/** Per field, the word diff of the fields whose text changed (fields in the order of `after`, then removed ones). */
export function fieldChanges(before: Record<string, string>, after: Record<string, string>): Array<{ field: string; parts: DiffPart[] }> {
  const fields = [...Object.keys(after), ...Object.keys(before).filter((f) => !(f in after))];
  return fields.filter((f) => (before[f] ?? '') !== (after[f] ?? '')).map((field) => ({ field, parts: wordDiff(before[field] ?? '', after[field] ?? '') }));
}
