import { convert, ConversionError } from '../server/src/engine';
import { fuzzDocuments, sameShape } from './fuzz';

const md = (s: string): string => convert('s2tw', 'markdown', s);

describe('markdown format', () => {
  it('converts text in paragraphs, headings, lists, quotes and tables', () => {
    expect(md('# 头发\n\n头发与信息\n\n- 头发\n1. 头发\n\n> 头发\n\n| 头发 | 数据 |\n|---|---|\n| 头发 | 数据 |\n')).toBe(
      '# 頭髮\n\n頭髮與信息\n\n- 頭髮\n1. 頭髮\n\n> 頭髮\n\n| 頭髮 | 數據 |\n|---|---|\n| 頭髮 | 數據 |\n',
    );
  });

  it('converts a word split by emphasis as the word', () => {
    expect(md('**头**发')).toBe('**頭**髮');
    expect(md('*头*发 _头_发 ~~头~~发')).toBe('*頭*髮 _頭_髮 ~~頭~~髮');
    expect(md('\\*头\\*发')).toBe('\\*頭\\*髮');
    expect(md('[头](/a)发')).toBe('[頭](/a)髮');
  });

  it('keeps link and image URLs, converts link text, titles and alt text', () => {
    expect(md('[头发](http://例子.中国/头发 "头发")')).toBe('[頭髮](http://例子.中国/头发 "頭髮")');
    expect(md("[头发](/头发(1).html '头发') [头发](<http://例子.中国/头 发> (头发))")).toBe(
      "[頭髮](/头发(1).html '頭髮') [頭髮](<http://例子.中国/头 发> (頭髮))",
    );
    expect(md('![头发](/图片/头发.png "头发")头发')).toBe('![頭髮](/图片/头发.png "頭髮")頭髮');
    expect(md('[![头发](/头发.png)](http://例子.中国/头发)')).toBe('[![頭髮](/头发.png)](http://例子.中国/头发)');
  });

  it('keeps autolinks and bare URLs', () => {
    expect(md('头发 <http://例子.中国/头发> <信息@例子.cn> 头发')).toBe('頭髮 <http://例子.中国/头发> <信息@例子.cn> 頭髮');
    expect(md('见http://例子.中国/信息公开/头发，头发 www.例子.中国/头发 头发')).toBe('見http://例子.中国/信息公开/头发，頭髮 www.例子.中国/头发 頭髮');
  });

  it('keeps reference definitions (label and URL) but converts their titles', () => {
    const src = '见[头发][头发]、[头发][]、[头发]和[别的][头发]。\n\n[头发]: http://例子.中国/头发 "头发"\n[数据]:\n  http://例子.中国/数据\n';
    expect(md(src)).toBe(
      // [text][label]: text converted, label kept; [label][] and [label]: the text is the label, kept.
      '見[頭髮][头发]、[头发][]、[头发]和[別的][头发]。\n\n[头发]: http://例子.中国/头发 "頭髮"\n[数据]:\n  http://例子.中国/数据\n',
    );
    expect(md('[头发] 没有定义')).toBe('[頭髮] 沒有定義');
  });

  it('keeps inline code, fenced and indented code blocks', () => {
    expect(md('头发 `头发` ``头`发`` 头发')).toBe('頭髮 `头发` ``头`发`` 頭髮');
    expect(md('头发\n\n```js\nconst 头发 = "头发";\n```\n\n~~~~\n头发\n~~~~\n头发')).toBe('頭髮\n\n```js\nconst 头发 = "头发";\n```\n\n~~~~\n头发\n~~~~\n頭髮');
    expect(md('头发\n\n    头发代码\n    头发\n\n头发')).toBe('頭髮\n\n    头发代码\n    头发\n\n頭髮');
    expect(md('> ```\n> 头发\n> ```\n> 头发')).toBe('> ```\n> 头发\n> ```\n> 頭髮');
    expect(md('- 头发\n\n  ```\n  头发\n  ```\n')).toBe('- 頭髮\n\n  ```\n  头发\n  ```\n');
    expect(md('```\n头发 never closed')).toBe('```\n头发 never closed');
  });

  it('converts indented continuation paragraphs of list items (they are not code)', () => {
    expect(md('- 头发\n\n    头发\n')).toBe('- 頭髮\n\n    頭髮\n');
  });

  it('keeps raw HTML tags with their attributes; converts the text between them by the HTML rules', () => {
    expect(md('<span title="头发">头</span>发')).toBe('<span title="头发">頭</span>髮');
    expect(md('头发 <code>头发</code> <span translate="no">头发</span> <kbd>头发</kbd> 头发')).toBe(
      '頭髮 <code>头发</code> <span translate="no">头发</span> <kbd>头发</kbd> 頭髮',
    );
    expect(md('<div title="头发">\n头发\n</div>\n\n头发')).toBe('<div title="头发">\n頭髮\n</div>\n\n頭髮');
    expect(md('<pre>\n头发\n</pre>\n头发')).toBe('<pre>\n头发\n</pre>\n頭髮');
    expect(md('<!-- 头发 -->\n\n头发')).toBe('<!-- 头发 -->\n\n頭髮');
    expect(md('<div translate="no">\n头发\n</div>\n\n头发')).toBe('<div translate="no">\n头发\n</div>\n\n頭髮');
  });

  it('keeps character references', () => {
    expect(md('头发&amp;头发&#x53D1;&nbsp;')).toBe('頭髮&amp;頭髮&#x53D1;&nbsp;');
  });

  it('handles malformed markdown without throwing', () => {
    expect(md('[头发 `头发 ![头发 <头发 头发](')).toBe('[頭髮 `頭髮 ![頭髮 <頭髮 頭髮](');
    // Not a link (no closing parenthesis), but the URL is still a bare URL: kept.
    expect(md('[头发](http://例子.中国/头发 "unterminated')).toBe('[頭髮](http://例子.中国/头发 "unterminated');
    expect(md('<span title="头发')).toBe('<span title="頭髮');
  });

  it('never loses a character on random markdown soup', () => {
    const fragments = [
      '头',
      '发',
      '干',
      '面',
      '里',
      '后',
      '*',
      '_',
      '~',
      '`',
      '```',
      '[',
      ']',
      '(',
      ')',
      '![',
      '<',
      '>',
      '&amp;',
      '&',
      '\\',
      '"',
      ' ',
      '\n',
      '\n\n',
      '    ',
      '- ',
      '# ',
      '> ',
      '|',
      'http://',
      '<b>',
      '</b>',
      '<code>',
      '[x]: ',
      ':',
    ];
    for (const doc of fuzzDocuments(fragments, 300, 40, 7)) {
      const out = convert('s2t', 'markdown', doc);
      expect(sameShape(doc, out)).toBe(true);
    }
  });

  it('reads adversarial bracket soup in one pass and loses nothing (speed: the bounds below)', () => {
    for (const unit of ['[', '![', '[a](', '[a](x (', '[a](x "', '[a][', '[`']) {
      const soup = `${unit.repeat(5000)}头发`;
      expect(md(soup)).toBe(`${unit.repeat(5000)}頭髮`);
    }
  });

  it('bounds destination parentheses at 32 levels (as cmark) and titles at 1024 characters', () => {
    expect(md(`[头](${'('.repeat(32)}x${')'.repeat(32)})发`)).toBe(`[頭](${'('.repeat(32)}x${')'.repeat(32)})髮`);
    // one level more: not a link, so "发" is no longer read with the link text "头" as one word
    expect(md(`[头](${'('.repeat(33)}x${')'.repeat(33)})发`)).toBe(`[頭](${'('.repeat(33)}x${')'.repeat(33)})發`);
    expect(md(`[头](/a "${'题'.repeat(1000)}")`)).toBe(`[頭](/a "${'題'.repeat(1000)}")`);
  });

  it('rejects content that is not a string', () => {
    expect(() => convert('s2tw', 'markdown', null as unknown as string)).toThrow(ConversionError);
  });
});
