import { parseProse, proseToText, textParagraphs, toBlocks, type BlocksNode } from '../../../src/plugins/disclosure/server/src/core/annual-report';

describe('plain text', () => {
  test('blank lines separate paragraphs; single newlines stay; typed indents and CRLF are normalised', () => {
    expect(textParagraphs('　　第一段\r\n第一段续\r\n\r\n  \n　　第二段  \n\n\n')).toEqual(['第一段\n第一段续', '第二段']);
  });

  test('toBlocks gives Strapi 5 paragraph blocks', () => {
    expect(toBlocks('甲\n\n乙')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '甲' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '乙' }] },
    ]);
    expect(toBlocks('   ')).toEqual([]);
  });
});

describe('parseProse accepts text, blocks and blocks JSON', () => {
  const blocks: BlocksNode[] = [
    { type: 'heading', level: 3, children: [{ type: 'text', text: '小标题' }] },
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: '加粗', bold: true },
        { type: 'link', url: 'https://www.gov.cn/', children: [{ type: 'text', text: '链接' }] },
      ],
    },
    {
      type: 'list',
      format: 'ordered',
      children: [
        { type: 'list-item', children: [{ type: 'text', text: '一项' }] },
        { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: '嵌套' }] }] },
      ],
    },
    { type: 'image', image: { url: '/x.png' }, children: [{ type: 'text', text: '' }] },
    { type: 'paragraph', children: [{ type: 'text', text: '  ' }] },
  ];

  test('blocks: headings, marks, links, lists (nested ones flattened); images and empty paragraphs dropped', () => {
    expect(parseProse(blocks)).toEqual([
      { kind: 'heading', level: 3, runs: [{ text: '小标题' }] },
      {
        kind: 'paragraph',
        runs: [
          { text: '加粗', bold: true },
          { text: '链接', href: 'https://www.gov.cn/' },
        ],
      },
      { kind: 'list', ordered: true, items: [[{ text: '一项' }], [{ text: '嵌套' }]] },
    ]);
  });

  test('a JSON string of blocks is read as blocks; other text, even starting with "[", as text', () => {
    expect(parseProse(JSON.stringify(blocks))).toEqual(parseProse(blocks));
    expect(parseProse('[注] 本段')).toEqual([{ kind: 'paragraph', runs: [{ text: '[注] 本段' }] }]);
    expect(parseProse('[1, 2]')).toEqual([{ kind: 'paragraph', runs: [{ text: '[1, 2]' }] }]);
  });

  test('nothing gives nothing', () => {
    expect(parseProse(null)).toEqual([]);
    expect(parseProse(undefined)).toEqual([]);
    expect(parseProse('')).toEqual([]);
    expect(parseProse([{ junk: true } as unknown as BlocksNode])).toEqual([]);
  });

  test('proseToText', () => {
    expect(proseToText(blocks)).toBe('小标题\n\n加粗链接\n\n1. 一项\n2. 嵌套');
  });
});
