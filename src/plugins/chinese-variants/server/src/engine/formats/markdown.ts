import type { Converter } from '../converter';
import { convertAttributeValue, HtmlWriter } from './html';
import { tokenizeHtml } from './html-tokenizer';
import { splitMarkdownBlocks, type Chunk } from './markdown-blocks';
import { normalizeLabel, writeInline, type InlineEnv } from './markdown-inline';
import { UnitWriter } from './unit-writer';

// "[label]: destination "title"" (the destination may be on the next line).
const DEFINITION =
  /^( {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*\n?[ \t]*)(<[^<>\n]*>|\S+)(?:([ \t]+|[ \t]*\n[ \t]*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?(\s*)$/;

function definitionLabels(src: string, chunks: readonly Chunk[]): Set<string> {
  const labels = new Set<string>();
  for (const c of chunks) {
    const m = c.kind === 'definition' ? DEFINITION.exec(src.slice(c.start, c.end)) : null;
    if (m) labels.add(normalizeLabel(m[2]));
  }
  return labels;
}

/** Label and destination kept; the title converted. False if the chunk is not a definition. */
function writeDefinition(text: string, env: InlineEnv): boolean {
  const m = DEFINITION.exec(text);
  if (m === null) return false;
  const [, head, , destination, gap = '', title, tail] = m;
  env.w.verbatim(head + destination + gap);
  if (title !== undefined) {
    const inner = title.slice(1, -1);
    env.w.verbatim(title[0] + (env.html.context.convertible ? env.convertTitle(inner) : inner) + title[title.length - 1]);
  }
  env.w.verbatim(tail);
  return true;
}

export const markdownFormat =
  (converter: Converter) =>
  (content: string): string => {
    const chunks = splitMarkdownBlocks(content);
    const w = new UnitWriter(converter);
    const env: InlineEnv = {
      w,
      html: new HtmlWriter(w, converter, false), // raw HTML keeps its attributes in markdown
      labels: definitionLabels(content, chunks),
      convertTitle: (s) => convertAttributeValue(converter, s),
    };
    for (const c of chunks) {
      const text = content.slice(c.start, c.end);
      if (c.kind === 'verbatim') w.verbatim(text);
      else if (c.kind === 'html') tokenizeHtml(text, (tok) => env.html.token(text, tok));
      else if (c.kind !== 'definition' || !writeDefinition(text, env)) writeInline(content, c.start, c.end, env);
      w.flush();
    }
    return w.result();
  };
