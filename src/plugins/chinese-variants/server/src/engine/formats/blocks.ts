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
const isInline = (type: string): boolean => type === 'text' || type === 'link';

/**
 * Copies a blocks document and converts its text. The text leaves are gathered into units (the
 * leaves that read as one text: a paragraph's text and links, up to a block child or inline code)
 * while the copy is built, and all units are converted in one call at the end: a document of
 * thousands of one-line paragraphs then costs one conversion, not thousands. Units never join, so
 * the result is the same as converting each unit on its own.
 */
class BlocksConverter {
  private readonly leaves: Leaf[] = [];
  private readonly unitEnds: number[] = []; // end (exclusive) in leaves of each closed unit
  private unitStart = 0;
  // Index of each node on the way from the document to the node being read: error messages name
  // it, and keeping indexes instead of path strings costs nothing on valid content.
  private readonly at: number[] = [];
  private depth = 0; // used length of `at` (kept apart: shrinking an array's length is slow)

  constructor(private readonly converter: Converter) {}

  private path(): string {
    return this.at
      .slice(0, this.depth)
      .map((i, depth) => (depth === 0 ? `[${i}]` : `.children[${i}]`))
      .join('');
  }

  private invalid(what: string, path = this.path()): never {
    throw new ConversionError('INVALID_CONTENT', `blocks: ${path} ${what}`);
  }

  private asNode(x: unknown): BlocksNode {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) this.invalid('is not a node object');
    if (typeof (x as { type?: unknown }).type !== 'string') this.invalid('has no string "type"');
    return x as BlocksNode;
  }

  /** Ends the running text: the leaves gathered since the last end form one unit. */
  private endUnit(): void {
    const n = this.leaves.length;
    if (n > this.unitStart) {
      this.unitEnds.push(n);
      this.unitStart = n;
    }
  }

  /** Inline parents (links) continue the text around them; block parents end it. */
  private children(nodes: unknown, inlineParent: boolean): BlocksNode[] {
    if (!Array.isArray(nodes)) this.invalid('children is not an array');
    // The walk is recursive: a hostile document nested thousands deep would exhaust the stack.
    if (this.depth >= MAX_BLOCKS_DEPTH) this.invalid(`is nested deeper than ${MAX_BLOCKS_DEPTH} levels`);
    const { at } = this;
    const out: BlocksNode[] = [];
    const depth = this.depth;
    this.depth = depth + 1;
    for (let i = 0; i < nodes.length; i += 1) {
      at[depth] = i;
      const node = this.asNode(nodes[i]);
      if (!isInline(node.type)) this.endUnit(); // a block child ends the running text
      out.push(this.node(node));
    }
    this.depth = depth;
    if (!inlineParent) this.endUnit();
    return out;
  }

  private node(node: BlocksNode): BlocksNode {
    const { type } = node;
    if (type === 'text') {
      // Text leaves hold only the text and boolean marks: a shallow copy is a full copy.
      const leaf = { ...node };
      if (typeof leaf.text !== 'string' || leaf.text === '') return leaf; // nothing to convert (empty lines are common)
      if (leaf.code === true)
        this.endUnit(); // inline code: kept, and not part of the text around it
      else this.leaves.push(leaf as Leaf);
      return leaf;
    }
    if (type === 'code') return structuredClone(node); // code blocks are never converted
    // Shallow copy: nested objects other than children are only read, except the image (copied below).
    const copy: BlocksNode = { ...node };
    if (type === 'image') this.imageFields(copy);
    const { children } = node;
    if (children !== undefined) copy.children = this.children(children, isInline(type));
    else if ('children' in copy) delete copy.children; // `children: undefined` is not copied
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
    if (!Array.isArray(content)) this.invalid('is not an array of blocks', 'content');
    const out: BlocksNode[] = [];
    this.depth = 1;
    for (let i = 0; i < content.length; i += 1) {
      this.at[0] = i;
      out.push(this.node(this.asNode(content[i])));
      this.endUnit();
    }
    const { leaves } = this;
    if (leaves.length > 0) {
      const converted = this.converter.convertUnits(
        leaves.map((leaf) => leaf.text),
        this.unitEnds,
      );
      for (let k = 0; k < leaves.length; k += 1) leaves[k].text = converted[k];
    }
    return out;
  }
}

/** Deepest nesting accepted (Strapi's editor makes a few levels: lists in lists, links in paragraphs). */
export const MAX_BLOCKS_DEPTH = 64;

export const blocksFormat =
  (converter: Converter) =>
  (content: readonly BlocksNode[]): BlocksNode[] =>
    new BlocksConverter(converter).document(content);
