/**
 * Search hits on the portal (the server's marked text rebuilt so that only <mark> reaches the page), and
 * the browser's 有用 token.
 */
import { markedHtml } from '../../../portal/src/html';
import { searchHitHtml } from '../../../portal/src/views/notices';
import { voterToken } from '../../../portal/src/helpful';

describe('search hits', () => {
  it('keeps <mark> and the escaped text, drops any other markup', () => {
    expect(markedHtml('城乡&lt;<mark>低保</mark>&gt;对象')).toBe('城乡&lt;<mark>低保</mark>&gt;对象');
    expect(markedHtml('<img src=x onerror=alert(1)><mark>a<b>b</b></mark>&amp;')).toBe('<mark>ab</mark>&amp;');
    expect(markedHtml(null)).toBe('');
  });

  it('links a notice or a report, with date and 文号', () => {
    const html = searchHitHtml(
      { kind: 'report', documentId: 'r1', title: 't', titleHtml: '<mark>年度</mark>报告', documentNumber: null, releaseDate: '2026-01-20', excerptHtml: '…' },
      'zh-Hans',
    );
    expect(html).toContain('href="#/reports/r1"');
    expect(html).toContain('<mark>年度</mark>报告');
    expect(html).toContain('<time datetime="2026-01-20">2026-01-20</time>');
    const notice = searchHitHtml(
      { kind: 'notice', documentId: 'n1', title: 't', titleHtml: 't', documentNumber: '壺政發〔2026〕12號', releaseDate: null, excerptHtml: '' },
      'zh-Hant',
    );
    expect(notice).toContain('href="#/notices/n1"');
    expect(notice).toContain('文號</span> 壺政發〔2026〕12號');
  });
});

describe('有用 voter token', () => {
  it('is made once per browser and kept', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const token = voterToken(storage);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(voterToken(storage)).toBe(token);
    store.set('gongkai.voter', '<bad>');
    expect(voterToken(storage)).not.toBe('<bad>');
  });
});
