import { readFileSync } from 'fs';
import * as path from 'path';
import { convert, ConversionError, getConverter, type BlocksNode } from '../server/src/engine';

const GOLDEN = path.resolve(__dirname, '../../../../../shared/reference/opencc-conformance/golden/input/us_constitution_zhs.txt');

const blocks = (content: BlocksNode[]): BlocksNode[] => convert('s2tw', 'blocks', content);
const text = (t: string, marks: Record<string, boolean> = {}): BlocksNode => ({ type: 'text', text: t, ...marks });

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    Object.values(x).forEach(deepFreeze);
    Object.freeze(x);
  }
  return x;
}

const document = (): BlocksNode[] => [
  { type: 'heading', level: 2, children: [text('头发')] },
  {
    type: 'paragraph',
    children: [text('头', { bold: true }), text('发'), text('与'), { type: 'link', url: 'http://例子.中国/头发', children: [text('头发', { italic: true })] }],
  },
  { type: 'quote', children: [text('信息')] },
  {
    type: 'list',
    format: 'unordered',
    children: [
      { type: 'list-item', children: [text('头')] },
      { type: 'list-item', children: [text('发')] },
      { type: 'list', format: 'ordered', indentLevel: 1, children: [{ type: 'list-item', children: [text('头发')] }] },
    ],
  },
  { type: 'code', language: 'js', children: [text('const 头发 = "头发";')] },
  {
    type: 'image',
    image: {
      name: '头发.png',
      alternativeText: '头发',
      caption: '头发照片',
      url: '/uploads/头发.png',
      width: 10,
      height: 10,
      formats: { thumbnail: { url: '/uploads/thumbnail_头发.png', name: 'thumbnail_头发.png' } },
      provider_metadata: null,
    },
    children: [text('')],
  },
];

describe('blocks format', () => {
  it('converts every text leaf and keeps the structure and marks', () => {
    const out = blocks(document());
    expect(out[0]).toEqual({ type: 'heading', level: 2, children: [text('頭髮')] });
    expect(out[2]).toEqual({ type: 'quote', children: [text('信息')] });
  });

  it('converts adjacent leaves as one text: ["头" bold, "发"] → ["頭", "髮"], across links too', () => {
    const out = blocks(document());
    expect(out[1]).toEqual({
      type: 'paragraph',
      children: [
        text('頭', { bold: true }),
        text('髮'),
        text('與'),
        { type: 'link', url: 'http://例子.中国/头发', children: [text('頭髮', { italic: true })] },
      ],
    });
    const viaLink = blocks([{ type: 'paragraph', children: [text('头'), { type: 'link', url: '/x', children: [text('发')] }] }]);
    expect(viaLink[0].children).toEqual([text('頭'), { type: 'link', url: '/x', children: [text('髮')] }]);
  });

  it('keeps each list item a text of its own', () => {
    const out = blocks(document());
    expect(out[3]).toEqual({
      type: 'list',
      format: 'unordered',
      children: [
        { type: 'list-item', children: [text('頭')] },
        { type: 'list-item', children: [text('發')] },
        { type: 'list', format: 'ordered', indentLevel: 1, children: [{ type: 'list-item', children: [text('頭髮')] }] },
      ],
    });
  });

  it('leaves code blocks and inline code untouched; inline code splits the text around it', () => {
    const out = blocks(document());
    expect(out[4]).toEqual(document()[4]);
    const inline = blocks([{ type: 'paragraph', children: [text('头'), text('头发', { code: true }), text('发')] }]);
    expect(inline[0].children).toEqual([text('頭'), text('头发', { code: true }), text('發')]);
  });

  it('converts only alternativeText and caption of an image', () => {
    const out = blocks(document());
    const expected = document()[5];
    (expected.image as Record<string, unknown>).alternativeText = '頭髮';
    (expected.image as Record<string, unknown>).caption = '頭髮照片';
    expect(out[5]).toEqual(expected);
  });

  it('never mutates the input and shares no object with it', () => {
    const input = deepFreeze(document());
    const before = JSON.stringify(input);
    const out = blocks(input);
    expect(JSON.stringify(input)).toBe(before);
    const objects = (x: unknown, acc: unknown[] = []): unknown[] => {
      if (typeof x === 'object' && x !== null) {
        acc.push(x);
        Object.values(x).forEach((v) => objects(v, acc));
      }
      return acc;
    };
    const inputObjects = new Set(objects(input));
    expect(objects(out).filter((o) => inputObjects.has(o))).toEqual([]);
  });

  it('converts text inside unknown node types', () => {
    expect(blocks([{ type: 'callout', tone: 'info', children: [text('头发')] }])).toEqual([{ type: 'callout', tone: 'info', children: [text('頭髮')] }]);
  });

  it('rejects content that is not a blocks document', () => {
    const bad: unknown[] = [
      '头发',
      { type: 'paragraph' },
      [null],
      [{ children: [] }],
      [{ type: 'paragraph', children: 'x' }],
      [{ type: 'paragraph', children: [42] }],
    ];
    for (const content of bad) {
      expect(() => convert('s2tw', 'blocks', content as BlocksNode[])).toThrow(ConversionError);
    }
    const nested = [{ type: 'paragraph', children: [text('x'), 7] }] as unknown as BlocksNode[];
    expect(() => convert('s2tw', 'blocks', nested)).toThrow(/blocks: \[0\]\.children\[1\] is not a node object/);
  });

  it('converts each paragraph as it would alone, however many (golden document, one paragraph per line, some split by marks)', () => {
    const lines = readFileSync(GOLDEN, 'utf8').split('\n');
    const doc: BlocksNode[] = lines.map((line, i) => ({
      type: 'paragraph',
      // every third line split in three leaves by marks, so words cross leaves inside a paragraph
      children: i % 3 === 0 && line.length > 6 ? [text(line.slice(0, 2)), text(line.slice(2, 5), { bold: true }), text(line.slice(5))] : [text(line)],
    }));
    const c = getConverter('s2tw');
    const expected = doc.map((p) => {
      const runs = (p.children as BlocksNode[]).map((leaf) => leaf.text as string);
      const out = c.convertWithSpans(runs.filter((r) => r !== ''));
      return { ...p, children: (p.children as BlocksNode[]).map((leaf) => ({ ...leaf, text: leaf.text === '' ? '' : out.shift() })) };
    });
    expect(blocks(doc)).toEqual(expected);
    // and the lines never joined: the end of one line and the start of the next stay apart
    const pair = blocks([
      { type: 'paragraph', children: [text('头')] },
      { type: 'paragraph', children: [text('发')] },
    ]);
    expect(pair.map((p) => (p.children as BlocksNode[])[0].text)).toEqual(['頭', '發']);
  });
});
