import {
  checkProse,
  classifySection,
  draftSections,
  findFigures,
  mergeSection,
  paragraphsText,
  parseChineseNumeral,
  reportFacts,
  splitSentences,
  withTotals,
} from '../../../src/plugins/disclosure/server/src/core/annual-report';
import { tables2024 } from './fixtures';

const facts = reportFacts(withTotals(tables2024()), { 'notices.published': 256, processingFeeYuan: 1200 });
const check = (text: string, previous?: Record<string, number>) => checkProse('overview', text, facts, previous);

describe('numerals', () => {
  test.each([
    ['一百一十三', 113],
    ['十二', 12],
    ['二十', 20],
    ['两千零五', 2005],
    ['三万二千', 32000],
    ['一千零一十', 1010],
    ['〇', 0],
    ['零', 0],
  ])('%s = %d', (text, n) => expect(parseChineseNumeral(text)).toBe(n));

  test('figures in both numeral systems, with units, 万 and decimals', () => {
    const f = findFigures('收到申请1,234件，其中一百一十三件、5.62万元、1.2万件、30％，第二十条、一次性告知、《条例》不计');
    expect(f.map((x) => [x.value, x.unit, x.decimals])).toEqual([
      [1234, '件', 0],
      [113, '件', 0],
      [5.62, '万元', 2],
      [12000, '件', 0],
      [30, '%', 0],
    ]);
  });
});

describe('the prose checker', () => {
  test('the seed report: parts (22 + 180) exceed their stated total (113)', () => {
    const findings = check('收到群众咨询和投诉共计113件，其中舆情平台转交22件，市长热线180件。');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'parts-exceed-total', stated: 202, expected: 113 });
    expect(findings[0].message.zh).toContain('超过所述总数');
  });

  test('parts within their total pass; so do parts in brackets', () => {
    expect(check('收到群众咨询和投诉共计113件，其中舆情平台转交22件，市长热线80件。')).toEqual([]);
    expect(check('因政府信息公开引起行政复议3件（结果维持1件、结果纠正1件、尚未审结1件）。')).toEqual([]);
    expect(check('因政府信息公开引起行政复议3件（结果维持2件、结果纠正2件）。')[0]).toMatchObject({ kind: 'parts-exceed-total', stated: 4, expected: 3 });
  });

  test('a stated figure that contradicts its cell, in Arabic digits or Chinese numerals', () => {
    expect(check('本年度共收到政府信息公开申请13件。')).toEqual([]);
    expect(check('本年度共收到政府信息公开申请十三件。')).toEqual([]);
    const wrong = check('本年度共收到政府信息公开申请十五件，上年结转2件。');
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatchObject({ kind: 'contradiction', cell: 'applications.received.total', stated: 15, expected: 13 });
    expect(check('上年结转5件。')[0]).toMatchObject({ cell: 'applications.carriedIn.total', expected: 2 });
    expect(check('共主动公开政府信息300条。')[0]).toMatchObject({ cell: 'notices.published', expected: 256 });
  });

  test('the verb carries over a list: 制发规章1件、行政规范性文件3件，废止…', () => {
    expect(check('本年度制发规章1件、行政规范性文件3件，废止规章0件、行政规范性文件1件，截至年底现行有效规章5件、行政规范性文件20件。')).toEqual([]);
    const f = check('本年度制发规章1件、行政规范性文件4件。');
    expect(f.map((x) => x.cell)).toEqual(['proactive.normativeDocuments.issued']);
  });

  test('万元 at the precision written, 元 and 万元 converted', () => {
    expect(check('收取行政事业性收费12.5万元。')).toEqual([]);
    expect(check('收取行政事业性收费13万元。')).toEqual([]); // 12.5 rounds to 13 at whole 万元
    expect(check('收取行政事业性收费125000元。')).toEqual([]);
    expect(check('收取行政事业性收费12.6万元。')[0]).toMatchObject({ cell: 'proactive.fees.amountTenThousandYuan', stated: 12.6 });
    expect(check('本年度收取信息处理费1200元。')).toEqual([]);
    expect(check('本年度收取信息处理费0.12万元。')).toEqual([]);
    expect(check('本年度收取信息处理费100元。')[0]).toMatchObject({ cell: 'processingFeeYuan', expected: 1200 });
  });

  test('stated absences are zeros: 未收取信息处理费, 未发生行政复议、行政诉讼, 未收到申请', () => {
    const f = check('本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。本年度未收取信息处理费。本年度未收到政府信息公开申请。');
    expect(f.map((x) => x.cell).sort()).toEqual([
      'applications.received.total',
      'processingFeeYuan',
      'reviewsAndLawsuits.lawsuits.total',
      'reviewsAndLawsuits.review.total',
    ]);
    const zero = reportFacts(withTotals(tables2024()), { processingFeeYuan: 0 });
    expect(checkProse('otherMatters', '本年度，某镇未收取信息处理费。', zero)).toEqual([]);
  });

  test('同比: a rate or a change that does not follow from last year is an error; unknown last year is not checked', () => {
    const last = { 'applications.received.total': 10 };
    expect(check('本年度共收到政府信息公开申请13件，同比增长30%。', last)).toEqual([]);
    expect(check('本年度共收到政府信息公开申请13件，较上年增加3件。', last)).toEqual([]);
    const wrong = check('本年度共收到政府信息公开申请13件，同比增长50%。', last);
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatchObject({ kind: 'year-on-year', stated: 50, expected: 30 });
    expect(check('本年度共收到政府信息公开申请13件，同比下降3件。', last)[0]).toMatchObject({ kind: 'year-on-year', stated: -3, expected: 3 });
    expect(check('本年度共收到政府信息公开申请13件，同比增长50%。')).toEqual([]);
  });

  test('Traditional text is read the same way', () => {
    expect(checkProse('overview', '本年度共收到政府信息公開申請十五件。', facts)[0]).toMatchObject({ cell: 'applications.received.total', stated: 15 });
    expect(checkProse('overview', '收到群眾諮詢和投訴共計113件，其中輿情平台轉交22件，市長熱線180件。', facts)[0]).toMatchObject({
      kind: 'parts-exceed-total',
    });
  });

  test('the generated drafts agree with their own tables', () => {
    const sections = draftSections({ organizationName: '某镇', year: 2024, tables: withTotals(tables2024()), noticesPublished: 256, processingFeeYuan: 1200 });
    for (const key of ['overview', 'problems', 'otherMatters'] as const) {
      expect(checkProse(key, paragraphsText(sections[key]), facts)).toEqual([]);
    }
  });
});

describe('bound prose', () => {
  const input = { organizationName: '某镇', year: 2024, tables: withTotals(tables2024()), noticesPublished: 256, processingFeeYuan: 1200 };
  const first = draftSections({ ...input, noticesPublished: 0 });
  const second = draftSections(input);

  test('sentences split after 。！？ with placeholders on their own', () => {
    expect(splitSentences('甲。乙！【待补充：丙】丁')).toEqual(['甲。', '乙！', '【待补充：丙】', '丁']);
  });

  test('a regeneration updates its own sentences and keeps the editor’s', () => {
    const text = paragraphsText(first.overview).replace('（三）政府信息管理', '（三）政府信息管理\n\n本镇全年开展政务公开培训2次。');
    const merged = mergeSection('overview', text, first.overview, second.overview);
    const after = merged.blocks.map((b: any) => b.children.map((c: any) => c.text).join('')).join('\n\n');
    expect(after).toContain('共主动公开政府信息256条');
    expect(after).not.toContain('共主动公开政府信息0条');
    expect(after).toContain('本镇全年开展政务公开培训2次。');
    expect(merged.kept).toContain('本镇全年开展政务公开培训2次。');
    expect(merged.changes).toEqual([expect.objectContaining({ before: expect.stringContaining('0条'), after: expect.stringContaining('256条') })]);
  });

  test('a generated sentence the editor rewrote is theirs; the edit view tells them apart', () => {
    const text = paragraphsText(first.overview).replace(/本年度，某镇共主动公开政府信息0条。/, '本年度，某镇通过政府网站共主动公开政府信息0条。');
    const merged = mergeSection('overview', text, first.overview, second.overview);
    expect(merged.kept).toContain('本年度，某镇通过政府网站共主动公开政府信息0条。');
    const views = classifySection(text, first.overview).flat();
    expect(views.find((v) => v.text.includes('通过政府网站'))?.origin).toBe('hand-written');
    expect(views.find((v) => v.text.startsWith('本年度制发规章'))).toMatchObject({
      origin: 'generated',
      cells: expect.arrayContaining(['proactive.regulations.issued']),
    });
    expect(views.filter((v) => v.origin === 'placeholder')).toHaveLength(3);
  });

  test('an empty section gets the new draft whole', () => {
    const merged = mergeSection('otherMatters', null, undefined, second.otherMatters);
    expect(merged.blocks).toHaveLength(2);
  });
});
