import {
  draftOtherMatters,
  draftOverview,
  draftProse,
  emptyTables,
  findDraftPlaceholders,
  toBlocks,
  withTotals,
} from '../../../src/plugins/disclosure/server/src/core/annual-report';
import { tables2020, tables2024 } from './fixtures';

const ORG = '示例市人民政府办公室';
const input = {
  organizationName: ORG,
  year: 2024,
  tables: tables2024(),
  noticesPublished: 256,
  categoryCounts: [
    { name: '政策文件', count: 30 },
    { name: '统计信息', count: 0 },
    { name: '工作动态', count: 200 },
  ],
  processingFeeYuan: 1200,
};

describe('draftOverview', () => {
  const text = draftOverview(input);
  const paragraphs = text.split('\n\n');

  test('the five customary sub-headings, in order, each its own paragraph', () => {
    expect(paragraphs.filter((p) => /^（[一二三四五]）/.test(p))).toEqual([
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）平台建设',
      '（五）监督保障',
    ]);
  });

  test('proactive disclosure: the count, the non-zero categories, and Table 2', () => {
    expect(paragraphs[1]).toBe(
      `本年度，${ORG}共主动公开政府信息256条，其中政策文件30条、工作动态200条。` +
        '本年度制发规章1件、行政规范性文件3件，废止规章0件、行政规范性文件1件，截至年底现行有效规章5件、行政规范性文件20件。' +
        '本年度作出行政许可处理决定120件、行政处罚处理决定45件、行政强制处理决定3件；收取行政事业性收费12.5万元。',
    );
  });

  test('applications: received with the applicant split, carried in, outcomes by category, carried out', () => {
    expect(paragraphs[3]).toBe(
      `本年度，${ORG}共收到政府信息公开申请13件（其中自然人10件，法人或其他组织3件），上年结转2件。` +
        '本年度办结14件，其中予以公开6件、部分公开1件、不予公开2件、无法提供2件、不予处理1件、其他处理2件；结转下年度继续办理1件。',
    );
  });

  test('reviews and lawsuits under 监督保障, then room for the editor', () => {
    expect(paragraphs[9]).toBe(
      '本年度，因政府信息公开引起行政复议3件（结果维持1件、结果纠正1件、尚未审结1件），行政诉讼2件（未经复议直接起诉1件、复议后起诉1件）。' +
        '【待补充：工作考核、社会评议、责任追究及培训等情况】',
    );
    expect(findDraftPlaceholders(text)).toHaveLength(3);
  });

  test('a year without applications or cases says so', () => {
    const quiet = draftOverview({ ...input, tables: emptyTables('2021'), categoryCounts: [] });
    expect(quiet).toContain(`本年度，${ORG}未收到政府信息公开申请，无上年结转申请。`);
    expect(quiet).toContain('本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。');
    expect(quiet).toContain(`共主动公开政府信息256条。`);
  });

  test('trial-format years use the trial format rows, including the single 其他处理 row', () => {
    const t = draftOverview({ ...input, year: 2020, tables: tables2020(), categoryCounts: [] });
    expect(t).toContain('本年度新制作规章1件、规范性文件0件，新公开规章1件、规范性文件0件，对外公开规章总数9件、规范性文件总数0件。');
    expect(t).toContain('政府集中采购项目2个。');
    expect(t).toContain('本年度办结4件，其中予以公开2件、无法提供1件、其他处理1件；结转下年度继续办理1件。');
  });

  test('a missing number is marked for the editor, never printed as 0', () => {
    const t = withTotals(tables2024()) as unknown as { applications: { received: Record<string, unknown> } };
    delete t.applications.received.total;
    const drafted = draftOverview({ ...input, tables: t as never });
    expect(drafted).toContain('共收到政府信息公开申请【待补充：数据缺失】件');
  });
});

describe('draftOtherMatters', () => {
  test('states the 信息处理费 in 元, citing the fee rules from 2021', () => {
    expect(draftOtherMatters(input).split('\n\n')[0]).toBe(`本年度，${ORG}依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费1200元。`);
    expect(draftOtherMatters({ ...input, processingFeeYuan: 150.5 })).toContain('收取信息处理费150.50元。');
    expect(draftOtherMatters({ ...input, year: 2020, processingFeeYuan: 80 })).toContain(`本年度，${ORG}收取信息处理费80元。`);
    expect(draftOtherMatters({ ...input, processingFeeYuan: 0 })).toContain(`本年度，${ORG}未收取信息处理费。`);
  });

  test('an unknown fee is a placeholder', () => {
    const text = draftOtherMatters({ ...input, processingFeeYuan: undefined });
    expect(findDraftPlaceholders(text)).toEqual([
      '【待补充：本年度收取信息处理费情况（单位：元）】',
      '【待补充：其他需要报告的事项，如人大代表建议和政协提案办理结果公开情况等】',
    ]);
  });
});

test('draftProse returns text and matching Strapi blocks', () => {
  const d = draftProse(input);
  expect(d.overview).toBe(draftOverview(input));
  expect(d.otherMatters).toBe(draftOtherMatters(input));
  expect(d.overviewBlocks).toEqual(toBlocks(d.overview));
  expect(d.overviewBlocks[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '（一）主动公开' }] });
  expect(d.otherMattersBlocks).toHaveLength(2);
});
