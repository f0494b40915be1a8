import type { Converter } from '../converter';
import { ConversionError } from '../errors';

/** A Strapi 5 "blocks" node; only the fields the converter reads are typed. */
export interface BlocksNode {
  type: string;
  children?: BlocksNode[];
  text?: string;
  [field: string]: unknown;
}

type Leaf = BlocksNode & { text: string };

/** Inline nodes: their text leaves read as one text, so a word split by marks still converts. */
const INLINE_TYPES = new Set(['text', 'link']);

function invalid(path: string, what: string): never {
  throw new ConversionError('INVALID_CONTENT', `blocks: ${path} ${what}`);
}

function asNode(x: unknown, path: string): BlocksNode {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) invalid(path, 'is not a node object');
  if (typeof (x as { type?: unknown }).type !== 'string') invalid(path, 'has no string "type"');
  return x as BlocksNode;
}

class BlocksConverter {
  private unit: Leaf[] = [];

  constructor(private readonly converter: Converter) {}

  /** Converts the leaves gathered so far as one text and writes the results into them. */
  private flush(): void {
    if (this.unit.length === 1) {
      this.unit[0].text = this.converter.convertText(this.unit[0].text); // one leaf: no spans to track
    } else if (this.unit.length > 1) {
      const out = this.converter.convertWithSpans(this.unit.map((l) => l.text));
      this.unit.forEach((leaf, k) => {
        leaf.text = out[k];
      });
    }
    this.unit = [];
  }

  /** Inline parents (links) continue the text around them; block parents end it. */
  private children(nodes: unknown, path: string, inlineParent: boolean): BlocksNode[] | undefined {
    if (nodes === undefined) return undefined;
    if (!Array.isArray(nodes)) invalid(path, 'children is not an array');
    const out = nodes.map((child, i) => {
      const node = asNode(child, `${path}.children[${i}]`);
      if (!INLINE_TYPES.has(node.type)) this.flush(); // a block child ends the running text
      return this.node(node, `${path}.children[${i}]`);
    });
    if (!inlineParent) this.flush();
    return out;
  }

  node(node: BlocksNode, path: string): BlocksNode {
    if (node.type === 'code') return structuredClone(node); // code blocks are never converted
    if (node.type === 'text') {
      // Text leaves hold only the text and boolean marks: a shallow copy is a full copy.
      const leaf = { ...node };
      if (typeof leaf.text !== 'string' || leaf.text === '') return leaf; // nothing to convert (empty lines are common)
      if (leaf.code === true) this.flush(); // inline code: kept, and not part of the text around it
      else this.unit.push(leaf as Leaf);
      return leaf;
    }
    const { children, ...rest } = node;
    // Shallow copy: nested objects other than children are only read, except the image (copied below).
    const copy: BlocksNode = { ...rest };
    if (node.type === 'image') this.imageFields(copy);
    if (children !== undefined) copy.children = this.children(children, path, INLINE_TYPES.has(node.type));
    return copy;
  }

  // The image object (URL, formats, …) is kept; only its prose fields are converted.
  private imageFields(copy: BlocksNode): void {
    const image = copy.image;
    if (typeof image !== 'object' || image === null) return;
    const fields = structuredClone(image) as Record<string, unknown>;
    copy.image = fields;
    for (const key of ['alternativeText', 'caption']) {
      const value = fields[key];
      if (typeof value === 'string') fields[key] = this.converter.convertText(value);
    }
  }

  document(content: unknown): BlocksNode[] {
    if (!Array.isArray(content)) invalid('content', 'is not an array of blocks');
    return content.map((block, i) => {
      const out = this.node(asNode(block, `[${i}]`), `[${i}]`);
      this.flush();
      return out;
    });
  }
}

export const blocksFormat =
  (converter: Converter) =>
  (content: readonly BlocksNode[]): BlocksNode[] =>
    new BlocksConverter(converter).document(content);
