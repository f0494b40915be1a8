/**
 * The portal's identity (网站信息) in the header and footer, and the 当前位置 trail.
 */
import { applyGuideHtml, footerHtml, headerTitleHtml, siteName } from '../../../portal/src/site';
import { articleInfoHtml, breadcrumbsHtml, formatDateTime, staleNoteHtml } from '../../../portal/src/ui';
import { downloadsHtml } from '../../../portal/src/views/reports';
import { DEMO_SITE } from '../../../src/data/demo';

// the demo office, without a site name of its own
const site = { ...DEMO_SITE, siteName: null };

describe('site identity', () => {
  it('names the site after the government unless a site name is set, and keeps the generic title without one', () => {
    expect(siteName(site, 'zh-Hans')).toBe('湘乡市壶天镇人民政府政府信息公开');
    expect(siteName({ ...site, siteName: '湘乡市壶天镇人民政府信息公开' }, 'zh-Hans')).toBe('湘乡市壶天镇人民政府信息公开');
    expect(siteName(null, 'zh-Hant')).toBe('政府信息公開');
  });

  it('shows the emblem only from a safe source', () => {
    expect(headerTitleHtml({ ...site, emblem: { url: '/uploads/emblem.png' } }, 'zh-Hans')).toContain(
      '<img class="site-emblem" src="/uploads/emblem.png" alt=""',
    );
    expect(headerTitleHtml({ ...site, emblem: { url: 'javascript:alert(1)' } }, 'zh-Hans')).not.toContain('<img');
  });

  it('puts sponsor, organizer, address, phone, 网站标识码, ICP and 公安备案号 in the footer, in the page’s script', () => {
    const hans = footerHtml(site, 'zh-Hans');
    for (const text of ['主办单位：湘乡市壶天镇人民政府', '承办单位：湘乡市壶天镇党政综合办公室', '联系电话：0731-56000000', '网站标识码：4303810001']) {
      expect(hans).toContain(text);
    }
    expect(hans).toContain('<a href="https://beian.miit.gov.cn/" rel="noopener" target="_blank" data-testid="footer-icp">湘ICP备00000000号</a>');
    expect(hans).toContain('data-testid="footer-public-security">湘公网安备43038102000000号</a>');
    expect(footerHtml(site, 'zh-Hant')).toContain('主辦單位：');
    // an empty value leaves its item out, and markup in a value is text
    const partial = footerHtml({ governmentName: 'x', sponsor: '<b>办</b>' }, 'zh-Hans');
    expect(partial).toContain('&lt;b&gt;办&lt;/b&gt;');
    expect(partial).not.toContain('承办单位');
    expect(footerHtml(null, 'zh-Hans')).toBe('<p>本站内容由政府信息公开平台发布</p>');
  });

  it('marks the last crumb as the current page', () => {
    expect(breadcrumbsHtml([{ label: '首页', href: '#/' }, { label: '政府信息', href: '#/notices' }, { label: '通知<1>' }])).toBe(
      '<ol><li><a href="#/">首页</a></li><li><a href="#/notices">政府信息</a></li><li aria-current="page">通知&lt;1&gt;</li></ol>',
    );
  });
});

describe('publication time, source and report downloads', () => {
  it('says when (Beijing time) and by whom a page was published, in the page’s script', () => {
    expect(formatDateTime('2026-12-06T06:05:00.000Z')).toBe('2026-12-06 14:05');
    expect(formatDateTime('2026-12-31T17:30:00.000Z')).toBe('2027-01-01 01:30');
    expect(formatDateTime(null)).toBe('');
    expect(articleInfoHtml('zh-Hans', '2026-12-06T06:05:00.000Z', '湘乡市壶天镇人民政府')).toBe(
      '<p class="article-info" data-testid="article-info"><span data-testid="published-at">发布时间：2026-12-06 14:05</span><span data-testid="source">来源：湘乡市壶天镇人民政府</span></p>',
    );
    expect(articleInfoHtml('zh-Hant', null, '壺天鎮')).toContain('來源：壺天鎮');
    expect(articleInfoHtml('zh-Hans', null, null)).toBe('');
  });

  it('labels the report downloads as a citizen names them', () => {
    const texts = (html: string) => [...html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    expect(texts(downloadsHtml('abc', 'zh-Hans'))).toEqual(['网页版', 'Word', 'Excel', 'PDF', '数据（JSON）', '数据（CSV）']);
    expect(texts(downloadsHtml('abc', 'zh-Hant'))).toEqual(['網頁版', 'Word', 'Excel', 'PDF', '資料（JSON）', '資料（CSV）']);
    expect(downloadsHtml('abc', 'zh-Hans')).toContain('href="/api/disclosure/annual-reports/abc/export?format=pdf&amp;locale=zh-Hans"');
  });
});

describe('a Traditional page older than its source', () => {
  it('says so and offers the Simplified page', () => {
    const html = staleNoteHtml('zh-Hant');
    expect(html).toContain('本頁繁體版本經人工修訂，其後簡體原文已有更新，內容可能較舊。');
    expect(html).toContain('<button type="button" class="link-button" data-switch-locale="zh-Hans" lang="zh-Hans">查看簡體版本</button>');
  });
});

describe('依申请公开 guidance', () => {
  it('says how to apply under the law and where, in the page’s script', () => {
    const hans = applyGuideHtml(site, 'zh-Hans');
    expect(hans).toContain('<h2 id="apply-guide-heading">如何申请政府信息公开</h2>');
    expect(hans).toContain('第二十七条');
    expect(hans).toContain('<span>受理机关：湘乡市壶天镇人民政府</span><span>地址：湖南省湘乡市壶天镇壶天街1号</span><span>联系电话：0731-56000000</span>');
    expect(applyGuideHtml(null, 'zh-Hant')).toContain('如何申請政府信息公開');
    expect(applyGuideHtml(null, 'zh-Hant')).not.toContain('apply-guide-contact');
  });
});
