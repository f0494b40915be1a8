import JSZip from 'jszip';
import {
  contentDisposition,
  exportCsv,
  exportCsvZip,
  exportJson,
  exportReport,
  getFormat,
  isExportKind,
  tableCsv,
  type ReportJson,
} from '../../../src/plugins/disclosure/server/src/core/annual-report';
import { parseCsv } from './csv';
import { report2024, tables2020 } from './fixtures';

const BOM = '\uFEFF';
const mark = (s: string) => `〔${s}〕`;

describe('JSON export', () => {
  test('stable shape: format, formatVersion, organization, year, tables by code', async () => {
    const result = await exportJson(report2024());
    expect(result.contentType).toBe('application/json; charset=utf-8');
    expect(result.fileName).toBe('示例市人民政府办公室2024年政府信息公开工作年度报告.json');
    expect(result.asciiFileName).toBe('annual-report-2024.json');
    const json = JSON.parse(result.body as string) as ReportJson;
    expect(Object.keys(json)).toEqual(['format', 'formatVersion', 'organization', 'year', 'tables', 'processingFeeYuan']);
    expect(json.processingFeeYuan).toBe(0);
    expect(JSON.parse((await exportJson({ ...report2024(), processingFeeYuan: 350 })).body as string).processingFeeYuan).toBe(350);
    expect(JSON.parse((await exportJson({ ...report2024(), processingFeeYuan: null })).body as string).processingFeeYuan).toBeNull();
    expect(json).toMatchObject({
      format: '国办公开办函〔2021〕30号',
      formatVersion: '2021',
      organization: '示例市人民政府办公室',
      year: 2024,
    });
    expect(Object.keys(json.tables)).toEqual(['proactive', 'applications', 'reviewsAndLawsuits']);
    expect(json.tables.proactive.fees).toEqual({ amountTenThousandYuan: 12.5 });
    expect(json.tables.applications.received).toEqual({
      naturalPerson: 10,
      commercial: 2,
      research: 0,
      socialWelfare: 0,
      legalService: 1,
      otherOrg: 0,
      total: 13,
    });
    expect(json.tables.reviewsAndLawsuits.review).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 });
  });

  test('rows in the format order whatever the input order; unusable cells are null', async () => {
    const t = report2024().tables as unknown as Record<string, Record<string, Record<string, unknown>>>;
    const reversed = Object.fromEntries(Object.entries(t.applications).reverse());
    reversed.granted = { ...reversed.granted, naturalPerson: 'five' };
    const json = JSON.parse((await exportJson(report2024({ tables: { ...t, applications: reversed } }))).body as string) as ReportJson;
    expect(Object.keys(json.tables.applications)[0]).toBe('received');
    expect(json.tables.applications.granted.naturalPerson).toBeNull();
  });

  test('labels on request, converted', async () => {
    const json = JSON.parse((await exportJson(report2024(), { includeLabels: true, convertLabel: mark })).body as string) as ReportJson;
    expect(json.labels?.sections.applications).toBe('〔三、收到和处理政府信息公开申请情况〕');
    expect(json.labels?.tables.applications.rows['withheld.stateSecret']).toEqual({
      label: '〔1.属于国家秘密〕',
      groups: ['〔三、本年度办理结果〕', '〔（三）不予公开〕'],
    });
    expect(json.labels?.tables.applications.columns.otherOrg).toEqual({ label: '〔其他〕', group: '〔法人或其他组织〕' });
    expect(json.labels?.tables.reviewsAndLawsuits.rows.lawsuitDirect).toEqual({
      label: '〔未经复议直接起诉〕',
      groups: ['〔行政诉讼〕'],
    });
  });

  test('2019 format', async () => {
    const r = report2024({ year: 2020, formatVersion: '2019', tables: tables2020() });
    const json = JSON.parse((await exportJson(r)).body as string) as ReportJson;
    expect(json.format).toBe('国办公开办函〔2019〕60号');
    expect(json.tables.applications.other.naturalPerson).toBe(1);
    expect(json.tables.proactive.procurement).toEqual({ projects: 2, totalAmount: 35.75 });
  });
});

describe('CSV exports', () => {
  test('one long CSV with a table column, BOM, CRLF, labels and codes', async () => {
    const result = await exportCsv(report2024());
    expect(result.contentType).toBe('text/csv; charset=utf-8');
    const body = result.body as string;
    expect(body.startsWith(BOM)).toBe(true);
    const rows = parseCsv(body.slice(1));
    expect(rows[0]).toEqual(['table', 'table_label', 'row', 'row_group', 'row_label', 'column', 'column_group', 'column_label', 'value']);
    expect(rows).toHaveLength(1 + 10 + 25 * 7 + 15);
    expect(rows).toContainEqual([
      'applications',
      '收到和处理政府信息公开申请情况',
      'withheld.stateSecret',
      '三、本年度办理结果 / （三）不予公开',
      '1.属于国家秘密',
      'naturalPerson',
      '',
      '自然人',
      '1',
    ]);
    expect(rows).toContainEqual([
      'applications',
      '收到和处理政府信息公开申请情况',
      'received',
      '',
      '一、本年新收政府信息公开申请数量',
      'legalService',
      '法人或其他组织',
      '法律服务机构',
      '1',
    ]);
    expect(rows).toContainEqual([
      'proactive',
      '主动公开政府信息情况',
      'fees',
      '第二十条第（八）项',
      '行政事业性收费',
      'amountTenThousandYuan',
      '',
      '本年收费金额（单位：万元）',
      '12.5',
    ]);
    expect(rows).toContainEqual([
      'reviewsAndLawsuits',
      '政府信息公开行政复议、行政诉讼情况',
      'lawsuitAfterReview',
      '行政诉讼',
      '复议后起诉',
      'pending',
      '',
      '尚未审结',
      '1',
    ]);
  });

  test('one wide CSV per table, zipped', async () => {
    const result = await exportCsvZip(report2024());
    expect(result.contentType).toBe('application/zip');
    expect(result.fileName.endsWith('.zip')).toBe(true);
    const zip = await JSZip.loadAsync(result.body as Buffer);
    expect(Object.keys(zip.files).sort()).toEqual(['table2-proactive.csv', 'table3-applications.csv', 'table4-reviewsAndLawsuits.csv']);

    const t3 = await zip.file('table3-applications.csv')!.async('string');
    expect(t3.startsWith(BOM)).toBe(true);
    const rows = parseCsv(t3.slice(1));
    expect(rows[0]).toEqual([
      'row',
      'row_group',
      'row_label',
      '自然人 [naturalPerson]',
      '法人或其他组织·商业企业 [commercial]',
      '法人或其他组织·科研机构 [research]',
      '法人或其他组织·社会公益组织 [socialWelfare]',
      '法人或其他组织·法律服务机构 [legalService]',
      '法人或其他组织·其他 [otherOrg]',
      '总计 [total]',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['row', ...getFormat('2021').applications.rows.map((r) => r.code)]);
    expect(rows[1]).toEqual(['received', '', '一、本年新收政府信息公开申请数量', '10', '2', '0', '0', '1', '0', '13']);
    expect(rows.find((r) => r[0] === 'closedTotal')).toEqual(['closedTotal', '三、本年度办理结果', '（七）总计', '11', '2', '0', '0', '1', '0', '14']);

    const t2 = parseCsv((await zip.file('table2-proactive.csv')!.async('string')).slice(1));
    expect(t2[0].slice(3)).toEqual([
      '本年制发件数 [issued]',
      '本年废止件数 [abolished]',
      '现行有效件数 [inForce]',
      '本年处理决定数量 [decisions]',
      '本年收费金额（单位：万元） [amountTenThousandYuan]',
    ]);
    expect(t2.find((r) => r[0] === 'licensing')).toEqual(['licensing', '第二十条第（五）项', '行政许可', '', '', '', '120', '']);

    const t4 = parseCsv((await zip.file('table4-reviewsAndLawsuits.csv')!.async('string')).slice(1));
    expect(t4.slice(1).map((r) => r.slice(0, 3).concat(r[7]))).toEqual([
      ['review', '', '行政复议', '3'],
      ['lawsuitDirect', '行政诉讼', '未经复议直接起诉', '1'],
      ['lawsuitAfterReview', '行政诉讼', '复议后起诉', '1'],
    ]);
  });

  test('convertLabel reaches every label; fields needing quotes are quoted', async () => {
    const quoteAll = (s: string) => `"${s}",`;
    const body = tableCsv(getFormat('2021').tables.reviewsAndLawsuits, report2024().tables, quoteAll);
    const rows = parseCsv(body.slice(1));
    expect(rows[0][3]).toBe('"结果维持", [upheld]');
    expect(rows[1]).toEqual(['review', '', '"行政复议",', '1', '1', '0', '1', '3']);

    const long = parseCsv(((await exportCsv(report2024(), { convertLabel: mark })).body as string).slice(1));
    for (const r of long.slice(1)) {
      expect(r[1]).toMatch(/^〔.*〕$/);
      expect(r[4]).toMatch(/^〔.*〕$/);
      expect(r[7]).toMatch(/^〔.*〕$/);
    }
  });
});

describe('export registry and file names', () => {
  test('exportReport dispatches by kind, html included', async () => {
    expect(isExportKind('xlsx')).toBe(true);
    expect(isExportKind('odt')).toBe(false);
    expect(isExportKind('toString')).toBe(false);
    const html = await exportReport('html', report2024(), { lang: 'zh-CN' });
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<!DOCTYPE html>');
    const json = await exportReport('json', report2024(), { includeLabels: true });
    expect(JSON.parse(json.body as string).labels).toBeDefined();
  });

  test('file names drop characters file systems refuse; Content-Disposition carries both names', async () => {
    const r = await exportJson(report2024({ title: '甲/乙:报告*?' }));
    expect(r.fileName).toBe('甲_乙_报告__.json');
    expect(contentDisposition(r)).toBe(`attachment; filename="annual-report-2024.json"; filename*=UTF-8''${encodeURIComponent('甲_乙_报告__.json')}`);
    expect(contentDisposition({ fileName: "a'(b).csv", asciiFileName: 'x.csv' }, 'inline')).toBe(`inline; filename="x.csv"; filename*=UTF-8''a%27%28b%29.csv`);
  });
});
