import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { exportDocx, exportPdf, exportXlsx } from '../../../src/plugins/disclosure/server/src/core/annual-report';
import { report2024, tables2020 } from './fixtures';

const CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const mark = (s: string) => `〔${s}〕`;

async function workbook(body: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** Merged ranges of a sheet as "A1:C3" strings. */
function merges(ws: ExcelJS.Worksheet): string[] {
  return (ws.model as unknown as { merges: string[] }).merges;
}

describe('XLSX export', () => {
  test('sheets: the text, then one per table', async () => {
    const result = await exportXlsx(report2024());
    expect(result.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(result.fileName.endsWith('.xlsx')).toBe(true);
    const wb = await workbook(result.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '报告正文',
      '主动公开政府信息情况',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政复议、行政诉讼情况',
    ]);
  });

  test('Table 3 laid out like the national table, numbers as numbers', async () => {
    const ws = (await workbook((await exportXlsx(report2024())).body)).getWorksheet('收到和处理政府信息公开申请情况')!;
    expect(ws.getCell('A1').value).toBe('三、收到和处理政府信息公开申请情况');
    expect(ws.getCell('A2').value).toBe(CORNER);
    expect(ws.getCell('D2').value).toBe('申请人情况');
    expect(ws.getCell('D3').value).toBe('自然人');
    expect(ws.getCell('E3').value).toBe('法人或其他组织');
    expect(ws.getCell('J3').value).toBe('总计');
    expect(['E4', 'F4', 'G4', 'H4', 'I4'].map((a) => ws.getCell(a).value)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(merges(ws)).toEqual(
      expect.arrayContaining(['A1:J1', 'A2:C4', 'D2:J2', 'D3:D4', 'E3:I3', 'J3:J4', 'A5:C5', 'A7:A28', 'B7:C7', 'B9:B16', 'B28:C28', 'A29:C29']),
    );
    expect(ws.getCell('A5').value).toBe('一、本年新收政府信息公开申请数量');
    expect(['D5', 'E5', 'F5', 'G5', 'H5', 'I5', 'J5'].map((a) => ws.getCell(a).value)).toEqual([10, 2, 0, 0, 1, 0, 13]);
    expect(ws.getCell('A7').value).toBe('三、本年度办理结果');
    expect(ws.getCell('B9').value).toBe('（三）不予公开');
    expect(ws.getCell('C9').value).toBe('1.属于国家秘密');
    expect(ws.getCell('D9').value).toBe(1);
    expect(ws.getCell('B28').value).toBe('（七）总计');
    expect(ws.getCell('J28').value).toBe(14);
    expect(ws.getCell('A29').value).toBe('四、结转下年度继续办理');
    expect(ws.getCell('D29').value).toBe(1);
    expect(ws.getCell('A2').border?.top?.style).toBe('thin');
  });

  test('Table 2 blocks and Table 4 grouped headers', async () => {
    const wb = await workbook((await exportXlsx(report2024())).body);
    const t2 = wb.getWorksheet('主动公开政府信息情况')!;
    expect(t2.getCell('A2').value).toBe('第二十条第（一）项');
    expect(['A3', 'B3', 'C3', 'D3'].map((a) => t2.getCell(a).value)).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(['A4', 'B4', 'C4', 'D4'].map((a) => t2.getCell(a).value)).toEqual(['规章', 1, 0, 5]);
    expect(merges(t2)).toEqual(expect.arrayContaining(['A2:D2', 'B8:D8', 'B15:D15']));
    expect(t2.getCell('A15').value).toBe('行政事业性收费');
    expect(t2.getCell('B15').value).toBe(12.5);

    const t4 = wb.getWorksheet('政府信息公开行政复议、行政诉讼情况')!;
    expect(merges(t4)).toEqual(expect.arrayContaining(['A2:E3', 'F2:O2', 'F3:J3', 'K3:O3']));
    expect([t4.getCell('A2').value, t4.getCell('F2').value, t4.getCell('F3').value, t4.getCell('K3').value]).toEqual([
      '行政复议',
      '行政诉讼',
      '未经复议直接起诉',
      '复议后起诉',
    ]);
    const values = Array.from({ length: 15 }, (_, i) => t4.getRow(5).getCell(i + 1).value);
    expect(values).toEqual([1, 1, 0, 1, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1]);
  });

  test('the text sheet holds the title and all six headings with the prose', async () => {
    const ws = (await workbook((await exportXlsx(report2024())).body)).getWorksheet('报告正文')!;
    const column = (ws.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string');
    expect(column).toEqual([
      '示例市人民政府办公室2024年政府信息公开工作年度报告',
      '一、总体情况',
      '（一）主动公开',
      '本年度共主动公开政府信息 120 条。',
      '二、主动公开政府信息情况',
      '（见工作表“主动公开政府信息情况”）',
      '三、收到和处理政府信息公开申请情况',
      '（见工作表“收到和处理政府信息公开申请情况”）',
      '四、政府信息公开行政复议、行政诉讼情况',
      '（见工作表“政府信息公开行政复议、行政诉讼情况”）',
      '五、存在的主要问题及改进情况',
      '一是公开质量有待提高。',
      '二是解读形式较为单一。',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
    ]);
  });

  test('convertLabel applies to labels and sheet names; empty cells stay empty', async () => {
    const r = report2024({ tables: { applications: { received: { naturalPerson: 3 } } } });
    const wb = await workbook((await exportXlsx(r, { convertLabel: mark })).body);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '〔报告正文〕',
      '〔主动公开政府信息情况〕',
      '〔收到和处理政府信息公开申请情况〕',
      '〔政府信息公开行政复议、行政诉讼情况〕',
    ]);
    const ws = wb.getWorksheet('〔收到和处理政府信息公开申请情况〕')!;
    expect(ws.getCell('A2').value).toBe(`〔${CORNER}〕`);
    expect(ws.getCell('C9').value).toBe('〔1.属于国家秘密〕');
    expect(ws.getCell('D5').value).toBe(3);
    expect(ws.getCell('E5').value).toBeNull();
  });

  test('2019 format: 本年增/减 negative, 采购总金额 decimal, （六）其他处理 spanning two label columns', async () => {
    const r = report2024({ year: 2020, formatVersion: 2019, tables: tables2020() });
    const wb = await workbook((await exportXlsx(r)).body);
    const t2 = wb.getWorksheet('主动公开政府信息情况')!;
    const rows = (t2.getColumn(1).values as unknown[]).map(String);
    const fees = rows.indexOf('行政事业性收费');
    expect([t2.getCell(fees, 2).value, t2.getCell(fees, 3).value]).toEqual([4, -1]);
    const procurement = rows.indexOf('政府集中采购');
    expect([t2.getCell(procurement, 2).value, t2.getCell(procurement, 3).value]).toEqual([2, 35.75]);
    const t3 = wb.getWorksheet('收到和处理政府信息公开申请情况')!;
    expect(t3.getCell('B25').value).toBe('（六）其他处理');
    expect(merges(t3)).toEqual(expect.arrayContaining(['B25:C25', 'A7:A26']));
    expect(t3.getCell('D25').value).toBe(1);
  });
});

describe('DOCX export', () => {
  async function documentXml(body: Buffer | string): Promise<string> {
    const zip = await JSZip.loadAsync(body as Buffer);
    return zip.file('word/document.xml')!.async('string');
  }

  /** Each table as rows of [text, gridSpan, vMerge] per cell. */
  function tables(xml: string): [string, number, string][][][] {
    return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([tbl]) =>
      [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([tr]) =>
        [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]): [string, number, string] => [
          [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
          Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1),
          /<w:vMerge w:val="(\w+)"/.exec(tc)?.[1] ?? '',
        ]),
      ),
    );
  }

  test('a Word document with the title, six headings and three real tables', async () => {
    const result = await exportDocx(report2024());
    expect(result.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = await documentXml(result.body);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml).toContain('<w:gridSpan');
    expect(xml).toContain('<w:vMerge');
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(xml.indexOf('示例市人民政府办公室2024年政府信息公开工作年度报告')).toBeLessThan(xml.indexOf('一、总体情况'));
    expect(xml).toContain('一是公开质量有待提高。');
  });

  test('Table 3 cells: merged headers, merged group labels, the numbers', async () => {
    const [, t3] = tables(await documentXml((await exportDocx(report2024())).body));
    expect(t3).toHaveLength(3 + 25);
    expect(t3[0]).toEqual([
      [CORNER, 3, 'restart'],
      ['申请人情况', 7, ''],
    ]);
    expect(t3[1]).toEqual([
      ['', 3, 'continue'],
      ['自然人', 1, 'restart'],
      ['法人或其他组织', 5, ''],
      ['总计', 1, 'restart'],
    ]);
    expect(t3[2].map((c) => c[0])).toEqual(['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    expect(t3[3]).toEqual([['一、本年新收政府信息公开申请数量', 3, ''], ...['10', '2', '0', '0', '1', '0', '13'].map((n) => [n, 1, ''])]);
    expect(t3[5].slice(0, 2)).toEqual([
      ['三、本年度办理结果', 1, 'restart'],
      ['（一）予以公开', 2, ''],
    ]);
    expect(t3[7].slice(0, 4)).toEqual([
      ['', 1, 'continue'],
      ['（三）不予公开', 1, 'restart'],
      ['1.属于国家秘密', 1, ''],
      ['1', 1, ''],
    ]);
    expect(t3[8].slice(0, 3)).toEqual([
      ['', 1, 'continue'],
      ['', 1, 'continue'],
      ['2.其他法律行政法规禁止公开', 1, ''],
    ]);
    expect(t3[26].slice(1).map((c) => c[0])).toEqual(['（七）总计', '11', '2', '0', '0', '1', '0', '14']);
    expect(t3[27][0]).toEqual(['四、结转下年度继续办理', 3, '']);
    // Every row covers the ten grid columns.
    expect(t3.every((row) => row.reduce((n, c) => n + c[1], 0) === 10)).toBe(true);
  });

  test('Table 2 and Table 4 cells', async () => {
    const [t2, , t4] = tables(await documentXml((await exportDocx(report2024())).body));
    expect(t2[0]).toEqual([['第二十条第（一）项', 4, '']]);
    expect(t2[2].map((c) => c[0])).toEqual(['规章', '1', '0', '5']);
    expect(t2.at(-1)).toEqual([
      ['行政事业性收费', 1, ''],
      ['12.5', 3, ''],
    ]);
    expect(t4[0]).toEqual([
      ['行政复议', 5, 'restart'],
      ['行政诉讼', 10, ''],
    ]);
    expect(t4[1]).toEqual([
      ['', 5, 'continue'],
      ['未经复议直接起诉', 5, ''],
      ['复议后起诉', 5, ''],
    ]);
    expect(t4[3].map((c) => c[0]).join(',')).toBe('1,1,0,1,3,1,0,0,0,1,0,0,0,1,1');
  });

  test('convertLabel applies to headings and table labels, not to the prose', async () => {
    const xml = await documentXml((await exportDocx(report2024(), { convertLabel: mark })).body);
    expect(xml).toContain('〔一、总体情况〕');
    expect(xml).toContain(`〔${CORNER}〕`);
    expect(xml).toContain('〔1.属于国家秘密〕');
    expect(xml).toContain('>一是公开质量有待提高。<');
  });

  test('line breaks inside a paragraph and bold runs survive', async () => {
    const r = report2024({ overview: [{ type: 'paragraph', children: [{ type: 'text', text: '甲\n乙', bold: true }] }] });
    const xml = await documentXml((await exportDocx(r)).body);
    expect(xml).toMatch(/<w:b\/>[\s\S]*?<w:t[^>]*>甲<\/w:t>[\s\S]*?<w:br\/>[\s\S]*?<w:t[^>]*>乙<\/w:t>/);
  });
});

describe('what the documents say around the tables', () => {
  const issued = report2024({ issuedDate: '2025-01-20', contact: { address: '示例市人民路1号', phone: '0731-1234567', website: 'www.example.gov.cn' } });

  test('DOCX: the customary opening paragraph, the issuing body and date at the end, Table 4 on a landscape page', async () => {
    const zip = await JSZip.loadAsync((await exportDocx(issued)).body as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）');
    expect(text).toContain('（国办公开办函〔2021〕30号）要求编制');
    expect(text).toContain('统计期限自2024年1月1日起至2024年12月31日止');
    expect(text).toContain('请与示例市人民政府办公室联系（地址：示例市人民路1号；电话：0731-1234567）');
    expect(text.endsWith('示例市人民政府办公室2025年1月20日')).toBe(true);
    expect(text.indexOf('本报告根据')).toBeLessThan(text.indexOf('一、总体情况'));
    const sections = [...xml.matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['portrait', 'landscape', 'portrait']);
    // the landscape section holds Table 4, and only it
    const landscape = xml.slice(xml.indexOf('w:orient="portrait"'), xml.indexOf('w:orient="landscape"'));
    expect(landscape).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(landscape).not.toContain('三、收到和处理政府信息公开申请情况');
    // no watermark on an issued report
    expect(Object.keys(zip.files).some((f) => /header/.test(f))).toBe(false);
  });

  test('DOCX and HTML: a draft or invalid report carries its watermark on every page', async () => {
    const draft = report2024({ watermark: '草稿 · 未通过校验' });
    const zip = await JSZip.loadAsync((await exportDocx(draft)).body as Buffer);
    const headers = Object.keys(zip.files).filter((f) => /word\/header\d*\.xml/.test(f));
    expect(headers.length).toBeGreaterThan(0);
    expect(await zip.file(headers[0])!.async('string')).toContain('草稿 · 未通过校验');
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/<w:headerReference/g)!.length).toBe(3);
  });

  test('PDF: made in-process with the CJK font embedded (only the glyphs used), watermark on every page', async () => {
    const result = await exportPdf(report2024({ watermark: '草稿' }));
    expect(result.contentType).toBe('application/pdf');
    expect(result.fileName).toBe('示例市人民政府办公室2024年政府信息公开工作年度报告.pdf');
    const pdf = result.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/NotoSerifSC/);
    // subset: far smaller than the 14.8 MB font
    expect(pdf.length).toBeLessThan(600_000);
    const pages = (raw.match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
    // the landscape page of Table 4
    expect(raw).toMatch(/\/MediaBox \[0 0 841.89 595.28\]/);
  });
});
