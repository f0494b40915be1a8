// Splits markdown into block chunks by lines: what is code (kept), raw HTML (HTML rules),
// reference definitions (URL kept) and running text (inline rules). CommonMark-shaped, best
// effort; when unsure it leans towards keeping text as is rather than converting code.

export type ChunkKind = 'text' | 'verbatim' | 'html' | 'definition';

export interface Chunk {
  kind: ChunkKind;
  start: number;
  end: number;
}

interface Line {
  start: number;
  end: number; // including the line ending
  /** The line without container prefix (blockquote markers) and line ending. */
  rest: string;
}

const BLOCKQUOTE_PREFIX = /^(?: {0,3}>[ \t]?)*/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;
const FENCE_OPEN = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?(`{3,}(?=[^`]*$)|~{3,})/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
const INDENTED_CODE = /^(?: {4}|\t)/;
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/;
const DEFINITION_WITHOUT_URL = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*$/;

const HTML_BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li ' +
    'link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th ' +
    'thead title tr track ul'
  ).split(' '),
);

/** End marker of an HTML block, or '' for blocks that end at a blank line; null: not HTML. */
function htmlBlockEnd(rest: string, inParagraph: boolean): string | null {
  const s = rest.replace(/^ {0,3}/, '');
  if (!s.startsWith('<')) return null;
  const raw = /^<(script|pre|style|textarea)(?:[\s>]|$)/i.exec(s);
  if (raw) return `</${raw[1].toLowerCase()}>`;
  if (s.startsWith('<!--')) return '-->';
  if (s.startsWith('<?')) return '?>';
  if (s.startsWith('<![CDATA[')) return ']]>';
  if (/^<![A-Za-z]/.test(s)) return '>';
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:[\s/>]|$)/.exec(s);
  if (tag && HTML_BLOCK_TAGS.has(tag[1].toLowerCase())) return '';
  // Any other complete tag alone on its line starts a block, but cannot interrupt a paragraph.
  if (!inParagraph && /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?\/?>\s*$/.test(s)) return '';
  return null;
}

function splitLines(src: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start < src.length;) {
    const nl = src.indexOf('\n', start);
    const end = nl < 0 ? src.length : nl + 1;
    const body = src.slice(start, end).replace(/\r?\n$/, '');
    lines.push({ start, end, rest: body.slice(BLOCKQUOTE_PREFIX.exec(body)?.[0].length ?? 0) });
    start = end;
  }
  return lines;
}

export function splitMarkdownBlocks(src: string): Chunk[] {
  const chunks: Chunk[] = [];
  const push = (kind: ChunkKind, line: Line, extend = false): void => {
    const last = chunks[chunks.length - 1];
    if (extend && last !== undefined && last.kind === kind && last.end === line.start) last.end = line.end;
    else chunks.push({ kind, start: line.start, end: line.end });
  };

  let fence: { char: string; length: number } | null = null;
  let htmlEnd: string | null = null; // inside an HTML block when not null
  let inParagraph = false;
  let inList = false;
  let afterBlank = true;
  let inIndentedCode = false;
  let definitionNeedsUrl = false;

  for (const line of splitLines(src)) {
    const { rest } = line;
    const blank = rest.trim() === '';

    if (fence !== null) {
      const close = FENCE_CLOSE.exec(rest);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
      push('verbatim', line, true);
      continue;
    }
    if (htmlEnd !== null) {
      if (htmlEnd === '' && blank) {
        htmlEnd = null; // the blank line itself is not part of the block
      } else {
        push('html', line, true);
        if (htmlEnd !== '' && rest.toLowerCase().includes(htmlEnd)) htmlEnd = null;
        continue;
      }
    }
    if (blank) {
      push('verbatim', line, true);
      inParagraph = false;
      afterBlank = true;
      definitionNeedsUrl = false;
      continue;
    }
    if (definitionNeedsUrl) {
      definitionNeedsUrl = false;
      push('definition', line, true); // the URL of "[x]:" given on the next line
      continue;
    }
    const indented = INDENTED_CODE.test(rest);
    if (inList && afterBlank && !indented && !LIST_ITEM.test(rest)) inList = false;

    if (indented && !inParagraph && !inList && (afterBlank || inIndentedCode)) {
      push('verbatim', line, true);
      inIndentedCode = true;
      afterBlank = false;
      continue;
    }
    inIndentedCode = false;
    afterBlank = false;

    const open = FENCE_OPEN.exec(rest);
    if (open && (inList || !indented)) {
      fence = { char: open[1][0], length: open[1].length };
      push('verbatim', line, true);
      inParagraph = false;
      continue;
    }
    const end = htmlBlockEnd(rest, inParagraph);
    if (end !== null) {
      push('html', line);
      // Blocks with an end marker may close on their first line (<!-- … --> on one line).
      htmlEnd = end !== '' && rest.toLowerCase().indexOf(end, rest.indexOf('<') + 1) >= 0 ? null : end;
      inParagraph = false;
      continue;
    }
    if (!inParagraph && DEFINITION.test(rest)) {
      push('definition', line);
      definitionNeedsUrl = DEFINITION_WITHOUT_URL.test(rest);
      continue;
    }
    if (THEMATIC_BREAK.test(rest)) {
      push('verbatim', line);
      inParagraph = false;
      continue;
    }
    if (ATX_HEADING.test(rest)) {
      push('text', line);
      inParagraph = false;
      continue;
    }
    if (LIST_ITEM.test(rest)) {
      inList = true;
      push('text', line);
      inParagraph = true;
      continue;
    }
    push('text', line, inParagraph);
    inParagraph = true;
  }
  return chunks;
}
