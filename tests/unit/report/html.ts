// A strict little HTML reader for the renderer's own output: it throws on a misnested or unclosed
// tag, so every test that parses the report also checks that the HTML is well formed.
export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

const VOID = new Set(['meta', 'br', 'link', 'img', 'hr', 'input']);
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);

export function parseHtml(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  const token = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"]*")*)\s*>|([^<]+)|(<)/g;
  for (const m of html.matchAll(token)) {
    const [, close, tag, rawAttrs, text, stray] = m;
    if (stray) throw new Error(`stray "<" at ${m.index}`);
    if (text !== undefined) {
      stack[stack.length - 1].children.push(decode(text));
      continue;
    }
    if (!tag) continue;
    const name = tag.toLowerCase();
    if (close) {
      const open = stack.pop();
      if (!open || open.tag !== name) throw new Error(`</${name}> closes <${open?.tag}> at ${m.index}`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (rawAttrs ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    const el: El = { tag: name, attrs, children: [] };
    stack[stack.length - 1].children.push(el);
    if (!VOID.has(name)) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].tag}>`);
  return root;
}

export function findAll(el: El, pred: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (pred(c)) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function find(el: El, pred: (e: El) => boolean): El {
  const [first] = findAll(el, pred);
  if (!first) throw new Error('element not found');
  return first;
}

export const byTag = (tag: string) => (e: El) => e.tag === tag;

export function text(el: El | string): string {
  return typeof el === 'string' ? el : el.children.map(text).join('');
}

export interface Slot {
  el: El;
  /** True at the cell's own top-left slot. */
  origin: boolean;
}

/** The table as a matrix of slots, spans expanded, as a browser lays it out. */
export function tableMatrix(table: El): Slot[][] {
  const rows = findAll(table, byTag('tr'));
  const matrix: Slot[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of tr.children) {
      if (typeof cell === 'string' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
      while (matrix[r][c]) c++;
      const cs = Number(cell.attrs.colspan ?? 1);
      const rs = Number(cell.attrs.rowspan ?? 1);
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++) {
          if (!matrix[r + dr]) throw new Error(`rowspan past the table at row ${r}`);
          matrix[r + dr][c + dc] = { el: cell, origin: dr === 0 && dc === 0 };
        }
      c += cs;
    }
  });
  return matrix;
}
