/**
 * Report prose in either form the app holds it — plain text (paragraphs separated by blank lines)
 * or Strapi 5 blocks — normalised to one small model the renderers share.
 */
import type { BlocksInline, BlocksNode, BlocksParagraph, ProseInput } from './types';

export interface ProseRun {
  /** May contain "\n": a line break inside the paragraph. */
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  href?: string;
}

export type ProseBlock =
  | { kind: 'paragraph'; runs: ProseRun[] }
  | { kind: 'heading'; level: number; runs: ProseRun[] }
  | { kind: 'quote'; runs: ProseRun[] }
  | { kind: 'list'; ordered: boolean; items: ProseRun[][] };

const BLANK_LINE = /\n[ \t\u3000]*\n/;
// Leading ideographic spaces are a typed paragraph indent; the renderers indent by style instead.
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;

/** Plain text → paragraphs: blank lines separate paragraphs, single newlines stay as line breaks. */
export function textParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(BLANK_LINE)
    .map((p) => p.replace(EDGE_SPACE, ''))
    .filter((p) => p.length > 0);
}

/** Plain text → Strapi 5 blocks, one paragraph block per paragraph. */
export function toBlocks(text: string): BlocksParagraph[] {
  return textParagraphs(text).map((p) => ({ type: 'paragraph', children: [{ type: 'text', text: p }] }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function inlineRuns(children: unknown): ProseRun[] {
  if (!Array.isArray(children)) return [];
  const runs: ProseRun[] = [];
  for (const child of children as unknown[]) {
    if (!isObject(child)) continue;
    if (child.type === 'link' && typeof child.url === 'string') {
      for (const run of inlineRuns(child.children)) runs.push({ ...run, href: child.url });
    } else if (typeof child.text === 'string') {
      const t = child as unknown as Extract<BlocksInline, { type: 'text' }>;
      runs.push({
        text: t.text,
        ...(t.bold ? { bold: true } : {}),
        ...(t.italic ? { italic: true } : {}),
        ...(t.underline ? { underline: true } : {}),
        ...(t.strikethrough ? { strikethrough: true } : {}),
        ...(t.code ? { code: true } : {}),
      });
    } else if (Array.isArray(child.children)) {
      runs.push(...inlineRuns(child.children));
    }
  }
  return runs;
}

function listItems(node: Record<string, unknown>): ProseRun[][] {
  const items: ProseRun[][] = [];
  for (const child of Array.isArray(node.children) ? (node.children as unknown[]) : []) {
    if (!isObject(child)) continue;
    // Nested lists are flattened: a report's lists are short and Word/Excel exports have no nesting.
    if (child.type === 'list') items.push(...listItems(child));
    else items.push(inlineRuns(child.children));
  }
  return items.filter((runs) => runs.length > 0);
}

function fromBlocks(nodes: readonly unknown[]): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  for (const node of nodes) {
    if (!isObject(node)) continue;
    switch (node.type) {
      case 'image':
        continue; // the national layout has no pictures
      case 'heading':
        blocks.push({ kind: 'heading', level: typeof node.level === 'number' ? node.level : 3, runs: inlineRuns(node.children) });
        continue;
      case 'quote':
        blocks.push({ kind: 'quote', runs: inlineRuns(node.children) });
        continue;
      case 'list':
        blocks.push({ kind: 'list', ordered: node.format === 'ordered', items: listItems(node) });
        continue;
      default:
        blocks.push({ kind: 'paragraph', runs: inlineRuns(node.children) });
    }
  }
  return blocks.filter((b) => (b.kind === 'list' ? b.items.length > 0 : b.runs.some((r) => r.text.trim() !== '')));
}

/** A string that is a JSON array is taken as blocks JSON; any other string is plain text. */
function parseJsonBlocks(text: string): unknown[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return Array.isArray(parsed) && parsed.every((n) => isObject(n) && typeof n.type === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Normalises prose input; null, undefined and blank input give no blocks. */
export function parseProse(input: ProseInput): ProseBlock[] {
  if (input === null || input === undefined) return [];
  if (typeof input !== 'string') return fromBlocks(input as readonly BlocksNode[]);
  const json = parseJsonBlocks(input);
  if (json) return fromBlocks(json);
  return textParagraphs(input).map((p) => ({ kind: 'paragraph', runs: [{ text: p }] }));
}

/** The plain text of a block (list items on their own lines), for exports without formatting. */
export function blockText(block: ProseBlock): string {
  const join = (runs: ProseRun[]) => runs.map((r) => r.text).join('');
  if (block.kind !== 'list') return join(block.runs);
  return block.items.map((item, i) => `${block.ordered ? `${i + 1}. ` : '• '}${join(item)}`).join('\n');
}

/** Prose as plain text, paragraphs separated by blank lines. */
export function proseToText(input: ProseInput): string {
  return parseProse(input).map(blockText).join('\n\n');
}
