import * as OpenCC from 'opencc-js';
import {
  REPORT_CSS,
  emptyTables,
  renderReportFragment,
  renderReportHtml,
  validate,
  type AnnualReport,
} from '../../../src/plugins/disclosure/server/src/core/annual-report';
import { byTag, find, findAll, parseHtml, tableMatrix, text, type El } from './html';
import { report2024, tables2020, tables2023 } from './fixtures';

const table = (root: El, code: string) => find(root, (e) => e.tag === 'table' && e.attrs['data-table'] === code);
const th = (root: El, scope: string) => findAll(root, (e) => e.tag === 'th' && e.attrs.scope === scope);
const numericCells = (root: El) => findAll(root, (e) => e.tag === 'td' && e.attrs['data-row'] !== undefined);
const cellAt = (root: El, t: string, row: string, col: string) =>
  find(root, (e) => e.tag === 'td' && e.attrs['data-table'] === t && e.attrs['data-row'] === row && e.attrs['data-col'] === col);

// The official Table 3 row labels (annual-report-format.md), in print order, typed out here so the
// test does not read them from the data it checks.
const TABLE3_ROW_LABELS_2021 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];
const CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

describe('renderReportFragment, 2021 format', () => {
  const root = parseHtml(renderReportFragment(report2024()));

  test('title, then the six sections in order with their headings', () => {
    expect(text(find(root, byTag('h1')))).toBe('示例市人民政府办公室2024年政府信息公开工作年度报告');
    expect(findAll(root, byTag('h2')).map(text)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    const article = find(root, byTag('article'));
    expect(article.attrs).toMatchObject({ lang: 'zh-CN', 'data-format-version': '2021', 'data-year': '2024' });
  });

  test('prose sections as paragraphs', () => {
    const problems = find(root, (e) => e.attrs['data-section'] === 'problems');
    expect(findAll(problems, byTag('p')).map(text)).toEqual(['一是公开质量有待提高。', '二是解读形式较为单一。']);
  });

  test('a caption per table', () => {
    expect(findAll(root, byTag('caption')).map(text)).toEqual(['主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况']);
  });

  test('Table 2: four block headings, the column headers, the row labels', () => {
    const t2 = table(root, 'proactive');
    const blocks = findAll(t2, (e) => e.tag === 'th' && e.attrs.class === 'gk-block-heading');
    expect(blocks.map(text)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(blocks.every((b) => b.attrs.colspan === '4' && b.attrs.scope === 'colgroup')).toBe(true);
    expect(th(t2, 'col').map(text)).toEqual([
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '信息内容',
      '本年处理决定数量',
      '信息内容',
      '本年处理决定数量',
      '信息内容',
      '本年收费金额（单位：万元）',
    ]);
    expect(th(t2, 'row').map(text)).toEqual(['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费']);
    expect(findAll(t2, byTag('tbody'))).toHaveLength(4);
    // A single-number block spans the three number columns, as on the form.
    expect(cellAt(t2, 'proactive', 'fees', 'amountTenThousandYuan').attrs.colspan).toBe('3');
    expect(text(cellAt(t2, 'proactive', 'fees', 'amountTenThousandYuan'))).toBe('12.5');
  });

  test('Table 3: corner note and merged headers', () => {
    const t3 = table(root, 'applications');
    const m = tableMatrix(t3);
    const corner = m[0][0].el;
    expect(corner.tag).toBe('td');
    expect(text(corner)).toBe(CORNER);
    expect(corner.attrs).toMatchObject({ colspan: '3', rowspan: '3' });
    expect(text(m[0][3].el)).toBe('申请人情况');
    expect(m[0][3].el.attrs).toMatchObject({ colspan: '7', scope: 'colgroup' });
    expect(m[1][3].el.attrs).toMatchObject({ rowspan: '2', scope: 'col' });
    expect(text(m[1][3].el)).toBe('自然人');
    expect(text(m[1][4].el)).toBe('法人或其他组织');
    expect(m[1][4].el.attrs.colspan).toBe('5');
    expect(text(m[1][9].el)).toBe('总计');
    expect(m[1][9].el.attrs.rowspan).toBe('2');
    expect(m[2].slice(4, 9).map((s) => text(s.el))).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(m.every((row) => row.length === 10)).toBe(true);
  });

  test('Table 3: every row label exactly, in order, with the merged group labels beside them', () => {
    const t3 = table(root, 'applications');
    expect(th(t3, 'row').map(text)).toEqual(TABLE3_ROW_LABELS_2021);
    const groups = th(t3, 'rowgroup');
    expect(groups.map((g) => [text(g), g.attrs.rowspan])).toEqual([
      ['三、本年度办理结果', '22'],
      ['（三）不予公开', '8'],
      ['（四）无法提供', '3'],
      ['（五）不予处理', '5'],
      ['（六）其他处理', '3'],
    ]);
    // Row 1.属于国家秘密 sits under both merged labels; its first number is the natural persons'.
    const m = tableMatrix(t3);
    const r = m.findIndex((row) => text(row[2].el) === '1.属于国家秘密');
    expect(text(m[r][0].el)).toBe('三、本年度办理结果');
    expect(text(m[r][1].el)).toBe('（三）不予公开');
    expect(m[r][3].el.attrs).toMatchObject({ 'data-row': 'withheld.stateSecret', 'data-col': 'naturalPerson' });
    const top = m.findIndex((row) => text(row[0].el) === '一、本年新收政府信息公开申请数量');
    expect(m[top][0].el.attrs.colspan).toBe('3');
    const granted = m.findIndex((row) => text(row[1].el) === '（一）予以公开');
    expect(m[granted][1].el.attrs.colspan).toBe('2');
  });

  test('Table 4: 行政复议 and 行政诉讼 (未经复议直接起诉 / 复议后起诉) grouped headers', () => {
    const m = tableMatrix(table(root, 'reviewsAndLawsuits'));
    expect(m.map((r) => r.length)).toEqual([15, 15, 15, 15]);
    expect(text(m[0][0].el)).toBe('行政复议');
    expect(m[0][0].el.attrs).toMatchObject({ colspan: '5', rowspan: '2' });
    expect(text(m[0][5].el)).toBe('行政诉讼');
    expect(m[0][5].el.attrs.colspan).toBe('10');
    expect(text(m[1][5].el)).toBe('未经复议直接起诉');
    expect(text(m[1][10].el)).toBe('复议后起诉');
    expect(m[2].map((s) => text(s.el))).toEqual(Array(3).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat());
    expect(m[3].map((s) => text(s.el)).join(',')).toBe('1,1,0,1,3,1,0,0,0,1,0,0,0,1,1');
  });

  test('every number cell carries its codes', () => {
    const cells = numericCells(root);
    expect(cells).toHaveLength(10 + 25 * 7 + 15);
    expect(cells.every((c) => c.attrs.class === 'gk-num')).toBe(true);
    expect(text(cellAt(root, 'applications', 'received', 'total'))).toBe('13');
    expect(text(cellAt(root, 'applications', 'closedTotal', 'naturalPerson'))).toBe('11');
    expect(text(cellAt(root, 'reviewsAndLawsuits', 'review', 'total'))).toBe('3');
  });
});

describe('escaping and links', () => {
  const evil = report2024({
    title: '<script>alert("x")</script> & 报告',
    overview: 'A<b>B</b>\n第二行',
    problems: [
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: '坏链接' }] },
          { type: 'link', url: 'https://example.org/?a=1&b="2"', children: [{ type: 'text', text: '好链接' }] },
        ],
      },
    ],
  });
  const html = renderReportFragment(evil);

  test('text is escaped and parses back to what was given', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 报告');
    const root = parseHtml(html);
    expect(text(find(root, byTag('h1')))).toBe('<script>alert("x")</script> & 报告');
    const overview = find(root, (e) => e.attrs['data-section'] === 'overview');
    expect(text(find(overview, byTag('p')))).toBe('A<b>B</b>第二行');
    expect(findAll(overview, byTag('br'))).toHaveLength(1);
  });

  test('only safe links become links', () => {
    const links = findAll(parseHtml(html), byTag('a'));
    expect(links.map((a) => [text(a), a.attrs.href])).toEqual([['好链接', 'https://example.org/?a=1&b="2"']]);
    expect(html).toContain('坏链接');
    expect(html).not.toContain('javascript:');
  });
});

describe('convertLabel', () => {
  test('is applied to every fixed label and to nothing else', () => {
    const mark = (s: string) => `〔${s}〕`;
    const root = parseHtml(renderReportFragment(report2024(), { convertLabel: mark }));
    const labels = [
      ...findAll(root, byTag('th')),
      ...findAll(root, byTag('h2')),
      ...findAll(root, byTag('caption')),
      find(root, (e) => e.attrs.class === 'gk-corner'),
    ];
    expect(labels.length).toBeGreaterThan(60);
    for (const el of labels) expect(text(el)).toMatch(/^〔.*〕$/s);
    expect(text(find(root, byTag('h1')))).toBe('示例市人民政府办公室2024年政府信息公开工作年度报告');
    // the prose is the editor's text; the opening paragraph is fixed text and is converted whole
    const paragraphs = findAll(root, byTag('p')).map(text);
    expect(paragraphs.filter((p) => p.includes('〔'))).toEqual([expect.stringMatching(/^〔本报告根据《中华人民共和国政府信息公开条例》.*〕$/s)]);
    expect(text(cellAt(root, 'applications', 'received', 'total'))).toBe('13');
  });

  test('with OpenCC, a zh-Hant rendering', () => {
    const toHant = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const html = renderReportHtml(report2024(), { convertLabel: toHant, lang: 'zh-Hant' });
    const root = parseHtml(html);
    expect(find(root, byTag('html')).attrs.lang).toBe('zh-Hant');
    expect(findAll(root, byTag('h2')).map(text)[2]).toBe('三、收到和處理政府信息公開申請情況');
    expect(th(root, 'rowgroup').map(text)[0]).toBe('三、本年度辦理結果');
    expect(text(find(root, (e) => e.attrs.class === 'gk-corner'))).toBe('（本列數據的勾稽關係為：第一項加第二項之和，等於第三項加第四項之和）');
  });
});

describe('failures', () => {
  test('cells named by failures get a class; last year’s cells are not marked', () => {
    const t = report2024().tables as ReturnType<typeof tables2023>;
    t.applications.carriedOut.naturalPerson = 0;
    t.applications.carriedOut.total = 0;
    const previous = tables2023();
    previous.applications.carriedOut.commercial = 5;
    previous.applications.carriedOut.total = 7;
    const failures = validate(t, { formatVersion: '2021', previous });
    const root = parseHtml(renderReportFragment(report2024({ tables: t }), { failures }));
    const balance = cellAt(root, 'applications', 'received', 'naturalPerson');
    expect(balance.attrs.class).toBe('gk-num gk-invalid gk-invalid--error');
    expect(balance.attrs['aria-invalid']).toBe('true');
    expect(balance.attrs['data-rules']).toBe('applications.balance');
    const carried = cellAt(root, 'applications', 'carriedIn', 'commercial');
    expect(carried.attrs.class).toBe('gk-num gk-invalid gk-invalid--warning');
    expect(carried.attrs['aria-invalid']).toBeUndefined();
    // The total column fails the balance (error) and the carry-over (warning): the error wins.
    const both = cellAt(root, 'applications', 'carriedIn', 'total');
    expect(both.attrs.class).toBe('gk-num gk-invalid gk-invalid--error');
    expect(both.attrs['data-rules']).toBe('applications.balance applications.carry-over');
    expect(cellAt(root, 'applications', 'granted', 'research').attrs.class).toBe('gk-num');
  });
});

describe('other inputs', () => {
  test('2019 format: five Table 2 blocks and （六）其他处理 as one row with numbers', () => {
    const r: AnnualReport = { ...report2024(), year: 2020, formatVersion: 2019, tables: tables2020() };
    const root = parseHtml(renderReportFragment(r));
    const t2 = table(root, 'proactive');
    expect(findAll(t2, (e) => e.attrs.class === 'gk-block-heading').map(text)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '第二十条第（九）项',
    ]);
    expect(text(cellAt(t2, 'proactive', 'fees', 'change'))).toBe('-1');
    expect(cellAt(t2, 'proactive', 'fees', 'change').attrs.colspan).toBe('2');
    expect(text(cellAt(t2, 'proactive', 'procurement', 'totalAmount'))).toBe('35.75');
    const t3 = table(root, 'applications');
    const other = find(t3, (e) => e.tag === 'th' && text(e) === '（六）其他处理');
    expect(other.attrs).toMatchObject({ scope: 'row', colspan: '2' });
    expect(th(t3, 'rowgroup').map((g) => [text(g), g.attrs.rowspan])).toEqual([
      ['三、本年度办理结果', '20'],
      ['（三）不予公开', '8'],
      ['（四）无法提供', '3'],
      ['（五）不予处理', '5'],
    ]);
    expect(text(cellAt(t3, 'applications', 'other', 'naturalPerson'))).toBe('1');
    expect(numericCells(root)).toHaveLength(22 + 23 * 7 + 15);
  });

  test('blocks (array or JSON string) for prose; section 六 falls back to the fee sentence', () => {
    const blocks = [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: '块内容' }] }];
    const r = report2024({ overview: blocks, problems: JSON.stringify(blocks), otherMatters: '', processingFeeYuan: 300 });
    const root = parseHtml(renderReportFragment(r));
    const para = (code: string) =>
      findAll(
        find(root, (e) => e.attrs['data-section'] === code),
        byTag('p'),
      ).map(text);
    expect(para('overview')).toEqual(['块内容']);
    expect(para('problems')).toEqual(['块内容']);
    expect(para('otherMatters')).toEqual(['本年度，示例市人民政府办公室依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费300元。']);
  });

  test('missing and non-numeric cells render empty instead of throwing; an empty title gets the customary one', () => {
    const r = report2024({ title: ' ', tables: { applications: { received: { naturalPerson: 'x' } } } });
    const root = parseHtml(renderReportFragment(r));
    expect(text(cellAt(root, 'applications', 'received', 'naturalPerson'))).toBe('');
    expect(text(cellAt(root, 'proactive', 'fees', 'amountTenThousandYuan'))).toBe('');
    expect(text(find(root, byTag('h1')))).toBe('示例市人民政府办公室2024年政府信息公开工作年度报告');
  });

  test('the document is standalone with print CSS; the fragment is not a document', () => {
    const doc = renderReportHtml(report2024());
    expect(doc.startsWith('<!DOCTYPE html>')).toBe(true);
    const root = parseHtml(doc);
    expect(text(find(root, byTag('title')))).toBe('示例市人民政府办公室2024年政府信息公开工作年度报告');
    expect(text(find(root, byTag('style')))).toBe(REPORT_CSS);
    expect(REPORT_CSS).toContain('@media print');
    expect(REPORT_CSS).toContain('@page');
    const fragment = renderReportFragment(report2024());
    expect(fragment.startsWith('<article')).toBe(true);
    expect(fragment).not.toContain('<html');
  });

  test('empty tables render zeros', () => {
    const root = parseHtml(renderReportFragment(report2024({ tables: emptyTables('2021') })));
    expect(numericCells(root).every((c) => text(c) === '0')).toBe(true);
  });
});
