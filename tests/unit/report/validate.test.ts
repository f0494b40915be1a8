import {
  RULES,
  emptyTables,
  getFormat,
  hasErrors,
  validate,
  withTotals,
  type Failure,
  type LooseTables,
  type Tables2021,
} from '../../../src/plugins/disclosure/server/src/core/annual-report';
import { tables2020, tables2023, tables2024 } from './fixtures';

const only = (failures: Failure[], ruleId: string) => failures.filter((f) => f.ruleId === ruleId);
const v2021 = (t: LooseTables | Tables2021, previous?: LooseTables | Tables2021) => validate(t, { formatVersion: '2021', previous });

describe('rules as data', () => {
  test('each rule is declared once, with a severity and both descriptions', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.description.zh).toMatch(/\p{Script=Han}/u);
      expect(r.description.en).toMatch(/[a-z]/);
    }
    // Only the cross-year rules are warnings.
    expect(
      RULES.filter((r) => r.severity === 'warning')
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['continuity', 'cross-year-equal']);
  });

  test('a rule naming a row the format does not have is a programming error, not a silent pass', () => {
    const broken = { ...RULES[0], id: 'broken', left: ['nonexistent'] } as (typeof RULES)[number];
    expect(() => validate(tables2024(), { formatVersion: '2021', rules: [broken] })).toThrow(/no row nonexistent/);
  });
});

describe('consistent tables pass', () => {
  test('2024 report, alone and against its 2023 predecessor', () => {
    expect(v2021(tables2024())).toEqual([]);
    expect(v2021(tables2024(), tables2023())).toEqual([]);
  });

  test('empty tables pass', () => {
    expect(validate(emptyTables('2021'), { formatVersion: '2021' })).toEqual([]);
    expect(validate(emptyTables('2019'), { formatVersion: '2019' })).toEqual([]);
  });
});

describe('applications.balance: 一 + 二 = （七）总计 + 四, per column', () => {
  test('fails in each unbalanced column, naming cells, numbers and both messages', () => {
    const t = tables2024();
    t.applications.carriedOut.naturalPerson = 0;
    t.applications.carriedOut.total = 0;
    const failures = only(v2021(t), 'applications.balance');
    expect(failures.map((f) => f.cells[0].col)).toEqual(['naturalPerson', 'total']);
    const [f] = failures;
    expect(f).toMatchObject({ severity: 'error', reason: 'mismatch', expected: 12, actual: 11 });
    expect(f.cells).toEqual(['closedTotal', 'carriedOut', 'received', 'carriedIn'].map((row) => ({ table: 'applications', row, col: 'naturalPerson' })));
    expect(f.message.zh).toBe('表三 自然人 列：一+二=12，七+四=11，不相等');
    expect(f.message.en).toBe('Table 3, column naturalPerson: received + carriedIn = 12 but closedTotal + carriedOut = 11');
  });
});

describe('applications.closed-total: （七）总计 = sum of the outcome rows, per column', () => {
  test('fails when an outcome row does not add up', () => {
    const t = tables2024();
    t.applications.granted.naturalPerson = 6;
    t.applications.granted.total = 7;
    const failures = only(v2021(t), 'applications.closed-total');
    expect(failures.map((f) => f.cells[0].col)).toEqual(['naturalPerson', 'total']);
    const [f] = failures;
    expect(f).toMatchObject({ expected: 12, actual: 11 });
    expect(f.cells[0]).toEqual({ table: 'applications', row: 'closedTotal', col: 'naturalPerson' });
    expect(f.cells).toHaveLength(1 + 21);
    expect(f.message.zh).toBe('表三 自然人 列：（一）至（六）各项之和=12，（七）总计=11，不相等');
    expect(f.message.en).toBe('Table 3, column naturalPerson: sum of outcome rows = 12 but closedTotal = 11');
    // The balance still holds, so that rule stays quiet.
    expect(only(v2021(t), 'applications.balance')).toEqual([]);
  });
});

describe('applications.row-total: 总计 = the six applicant columns, per row', () => {
  test('fails on the row whose total is wrong', () => {
    const t = tables2024();
    t.applications.received.total = 14;
    const [f, ...rest] = only(v2021(t), 'applications.row-total');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ expected: 13, actual: 14 });
    expect(f.cells[0]).toEqual({ table: 'applications', row: 'received', col: 'total' });
    expect(f.cells.slice(1).map((c) => c.col)).toEqual(['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg']);
    expect(f.message.zh).toBe('表三 “一、本年新收政府信息公开申请数量” 行：自然人至其他之和=13，总计=14，不相等');
    expect(f.message.en).toBe('Table 3, row received: sum of applicant columns = 13 but total = 14');
  });
});

describe('reviewsAndLawsuits.group-total: 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group', () => {
  test('fails on the group whose total is wrong', () => {
    const t = tables2024();
    t.reviewsAndLawsuits.lawsuitDirect.total = 2;
    const failures = only(v2021(t), 'reviewsAndLawsuits.group-total');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ expected: 1, actual: 2, severity: 'error' });
    expect(failures[0].cells[0]).toEqual({ table: 'reviewsAndLawsuits', row: 'lawsuitDirect', col: 'total' });
    expect(failures[0].message.zh).toBe('表四 行政诉讼·未经复议直接起诉：结果维持+结果纠正+其他结果+尚未审结=1，总计=2，不相等');
    expect(failures[0].message.en).toBe('Table 4, group lawsuitDirect: upheld + corrected + other + pending = 1 but total = 2');
  });
});

describe('applications.carry-over: 二 (Y) = 四 (Y−1), per column, a warning', () => {
  test('only checked when last year is given', () => {
    const previous = tables2023();
    previous.applications.carriedOut.naturalPerson = 3;
    previous.applications.carriedOut.total = 3;
    expect(only(v2021(tables2024()), 'applications.carry-over')).toEqual([]);

    const failures = only(v2021(tables2024(), previous), 'applications.carry-over');
    expect(failures.map((f) => f.cells[0].col)).toEqual(['naturalPerson', 'total']);
    const [f] = failures;
    expect(f).toMatchObject({ severity: 'warning', reason: 'mismatch', expected: 3, actual: 2 });
    expect(f.cells).toEqual([
      { table: 'applications', row: 'carriedIn', col: 'naturalPerson' },
      { table: 'applications', row: 'carriedOut', col: 'naturalPerson', year: 'previous' },
    ]);
    expect(f.message.zh).toBe('表三 自然人 列：上年第四项=3，本年第二项=2，不相等');
    expect(f.message.en).toBe("Table 3, column naturalPerson: last year's carriedOut = 3 but this year's carriedIn = 2");
    expect(hasErrors(failures)).toBe(false);
  });

  test("an unusable cell of last year's report is reported, not thrown on", () => {
    const previous = tables2023() as unknown as { applications: { carriedOut: Record<string, unknown> } };
    previous.applications.carriedOut.commercial = 'n/a';
    const failures = only(v2021(tables2024(), previous as unknown as LooseTables), 'applications.carry-over');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ reason: 'not-a-number', severity: 'warning' });
    expect(failures[0].expected).toBeUndefined();
    expect(failures[0].message.zh).toBe('表三 法人或其他组织·商业企业 列：上年报告缺少上年第四项的数值，无法核对');
    expect(failures[0].message.en).toBe("Table 3, column commercial: last year's carriedOut is missing or not a number, cannot check");
  });

  test('across the change of format (2020 trial-format report → 2021 report)', () => {
    const failures = validate(tables2024(), { formatVersion: '2021', previous: tables2020(), previousFormatVersion: 2019 });
    // 2020 carried 1 application of a natural person out; 2024 says 2 came in.
    expect(failures.map((f) => [f.ruleId, f.cells[0].col, f.expected, f.actual])).toEqual([
      ['applications.carry-over', 'naturalPerson', 1, 2],
      ['applications.carry-over', 'total', 1, 2],
    ]);
  });
});

describe('proactive.in-force-continuity: 现行有效 (Y) = 现行有效 (Y−1) + 制发 − 废止, a warning', () => {
  test('fails on the row that does not continue', () => {
    const previous = tables2023();
    previous.proactive.regulations.inForce = 3;
    const failures = only(v2021(tables2024(), previous), 'proactive.in-force-continuity');
    expect(failures).toHaveLength(1);
    const [f] = failures;
    expect(f).toMatchObject({ severity: 'warning', expected: 4, actual: 5 });
    expect(f.cells).toEqual([
      { table: 'proactive', row: 'regulations', col: 'inForce' },
      { table: 'proactive', row: 'regulations', col: 'inForce', year: 'previous' },
      { table: 'proactive', row: 'regulations', col: 'issued' },
      { table: 'proactive', row: 'regulations', col: 'abolished' },
    ]);
    expect(f.message.zh).toBe('表二 “规章” 行：上年现行有效件数+本年制发件数−本年废止件数=4，现行有效件数=5，不相等');
    expect(f.message.en).toBe("Table 2, row regulations: last year's inForce + issued − abolished = 4 but inForce = 5");
  });

  test('not applied when last year used the trial format, which has no 现行有效件数', () => {
    const failures = validate(tables2024(), { formatVersion: '2021', previous: tables2020(), previousFormatVersion: '2019' });
    expect(only(failures, 'proactive.in-force-continuity')).toEqual([]);
  });
});

describe('cells.non-negative-integer', () => {
  const cellFailure = (mutate: (t: Record<string, Record<string, Record<string, unknown>>>) => void) => {
    const t = tables2024() as unknown as Record<string, Record<string, Record<string, unknown>>>;
    mutate(t);
    return only(v2021(t as LooseTables), 'cells.non-negative-integer');
  };

  test('a negative count', () => {
    const [f, ...rest] = cellFailure((t) => (t.applications.received.research = -1));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      reason: 'negative',
      actual: -1,
      cells: [{ table: 'applications', row: 'received', col: 'research' }],
    });
    expect(f.message.zh).toBe('表三 “一、本年新收政府信息公开申请数量” 行 法人或其他组织·科研机构 列：应为非负整数，实为-1');
    expect(f.message.en).toBe('Table 3, row received, column research: must be a non-negative integer, got -1');
  });

  test('a fractional count', () => {
    const [f] = cellFailure((t) => (t.proactive.licensing.decisions = 2.5));
    expect(f).toMatchObject({
      reason: 'not-integer',
      actual: 2.5,
      cells: [{ table: 'proactive', row: 'licensing', col: 'decisions' }],
    });
    expect(f.message.zh).toBe('表二 “行政许可” 行 本年处理决定数量 列：应为非负整数，实为2.5');
  });

  test('a missing cell and a non-numeric cell are failures, and the sums over them are skipped', () => {
    const t = tables2024() as unknown as Record<string, Record<string, Record<string, unknown>>>;
    delete t.applications.granted.commercial;
    t.reviewsAndLawsuits.review.pending = '1';
    const failures = v2021(t as LooseTables);
    expect(failures.map((f) => [f.ruleId, f.reason, f.cells[0].row, f.cells[0].col])).toEqual([
      ['cells.non-negative-integer', 'missing', 'granted', 'commercial'],
      ['cells.non-negative-integer', 'not-a-number', 'review', 'pending'],
    ]);
    expect(failures[0].message).toEqual({
      zh: '表三 “（一）予以公开” 行 法人或其他组织·商业企业 列：缺少数值',
      en: 'Table 3, row granted, column commercial: value is missing',
    });
    expect(failures[1].message).toEqual({
      zh: '表四 行政复议 尚未审结 列：不是数字（"1"）',
      en: 'Table 4, group review, column pending: not a number ("1")',
    });
  });

  test('garbage instead of tables: every cell reported, nothing thrown', () => {
    const failures = validate({ applications: { received: undefined } }, { formatVersion: '2021' });
    const cells = Object.values(getFormat('2021').tables).reduce((n, m) => n + m.rows.reduce((k, r) => k + r.columns.length, 0), 0);
    expect(failures).toHaveLength(cells);
    expect(failures.every((f) => f.reason === 'missing')).toBe(true);
    expect(validate(null as unknown as LooseTables, { formatVersion: '2019' }).length).toBeGreaterThan(0);
  });
});

describe('cells.non-negative-decimal', () => {
  test('the fee in 万元 may have decimals but not be negative', () => {
    const t = tables2024();
    t.proactive.fees.amountTenThousandYuan = 0.0375;
    expect(v2021(t)).toEqual([]);
    t.proactive.fees.amountTenThousandYuan = -0.5;
    const failures = v2021(t);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ ruleId: 'cells.non-negative-decimal', reason: 'negative', actual: -0.5 });
    expect(failures[0].cells).toEqual([{ table: 'proactive', row: 'fees', col: 'amountTenThousandYuan' }]);
    expect(failures[0].message.zh).toBe('表二 “行政事业性收费” 行 本年收费金额（单位：万元） 列：应为非负数，实为-0.5');
    expect(failures[0].message.en).toBe('Table 2, row fees, column amountTenThousandYuan: must be a non-negative number, got -0.5');
  });
});

describe('2019 trial format', () => {
  test('a consistent 2020 report passes; 本年增/减 may be negative; 采购总金额 may have decimals', () => {
    const t = tables2020();
    expect(t.proactive.fees.change).toBe(-1);
    expect(validate(t, { formatVersion: '2019' })).toEqual([]);
  });

  test('（七）总计 is checked against the single （六）其他处理 row', () => {
    const t = tables2020();
    t.applications.other.naturalPerson = 2;
    t.applications.other.total = 2;
    const failures = validate(t, { formatVersion: '2019' });
    const closed = only(failures, 'applications.closed-total');
    expect(closed.map((f) => [f.cells[0].col, f.expected, f.actual])).toEqual([
      ['naturalPerson', 4, 3],
      ['total', 5, 4],
    ]);
    expect(closed[0].cells).toHaveLength(1 + 19);
    expect(closed[0].cells.map((c) => c.row)).toContain('other');
  });

  test('cells.integer: 本年增/减 must be whole', () => {
    const t = tables2020();
    t.proactive.licensing.change = 1.5;
    const failures = validate(t, { formatVersion: '2019' });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ ruleId: 'cells.integer', reason: 'not-integer', actual: 1.5 });
    expect(failures[0].message.zh).toBe('表二 “行政许可” 行 本年增/减 列：应为整数，实为1.5');
  });

  test('2021 tables checked as the trial format miss its rows', () => {
    const failures = validate(withTotals(tables2024()), { formatVersion: '2019' });
    const missing = failures.filter((f) => f.reason === 'missing').map((f) => `${f.cells[0].table}.${f.cells[0].row}`);
    expect(missing).toContain('applications.other');
    expect(missing).toContain('proactive.procurement');
  });
});

test('hasErrors ignores warnings', () => {
  const warning = { ruleId: 'x', severity: 'warning', reason: 'mismatch', cells: [], message: { zh: '', en: '' } } as Failure;
  expect(hasErrors([warning])).toBe(false);
  expect(hasErrors([warning, { ...warning, severity: 'error' }])).toBe(true);
});
