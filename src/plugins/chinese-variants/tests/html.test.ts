import { convert, ConversionError } from '../server/src/engine';
import { fuzzDocuments, sameShape } from './fuzz';

const html = (s: string): string => convert('s2tw', 'html', s);

describe('html format', () => {
  it('converts text nodes', () => {
    expect(html('<p>头发与信息</p>')).toBe('<p>頭髮與信息</p>');
    expect(html('头发')).toBe('頭髮');
  });

  it('converts a word split by inline markup as the word', () => {
    expect(html('<b>头</b>发')).toBe('<b>頭</b>髮');
    expect(html('<p><a href="/x">头</a><em>发</em></p>')).toBe('<p><a href="/x">頭</a><em>髮</em></p>');
    expect(html('<B>头</B>发')).toBe('<B>頭</B>髮');
    expect(html('头<!-- note -->发')).toBe('頭<!-- note -->髮');
  });

  it('does not join text across block boundaries', () => {
    expect(html('<p>头</p><p>发</p>')).toBe('<p>頭</p><p>發</p>');
    expect(html('头<br>发')).toBe('頭<br>發');
    expect(html('<li>头</li><li>发</li>')).toBe('<li>頭</li><li>發</li>');
  });

  it('converts only title, alt, placeholder and aria-label attribute values', () => {
    expect(html('<img alt="头发" title=\'头发\' src="/图片/头发.png" data-x="头发" class="头发">')).toBe(
      '<img alt="頭髮" title=\'頭髮\' src="/图片/头发.png" data-x="头发" class="头发">',
    );
    expect(html('<input placeholder=头发 value="头发" aria-label="头发" name="头发">')).toBe(
      '<input placeholder=頭髮 value="头发" aria-label="頭髮" name="头发">',
    );
    expect(html('<meta content="头发"><div id="头发" style="font-family:头发" lang="zh-Hans">头发</div>')).toBe(
      '<meta content="头发"><div id="头发" style="font-family:头发" lang="zh-Hans">頭髮</div>',
    );
  });

  it('never touches URLs, even with Chinese characters', () => {
    const src = '<a href="http://例子.中国/信息公开/头发.html?q=头发#头发">头发</a><img src="/头发.png" srcset="/头发@2x.png 2x"><form action="/头发"></form>';
    expect(html(src)).toBe(
      '<a href="http://例子.中国/信息公开/头发.html?q=头发#头发">頭髮</a><img src="/头发.png" srcset="/头发@2x.png 2x"><form action="/头发"></form>',
    );
  });

  it.each(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea'])('never converts the content of <%s>', (tag) => {
    const src = `<p>头发<${tag}>头发<b>头发</b></${tag}>头发</p>`;
    expect(html(src)).toBe(`<p>頭髮<${tag}>头发<b>头发</b></${tag}>頭髮</p>`);
  });

  it('keeps raw text elements raw (no tags inside script)', () => {
    expect(html('<script>var a = "</b>头发";</script>头发')).toBe('<script>var a = "</b>头发";</script>頭髮');
    expect(html('<title>头发</title>')).toBe('<title>頭髮</title>');
  });

  it('never converts anything inside translate="no", unless re-enabled by translate="yes"', () => {
    expect(html('<div translate="no" title="头发">头发<span title="头发">头发</span></div>头发')).toBe(
      '<div translate="no" title="头发">头发<span title="头发">头发</span></div>頭髮',
    );
    expect(html('<div translate=no>头发<p translate="yes">头发</p>头发</div>')).toBe('<div translate=no>头发<p translate="yes">頭髮</p>头发</div>');
    expect(html('<pre><span translate="yes">头发</span></pre>')).toBe('<pre><span translate="yes">头发</span></pre>');
  });

  it('converts the title of a code element itself (it is not code)', () => {
    expect(html('<code title="头发">头发</code>')).toBe('<code title="頭髮">头发</code>');
  });

  it('keeps character references and comments byte for byte', () => {
    expect(html('头发&nbsp;&amp;&#x5934;&#22836;&lt;&copy头发<!-- 头发 &amp; -->')).toBe('頭髮&nbsp;&amp;&#x5934;&#22836;&lt;&copy頭髮<!-- 头发 &amp; -->');
    expect(html('<img alt="头发&quot;头发&#x53D1;">')).toBe('<img alt="頭髮&quot;頭髮&#x53D1;">');
    expect(html('<!DOCTYPE html><![CDATA[头发]]><?php 头发 ?><!--[if IE]>头发<![endif]-->')).toBe(
      '<!DOCTYPE html><![CDATA[头发]]><?php 头发 ?><!--[if IE]>头发<![endif]-->',
    );
  });

  it('handles malformed HTML without throwing or losing characters', () => {
    expect(html('<p>头发<b>头发')).toBe('<p>頭髮<b>頭髮'); // unclosed
    expect(html('头发</b></div>头发')).toBe('頭髮</b></div>頭髮'); // stray end tags
    expect(html('a < b 头发 <头发> 头发')).toBe('a < b 頭髮 <頭髮> 頭髮'); // "<" that starts no tag
    expect(html('头发</ 头发>头发</ 头发')).toBe('頭髮</ 头发>頭髮</ 头发'); // "</ " opens a bogus comment, as in browsers
    expect(html('头发<img alt="头发 src=x>头发')).toBe('頭髮<img alt="头发 src=x>头发'); // unterminated quote: kept
    expect(html('头发<!-- 头发')).toBe('頭髮<!-- 头发'); // unterminated comment: kept
    expect(html('头发<p')).toBe('頭髮<p');
    expect(html('头发</')).toBe('頭髮</');
    expect(html('<code>头发')).toBe('<code>头发'); // unclosed code: stays code to the end
    expect(html('<script>头发')).toBe('<script>头发');
    expect(html('')).toBe('');
  });

  it('never loses a character on random markup soup', () => {
    const fragments = [
      '头',
      '发',
      '干',
      '面',
      '里',
      '后',
      '<b>',
      '</b>',
      '<p>',
      '</p>',
      '<code>',
      '</code>',
      '<',
      '>',
      '&',
      '&amp;',
      '"',
      "'",
      '=',
      ' ',
      '\n',
      '<!--',
      '-->',
      '<img alt="',
      '<a href=',
      '</',
      '/>',
      '<script>',
      '</script>',
      'translate="no"',
      '<!',
      '<?',
      ']]>',
      '<![CDATA[',
    ];
    for (const doc of fuzzDocuments(fragments, 300, 40)) {
      const out = convert('s2t', 'html', doc);
      expect(sameShape(doc, out)).toBe(true);
    }
  });

  it('rejects content that is not a string', () => {
    expect(() => convert('s2tw', 'html', 42 as unknown as string)).toThrow(ConversionError);
  });
});
