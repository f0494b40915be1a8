import { buildTree, descendantCodes, findNode, mergeCategoryNames } from '../../../portal/src/catalogue';
import { pageWindow, paginationHtml } from '../../../portal/src/ui';
import { renderReportData } from '../../../portal/src/report-data';
import { metadataRows, metadataTableHtml } from '../../../portal/src/views/notice';
import { reportOverrides, treeHtml } from '../../../portal/src/views/catalogue';
import { loadLocale, saveLocale, STORAGE_KEY } from '../../../portal/src/locale';

const categories = [
  { code: 'FDZD', name: '法定主動公開內容', parent: null, sortOrder: 40 },
  { code: 'GUIDE', name: '政府資訊公開指南', parent: null, sortOrder: 0 },
  { code: 'FDZD.02', name: '政策文件', parent: 'FDZD', sortOrder: 60 },
  { code: 'FDZD.01', name: '機構資訊', parent: 'FDZD', sortOrder: 50 },
  { code: 'FDZD.02.01', name: '規章', parent: 'FDZD.02', sortOrder: 70 },
];
const counts = [
  { code: 'GUIDE', name: '政府信息公开指南', parent: null, count: 1, total: 1 },
  { code: 'FDZD', name: '法定主动公开内容', parent: null, count: 0, total: 5 },
  { code: 'FDZD.01', name: '机构信息', parent: 'FDZD', count: 2, total: 2 },
  { code: 'FDZD.02', name: '政策文件', parent: 'FDZD', count: 1, total: 3 },
  { code: 'FDZD.02.01', name: '规章', parent: 'FDZD.02', count: 2, total: 2 },
  { code: 'X', name: '仅统计有', parent: null, count: 0, total: 0 },
];

describe('buildTree', () => {
  it('nests by parent, orders by sortOrder, names in the page script, counts are rolled-up totals', () => {
    const tree = buildTree(categories, counts);
    expect(tree.map((n) => n.code)).toEqual(['GUIDE', 'FDZD', 'X']);
    expect(tree[1]).toEqual({
      code: 'FDZD',
      name: '法定主動公開內容',
      total: 5,
      children: [
        { code: 'FDZD.01', name: '機構資訊', total: 2, children: [] },
        { code: 'FDZD.02', name: '政策文件', total: 3, children: [{ code: 'FDZD.02.01', name: '規章', total: 2, children: [] }] },
      ],
    });
    expect(findNode(tree, 'X')).toMatchObject({ name: '仅统计有', total: 0 });
  });

  it('has no counts when the stats are unavailable', () => {
    const tree = buildTree(categories, null);
    expect(findNode(tree, 'FDZD.02.01')!.total).toBeNull();
  });

  it('builds from the stats alone when the categories are unavailable', () => {
    const tree = buildTree([], counts);
    expect(findNode(tree, 'FDZD.02.01')).toMatchObject({ name: '规章', total: 2 });
    expect(tree.map((n) => n.code)).toEqual(['GUIDE', 'FDZD', 'X']);
  });
});

describe('descendantCodes', () => {
  it('gives the category and all below it', () => {
    expect(descendantCodes(categories, 'FDZD').sort()).toEqual(['FDZD', 'FDZD.01', 'FDZD.02', 'FDZD.02.01']);
    expect(descendantCodes(categories, 'FDZD.02.01')).toEqual(['FDZD.02.01']);
    expect(descendantCodes(categories, 'UNKNOWN')).toEqual(['UNKNOWN']);
  });
  it('survives a cycle', () => {
    expect(
      descendantCodes(
        [
          { code: 'A', parent: 'B' },
          { code: 'B', parent: 'A' },
        ],
        'A',
      ).sort(),
    ).toEqual(['A', 'B']);
  });
});

describe('pagination', () => {
  it('shows first, last and a window with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 3, 4]);
  });
  it('renders links with aria-current and disabled ends', () => {
    const html = paginationHtml('zh-Hans', 1, 3, (p) => `#/notices?page=${p}`);
    expect(html).toContain('aria-label="分页"');
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('<span class="page-link page-link--disabled" aria-disabled="true" data-testid="pagination-prev">上一页</span>');
    expect(html).toContain('href="#/notices?page=2" rel="next"');
    expect(paginationHtml('zh-Hans', 1, 1, () => '')).toBe('');
  });
});

describe('notice metadata table', () => {
  const notice = {
    documentId: 'd1',
    title: 't',
    indexNumber: '430381106/2020-00001',
    documentNumber: null,
    writtenDate: '2020-03-01',
    releaseDate: '2020-03-05',
    validity: 'abolished',
    abolishedDate: '2024-01-01',
    category: { documentId: 'c', code: 'FDZD.02.02', name: '行政规范性文件' },
    organization: { documentId: 'o', code: '430381106', name: '湘乡市壶天镇人民政府<b>' },
  };
  it('lists the 公开目录 fields in order with Chinese labels', () => {
    expect(metadataRows(notice, 'zh-Hans').map((r) => [r.label, r.value])).toEqual([
      ['索引号', '430381106/2020-00001'],
      ['组配分类', '行政规范性文件'],
      ['发布机构', '湘乡市壶天镇人民政府<b>'],
      ['成文日期', '2020-03-01'],
      ['发布日期', '2020-03-05'],
      ['文号', '无'],
      ['有效性', '废止（废止日期：2024-01-01）'],
    ]);
    expect(metadataRows({ ...notice, abolishedDate: null, validity: 'in-force' }, 'zh-Hant').pop()).toEqual({
      key: 'validity',
      label: '有效性',
      value: '有效',
    });
  });
  it('is a real table with row headers and a caption, values escaped', () => {
    const html = metadataTableHtml(notice, 'zh-Hans');
    expect(html).toContain('<caption>公开目录信息</caption>');
    expect(html).toContain('<th scope="row">索引号</th>');
    expect(html).toContain('湘乡市壶天镇人民政府&lt;b&gt;');
    expect(html).toContain('data-testid="meta-validity" data-value="abolished"');
  });
});

describe('report fallback rendering', () => {
  it('renders the six sections with the tables and escaped prose', () => {
    const html = renderReportData(
      {
        overview: [{ type: 'paragraph', children: [{ type: 'text', text: '总体<script>' }] }],
        tables: { applications: { received: { naturalPerson: 3, total: 3 } }, proactive: { fees: { amountTenThousandYuan: 1.5 } } },
        labels: { tables: { applications: { label: '表三', rows: { received: { label: '一、本年新收政府信息公开申请数量' } }, columns: {} } } },
      },
      'zh-Hans',
    );
    expect((html.match(/<section /g) ?? []).length).toBe(6);
    expect(html).toContain('总体&lt;script&gt;');
    expect(html).toContain('<caption class="visually-hidden">表三</caption>');
    expect(html).toContain('<th scope="row">一、本年新收政府信息公开申请数量</th>');
    expect(html).toContain('data-table="applications" data-row="received" data-col="naturalPerson">3</td>');
    expect(html).toContain('>1.5</td>');
  });
});

describe('locale storage', () => {
  it('defaults to zh-Hans, remembers a valid choice and ignores junk', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadLocale(storage)).toBe('zh-Hans');
    saveLocale('zh-Hant', storage);
    expect(store.get(STORAGE_KEY)).toBe('zh-Hant');
    expect(loadLocale(storage)).toBe('zh-Hant');
    store.set(STORAGE_KEY, 'en');
    expect(loadLocale(storage)).toBe('zh-Hans');
    expect(
      loadLocale({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe('zh-Hans');
  });
});

describe('mergeCategoryNames', () => {
  it('keeps the source structure and takes the localized names', () => {
    const merged = mergeCategoryNames(
      [
        { code: 'FDZD', name: '法定主动公开内容', parent: null, sortOrder: 40 },
        { code: 'FDZD.01', name: '机构信息', parent: 'FDZD', sortOrder: 50 },
      ],
      [{ code: 'FDZD.01', name: '機構資訊', parent: null, sortOrder: 50 }],
    );
    expect(merged).toEqual([
      { code: 'FDZD', name: '法定主动公开内容', parent: null, sortOrder: 40 },
      { code: 'FDZD.01', name: '機構資訊', parent: 'FDZD', sortOrder: 50 },
    ]);
  });

  it('fills a missing parent from the stats', () => {
    const tree = buildTree(
      [
        { code: 'A', name: '甲', parent: null },
        { code: 'A.1', name: '乙', parent: null },
      ],
      [
        { code: 'A', name: 'a', parent: null, count: 0, total: 1 },
        { code: 'A.1', name: 'b', parent: 'A', count: 1, total: 1 },
      ],
    );
    expect(tree).toEqual([{ code: 'A', name: '甲', total: 1, children: [{ code: 'A.1', name: '乙', total: 1, children: [] }] }]);
  });
});

describe('the 政府信息公开年报 category', () => {
  const reports = [
    { documentId: 'a', title: '2026年度报告', year: 2026, organization: { documentId: 'o1', code: '430381106', name: '壶天镇' } },
    { documentId: 'b', title: '2025年度报告', year: 2025, organization: { documentId: 'o1', code: '430381106', name: '壶天镇' } },
    { documentId: 'c', title: '2026年度报告', year: 2026, organization: { documentId: 'o2', code: '430381', name: '湘乡市' } },
  ];
  const tree = buildTree(
    [
      { code: 'REPORT', name: '政府信息公开年报' },
      { code: 'FDZD', name: '法定主动公开内容' },
    ],
    [
      { code: 'REPORT', name: '政府信息公开年报', parent: null, count: 0, total: 0 },
      { code: 'FDZD', name: '法定主动公开内容', parent: null, count: 3, total: 3 },
    ],
  );

  it('counts the organization’s published reports on that year and links to the reports, not to notices', () => {
    const html = treeHtml(tree, 'zh-Hans', '430381106', 2026, reportOverrides(reports, '430381106', 2026));
    expect(html).toMatch(
      /href="#\/reports" data-testid="catalogue-link-REPORT"[^>]*><span class="tree-name">政府信息公开年报<\/span> <span class="count" data-testid="catalogue-count-REPORT">\(1</,
    );
    expect(html).toMatch(/data-testid="catalogue-count-FDZD">\(3/);
    expect(html).toMatch(/href="#\/notices\?[^"]*category=FDZD/);
    expect(reportOverrides(reports, '430381106', 2024).get('REPORT')?.total).toBe(0);
    // reports unavailable: no count rather than a wrong one
    expect(treeHtml(tree, 'zh-Hans', '430381106', 2026, reportOverrides(null, '430381106', 2026))).not.toContain('catalogue-count-REPORT');
  });
});
