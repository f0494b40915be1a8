/**
 * Strapi 5 "blocks" JSON to HTML. Everything is escaped; links keep only http(s), mailto and
 * relative URLs (others are rendered as plain text); images only http(s)/relative sources.
 * Unknown node types render their text children, never raw markup.
 */
import { attrs, escapeHtml, safeHref, safeSrc } from './html';

export interface TextLeaf {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}

export interface BlockNode {
  type: string;
  children?: BlockNode[];
  [key: string]: unknown;
}

export interface RenderBlocksOptions {
  /** The heading level that a blocks heading of level 1 becomes (default 2: the page title is the h1). */
  headingBase?: number;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function children(node: Record<string, unknown>): unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

function leafHtml(leaf: Record<string, unknown>): string {
  let html = escapeHtml(typeof leaf.text === 'string' ? leaf.text : '').replace(/\n/g, '<br>');
  if (!html) return '';
  if (leaf.code) html = `<code>${html}</code>`;
  if (leaf.bold) html = `<strong>${html}</strong>`;
  if (leaf.italic) html = `<em>${html}</em>`;
  if (leaf.underline) html = `<u>${html}</u>`;
  if (leaf.strikethrough) html = `<s>${html}</s>`;
  return html;
}

function inlineHtml(nodes: unknown[]): string {
  return nodes
    .map((n) => {
      if (!isObject(n)) return '';
      if (n.type === 'text') return leafHtml(n);
      if (n.type === 'link') {
        const inner = inlineHtml(children(n));
        const href = safeHref(n.url);
        if (!href) return inner;
        const external = /^https?:/i.test(href);
        return `<a${attrs({ href, rel: external ? 'noopener noreferrer' : undefined })}>${inner}</a>`;
      }
      return inlineHtml(children(n));
    })
    .join('');
}

function plainText(nodes: unknown[]): string {
  return nodes.map((n) => (isObject(n) ? (n.type === 'text' && typeof n.text === 'string' ? n.text : plainText(children(n))) : '')).join('');
}

function listHtml(node: Record<string, unknown>, options: Required<RenderBlocksOptions>): string {
  const tag = node.format === 'ordered' ? 'ol' : 'ul';
  const items = children(node)
    .map((item) => {
      if (!isObject(item)) return '';
      // A nested list may sit directly in the list (Strapi's indentLevel) or inside an item.
      if (item.type === 'list') return `<li class="blocks-nested">${listHtml(item, options)}</li>`;
      const parts = children(item).map((c) => (isObject(c) && c.type === 'list' ? listHtml(c, options) : inlineHtml([c])));
      return `<li>${parts.join('')}</li>`;
    })
    .join('');
  return `<${tag}>${items}</${tag}>`;
}

function blockHtml(node: unknown, options: Required<RenderBlocksOptions>): string {
  if (!isObject(node)) return '';
  switch (node.type) {
    case 'paragraph': {
      const inner = inlineHtml(children(node));
      return inner ? `<p>${inner}</p>` : '';
    }
    case 'heading': {
      const given = typeof node.level === 'number' && node.level >= 1 ? Math.floor(node.level) : 1;
      const level = Math.min(6, given - 1 + options.headingBase);
      return `<h${level}>${inlineHtml(children(node))}</h${level}>`;
    }
    case 'list':
      return listHtml(node, options);
    case 'quote':
      return `<blockquote><p>${inlineHtml(children(node))}</p></blockquote>`;
    case 'code': {
      const lang = typeof node.language === 'string' && /^[\w+-]{1,30}$/.test(node.language) ? `language-${node.language}` : undefined;
      return `<pre><code${attrs({ class: lang })}>${escapeHtml(plainText(children(node)))}</code></pre>`;
    }
    case 'image': {
      const image = isObject(node.image) ? node.image : {};
      const src = safeSrc(image.url);
      if (!src) return '';
      const alt = typeof image.alternativeText === 'string' ? image.alternativeText : '';
      const caption = typeof image.caption === 'string' && image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : '';
      const width = typeof image.width === 'number' ? image.width : undefined;
      const height = typeof image.height === 'number' ? image.height : undefined;
      return `<figure class="blocks-image"><img${attrs({ src, alt, width, height, loading: 'lazy' })}>${caption}</figure>`;
    }
    default: {
      const inner = inlineHtml(children(node));
      return inner ? `<p>${inner}</p>` : '';
    }
  }
}

/** HTML for a blocks value; anything that is not an array gives ''. */
export function renderBlocks(blocks: unknown, options: RenderBlocksOptions = {}): string {
  if (!Array.isArray(blocks)) return '';
  const opts: Required<RenderBlocksOptions> = { headingBase: options.headingBase ?? 2 };
  return blocks.map((b) => blockHtml(b, opts)).join('');
}

/** The text of a blocks value (for summaries and tests). */
export function blocksText(blocks: unknown): string {
  return Array.isArray(blocks) ? plainText(blocks) : '';
}
