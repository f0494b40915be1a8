import { renderBlocks, blocksText } from '../../../portal/src/blocks';
import { escapeHtml, isSafeHref } from '../../../portal/src/html';

const p = (...children: unknown[]) => ({ type: 'paragraph', children });
const text = (t: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: t, ...marks });
const link = (url: string, t = 'x') => ({ type: 'link', url, children: [text(t)] });

describe('escapeHtml', () => {
  it('escapes the five HTML specials and backticks', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
  });
  it('turns null and undefined into empty text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(12)).toBe('12');
  });
});

describe('isSafeHref', () => {
  it.each([
    'https://www.gov.cn/zhengce/',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG',
    'mailto:gk@example.org',
    '/uploads/file.pdf',
    './a.html',
    '../a.html',
    'a/b.html',
    '#section',
    '?q=1',
    '//cdn.example.org/a.png',
    '/path:with-colon',
  ])('accepts %s', (url) => expect(isSafeHref(url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'tel:123',
    '',
  ])('refuses %j', (url) => expect(isSafeHref(url)).toBe(false));

  it('refuses non-strings', () => {
    expect(isSafeHref(undefined)).toBe(false);
    expect(isSafeHref({})).toBe(false);
  });

  it('refuses mailto for image sources', () => {
    expect(isSafeHref('mailto:a@b.c', false)).toBe(false);
  });
});

describe('renderBlocks', () => {
  it('renders paragraphs with escaped text', () => {
    expect(renderBlocks([p(text('<script>alert("x")</script> & 公开'))])).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 公开</p>');
  });

  it('renders the leaf marks', () => {
    const html = renderBlocks([
      p(text('b', { bold: true }), text('i', { italic: true }), text('u', { underline: true }), text('s', { strikethrough: true }), text('c', { code: true })),
    ]);
    expect(html).toBe('<p><strong>b</strong><em>i</em><u>u</u><s>s</s><code>c</code></p>');
    expect(renderBlocks([p(text('x', { bold: true, italic: true }))])).toBe('<p><em><strong>x</strong></em></p>');
  });

  it('keeps line breaks inside a text leaf', () => {
    expect(renderBlocks([p(text('a\nb'))])).toBe('<p>a<br>b</p>');
  });

  it('renders safe links, with rel on external ones', () => {
    expect(renderBlocks([p(link('https://www.gov.cn/?a=1&b="2"', '国务院'))])).toBe(
      '<p><a href="https://www.gov.cn/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">国务院</a></p>',
    );
    expect(renderBlocks([p(link('/api/x', 'rel'))])).toBe('<p><a href="/api/x">rel</a></p>');
    expect(renderBlocks([p(link('mailto:gk@example.org', 'mail'))])).toBe('<p><a href="mailto:gk@example.org">mail</a></p>');
  });

  it('renders unsafe links as their text only', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'jav\u0009ascript:alert(1)']) {
      const html = renderBlocks([p(link(url, 'click'))]);
      expect(html).toBe('<p>click</p>');
      expect(html).not.toContain('href');
    }
  });

  it('escapes link text', () => {
    expect(renderBlocks([p(link('https://a.b', '<b>x</b>'))])).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('renders headings one level below the page title by default, capped at h6', () => {
    expect(renderBlocks([{ type: 'heading', level: 1, children: [text('一')] }])).toBe('<h2>一</h2>');
    expect(renderBlocks([{ type: 'heading', level: 6, children: [text('六')] }])).toBe('<h6>六</h6>');
    expect(renderBlocks([{ type: 'heading', level: 2, children: [text('二')] }], { headingBase: 3 })).toBe('<h4>二</h4>');
  });

  it('renders ordered and unordered lists, nested too', () => {
    const list = {
      type: 'list',
      format: 'ordered',
      children: [
        { type: 'list-item', children: [text('一')] },
        { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('甲')] }] },
      ],
    };
    expect(renderBlocks([list])).toBe('<ol><li>一</li><li class="blocks-nested"><ul><li>甲</li></ul></li></ol>');
  });

  it('renders quotes and code (code as plain escaped text)', () => {
    expect(renderBlocks([{ type: 'quote', children: [text('引')] }])).toBe('<blockquote><p>引</p></blockquote>');
    expect(renderBlocks([{ type: 'code', language: 'js', children: [text('a < b && <img>')] }])).toBe(
      '<pre><code class="language-js">a &lt; b &amp;&amp; &lt;img&gt;</code></pre>',
    );
    expect(renderBlocks([{ type: 'code', language: '"><script>', children: [text('x')] }])).toBe('<pre><code>x</code></pre>');
  });

  it('renders images with safe sources and escaped alt text, drops unsafe ones', () => {
    const img = (url: string, alt = '图"1"') => ({ type: 'image', image: { url, alternativeText: alt, width: 10, height: 5 }, children: [text('')] });
    expect(renderBlocks([img('/uploads/a.png')])).toBe(
      '<figure class="blocks-image"><img src="/uploads/a.png" alt="图&quot;1&quot;" width="10" height="5" loading="lazy"></figure>',
    );
    expect(renderBlocks([img('javascript:alert(1)')])).toBe('');
    expect(renderBlocks([img('data:image/svg+xml,<svg onload=alert(1)>')])).toBe('');
  });

  it('never emits raw markup from unknown nodes or odd input', () => {
    expect(renderBlocks([{ type: 'html', value: '<script>x</script>', children: [text('<i>t</i>')] }])).toBe('<p>&lt;i&gt;t&lt;/i&gt;</p>');
    expect(renderBlocks([null, 1, 'x', { type: 'paragraph' }])).toBe('');
    expect(renderBlocks('<p>x</p>')).toBe('');
    expect(renderBlocks(null)).toBe('');
  });

  it('extracts the plain text', () => {
    expect(blocksText([p(text('甲'), link('https://a', '乙'))])).toBe('甲乙');
  });
});
