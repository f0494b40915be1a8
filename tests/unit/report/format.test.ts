import { readFileSync } from 'fs';
import path from 'path';
import {
  APPLICATION_ROWS_2019,
  APPLICATION_ROWS_2021,
  OUTCOME_ROWS_2019,
  OUTCOME_ROWS_2021,
  formatVersionForYear,
  getFormat,
  sectionHeading,
  toFormatVersion,
} from '../../../src/plugins/disclosure/server/src/core/annual-report';
import copied2021 from '../../../src/plugins/disclosure/server/src/core/annual-report/formats/2021.json';

const REFERENCE = path.resolve(__dirname, '../../../../shared/reference/annual-report-format.json');

describe('format data', () => {
  test('formats/2021.json is the reference file, unchanged', () => {
    expect(copied2021).toEqual(JSON.parse(readFileSync(REFERENCE, 'utf8')));
  });

  test('six sections in the national order with their headings', () => {
    for (const v of ['2019', '2021'] as const) {
      expect(getFormat(v).sections.map(sectionHeading)).toEqual([
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ]);
    }
  });

  test('the typed code lists match the data (so TablesFor<V> describes emptyTables)', () => {
    const rows = (v: '2019' | '2021') => getFormat(v).applications.rows;
    expect(rows('2021').map((r) => r.code)).toEqual([...APPLICATION_ROWS_2021]);
    expect(rows('2019').map((r) => r.code)).toEqual([...APPLICATION_ROWS_2019]);
    expect(
      rows('2021')
        .filter((r) => r.outcome)
        .map((r) => r.code),
    ).toEqual([...OUTCOME_ROWS_2021]);
    expect(
      rows('2019')
        .filter((r) => r.outcome)
        .map((r) => r.code),
    ).toEqual([...OUTCOME_ROWS_2019]);
  });

  test('Table 3 rows know their enclosing merged group labels', () => {
    const row = (code: string) => getFormat('2021').applications.rows.find((r) => r.code === code);
    expect(row('received')?.groups).toEqual([]);
    expect(row('granted')?.groups).toEqual(['三、本年度办理结果']);
    expect(row('withheld.queryMatter')?.groups).toEqual(['三、本年度办理结果', '（三）不予公开']);
    expect(row('other.other')?.groups).toEqual(['三、本年度办理结果', '（六）其他处理']);
    expect(row('closedTotal')?.groups).toEqual(['三、本年度办理结果']);
    expect(row('carriedOut')?.groups).toEqual([]);
  });

  test('2019 trial format: （六）其他处理 is one outcome row standing for the three 2021 rows', () => {
    const f = getFormat('2019');
    const other = f.applications.rows.find((r) => r.code === 'other');
    expect(other).toMatchObject({ label: '（六）其他处理', outcome: true, groups: ['三、本年度办理结果'] });
    expect(other?.from2021).toEqual(['other.noCorrection', 'other.feeUnpaid', 'other.other']);
    expect(f.documentNumber).toBe('国办公开办函〔2019〕60号');
    expect(f.applications.cornerNote).toBe(getFormat('2021').applications.cornerNote);
  });

  test('2019 trial format: Table 2 blocks, rows and columns as the trial format printed them', () => {
    const blocks = getFormat('2019').proactive.blocks.map((b) => ({
      heading: b.heading,
      rows: b.rows.map((r) => r.label),
      columns: b.columns.map((c) => c.label),
    }));
    const counts = ['上一年项目数量', '本年增/减', '处理决定数量'];
    expect(blocks).toEqual([
      {
        heading: '第二十条第（一）项',
        rows: ['规章', '规范性文件'],
        columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      },
      { heading: '第二十条第（五）项', rows: ['行政许可', '其他对外管理服务事项'], columns: counts },
      { heading: '第二十条第（六）项', rows: ['行政处罚', '行政强制'], columns: counts },
      { heading: '第二十条第（八）项', rows: ['行政事业性收费'], columns: ['上一年项目数量', '本年增/减'] },
      { heading: '第二十条第（九）项', rows: ['政府集中采购'], columns: ['采购项目数量', '采购总金额'] },
    ]);
    const change = getFormat('2019').proactive.blocks[1].columns[1];
    expect(change).toMatchObject({ code: 'change', signed: true });
  });

  test('2021 Table 2: the fee is the only decimal column', () => {
    const decimals = getFormat('2021')
      .tables.proactive.columns.filter((c) => c.decimal)
      .map((c) => c.code);
    expect(decimals).toEqual(['amountTenThousandYuan']);
  });
});

describe('format versions', () => {
  test('formatVersionForYear: trial format for 2019–2020, 2021 format from 2021', () => {
    expect(formatVersionForYear(2019)).toBe('2019');
    expect(formatVersionForYear(2020)).toBe('2019');
    expect(formatVersionForYear(2021)).toBe('2021');
    expect(formatVersionForYear(2035)).toBe('2021');
    expect(() => formatVersionForYear(2018)).toThrow(RangeError);
    expect(() => formatVersionForYear(2021.5)).toThrow(RangeError);
  });

  test('toFormatVersion accepts the stored integer and the string, nothing else', () => {
    expect(toFormatVersion(2021)).toBe('2021');
    expect(toFormatVersion('2019')).toBe('2019');
    expect(() => toFormatVersion(2020)).toThrow(RangeError);
    expect(() => toFormatVersion(undefined)).toThrow(RangeError);
    expect(getFormat(2019).version).toBe('2019');
  });
});
