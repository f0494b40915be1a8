/**
 * Prose bound to the tables. A generation stores its sentences (key, text, cells: GeneratedProse);
 * the next generation reads the section as the editor left it, sentence by sentence:
 *  - a sentence whose text is what the last generation wrote is the generator's: it is replaced by
 *    the new text of the same key (so every bound figure follows the tables);
 *  - any other sentence is the editor's and is kept as written.
 * A paragraph in which nothing changes keeps its blocks (formatting and links) untouched.
 */
import { findDraftPlaceholders, PROSE_SECTIONS, type DraftParagraph, type DraftSections, type DraftSentence, type ProseSection } from './draft-prose';
import { toBlocks } from './prose';
import type { BlocksNode } from './types';

/** What a generation wrote, stored with the report. */
export interface GeneratedProse {
  version: 1;
  generatedAt: string;
  sections: DraftSections;
  /** Facts stated in the prose that are not table cells (e.g. notices.published). */
  facts: Record<string, number>;
}

export type SentenceOrigin = 'generated' | 'hand-written' | 'placeholder';

export interface SentenceView {
  text: string;
  origin: SentenceOrigin;
  /** The generator's key and the cells its figures come from (generated sentences only). */
  key?: string;
  cells?: string[];
}

export interface SectionChange {
  section: ProseSection;
  before: string;
  after: string;
}

/** Splits after 。！？ (and their half-width forms), keeping the mark; text after the last mark is a sentence too. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^。！？!?]*[。！？!?]+[”’」』）)]*/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m[0]) out.push(m[0]);
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  // A placeholder glued to a sentence is a sentence of its own (the drafts write them so).
  return out
    .flatMap((s) => s.split(/(?=【待[补補])|(?<=【待[补補][^】]*】)/))
    .map((s) => s.trim())
    .filter(Boolean);
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null;

function inlineText(children: unknown): string {
  if (!Array.isArray(children)) return '';
  return children.map((c) => (isObject(c) ? (typeof c.text === 'string' ? c.text : inlineText(c.children)) : '')).join('');
}

/** Strapi blocks (or plain text) as a list of paragraph texts, with the block each came from. */
function paragraphsOf(value: unknown): { text: string; block: BlocksNode | null }[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return toBlocks(value).map((b) => ({ text: inlineText(b.children), block: b }));
  if (!Array.isArray(value)) return [];
  const out: { text: string; block: BlocksNode | null }[] = [];
  for (const node of value) {
    if (!isObject(node)) continue;
    if (node.type === 'list') {
      for (const item of Array.isArray(node.children) ? node.children : []) out.push({ text: inlineText(item?.children), block: null });
      // lists are kept whole: represented by their block once
      out.push({ text: '', block: node as BlocksNode });
      continue;
    }
    out.push({ text: inlineText(node.children), block: node as BlocksNode });
  }
  return out;
}

/** Whether a prose value holds any text. */
export function hasProse(value: unknown): boolean {
  return paragraphsOf(value).some((p) => p.text.trim() !== '');
}

function indexByText(paragraphs: readonly DraftParagraph[] | undefined): Map<string, DraftSentence> {
  const map = new Map<string, DraftSentence>();
  for (const p of paragraphs ?? []) for (const s of p) map.set(s.text.trim(), s);
  return map;
}

/** Each paragraph's sentences, marked generated / hand-written / placeholder against the last generation. */
export function classifySection(value: unknown, generated: readonly DraftParagraph[] | undefined): SentenceView[][] {
  const byText = indexByText(generated);
  return paragraphsOf(value)
    .filter((p) => p.text.trim() !== '')
    .map((p) =>
      splitSentences(p.text).map((text): SentenceView => {
        if (findDraftPlaceholders(text).length) return { text, origin: 'placeholder' };
        const g = byText.get(text);
        return g ? { text, origin: 'generated', key: g.key, cells: g.cells } : { text, origin: 'hand-written' };
      }),
    );
}

/**
 * The section after a regeneration: `current` as the editor left it, `previous` what the last generation
 * wrote, `next` what this one writes. Returns Strapi blocks, the sentences changed and those kept as
 * the editor's. An empty section gets `next` whole.
 */
export function mergeSection(
  section: ProseSection,
  current: unknown,
  previous: readonly DraftParagraph[] | undefined,
  next: readonly DraftParagraph[],
): { blocks: BlocksNode[]; changes: SectionChange[]; kept: string[] } {
  const nextText = next.map((p) => p.map((s) => s.text).join(''));
  if (!hasProse(current)) {
    return {
      blocks: toBlocks(nextText.join('\n\n')),
      changes: nextText.map((after) => ({ section, before: '', after })),
      kept: [],
    };
  }
  const prevByText = indexByText(previous);
  const nextByKey = new Map(next.flatMap((p) => p.map((s) => [s.key, s] as const)));
  const blocks: BlocksNode[] = [];
  const changes: SectionChange[] = [];
  const kept: string[] = [];
  for (const p of paragraphsOf(current)) {
    if (p.block === null) continue; // list items: their list block is kept whole below
    if (p.block.type === 'list' || p.block.type === 'image' || p.text.trim() === '') {
      blocks.push(p.block);
      continue;
    }
    let changed = false;
    const sentences = splitSentences(p.text).map((text) => {
      const mine = prevByText.get(text);
      if (!mine) {
        kept.push(text);
        return text;
      }
      const after = nextByKey.get(mine.key)?.text ?? '';
      if (after !== text) {
        changed = true;
        changes.push({ section, before: text, after });
      }
      return after;
    });
    if (!changed) blocks.push(p.block);
    else if (sentences.join('') !== '') blocks.push({ type: 'paragraph', children: [{ type: 'text', text: sentences.join('') }] });
  }
  return { blocks, changes, kept };
}

/** The sections of a report as the generator left them, for storing with the report. */
export function generatedProse(sections: DraftSections, facts: Record<string, number>, generatedAt: string): GeneratedProse {
  return { version: 1, generatedAt, sections, facts };
}

/** Reads what is stored (null, garbage, older shapes) as GeneratedProse, or null. */
export function readGeneratedProse(value: unknown): GeneratedProse | null {
  if (!isObject(value) || value.version !== 1 || !isObject(value.sections)) return null;
  const sections = {} as DraftSections;
  for (const key of PROSE_SECTIONS) {
    const paragraphs = Array.isArray(value.sections[key]) ? value.sections[key] : [];
    sections[key] = paragraphs
      .filter(Array.isArray)
      .map((p: unknown[]) =>
        p.filter((s): s is DraftSentence => isObject(s) && typeof s.key === 'string' && typeof s.text === 'string' && Array.isArray(s.cells)),
      );
  }
  const facts: Record<string, number> = {};
  for (const [k, v] of Object.entries(isObject(value.facts) ? value.facts : {})) if (typeof v === 'number' && Number.isFinite(v)) facts[k] = v;
  return { version: 1, generatedAt: typeof value.generatedAt === 'string' ? value.generatedAt : '', sections, facts };
}
