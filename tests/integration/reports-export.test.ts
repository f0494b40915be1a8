/**
 * Exports of an annual report: every format opens and carries the report's numbers; drafts are not
 * public; zh-Hant uses the zh-Hant text and converted labels.
 */
import request from 'supertest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { completeProse } from '../harness/reports';

const UID = 'api::annual-report.annual-report';
const YEAR = 2025;

let app: TestApp;
let token: string;
let documentId: string;

const docs = () => app.strapi.documents;
const auth = () => ({ Authorization: `Bearer ${token}` });
const exportUrl = (id = documentId) => `/api/disclosure/annual-reports/${id}/export`;

function binary(res: any, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  const org = await docs()('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { code: 'E001', name: '测试丁镇人民政府', level: 'township' } as any,
  });
  for (let i = 0; i < 7; i += 1) {
    await docs()('api::notice.notice').create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title: `许可${i}`, organization: org.documentId, documentType: 'licensing-decision', releaseDate: `2025-0${(i % 9) + 1}-10` } as any,
    });
  }
  const res = await request(app.server).post('/disclosure/annual-reports/generate').set(auth()).send({ organization: 'E001', year: YEAR });
  expect(res.status).toBe(200);
  documentId = res.body.data.documentId;
  // hand-typed Table 3 and Table 4 figures that hold together
  const t = structuredClone(res.body.data.tables);
  t.applications.received.naturalPerson = 13;
  t.applications.received.total = 13;
  t.applications.granted.naturalPerson = 11;
  t.applications.granted.total = 11;
  t.applications.closedTotal.naturalPerson = 11;
  t.applications.closedTotal.total = 11;
  t.applications.carriedOut.naturalPerson = 2;
  t.applications.carriedOut.total = 2;
  t.reviewsAndLawsuits.review.upheld = 4;
  t.reviewsAndLawsuits.review.total = 4;
  await docs()(UID).update({
    documentId,
    locale: 'zh-Hans',
    data: { tables: t, overview: [{ type: 'paragraph', children: [{ type: 'text', text: '总体情况正文。' }] }] } as any,
  });
});
afterAll(async () => {
  await app?.stop();
});

describe('export of a draft', () => {
  it('is not public (404), but admins get it on the admin route', async () => {
    let res = await request(app.server).get(exportUrl()).query({ format: 'json' });
    expect(res.status).toBe(404);
    res = await request(app.server).get(`/disclosure/annual-reports/${documentId}/export`).query({ format: 'json' }).set(auth());
    expect(res.status).toBe(200);
    expect(res.body.tables.applications.received.naturalPerson).toBe(13);
    res = await request(app.server).get(`/disclosure/annual-reports/${documentId}/export`).query({ format: 'json' });
    expect(res.status).toBe(401);
  });
});

describe('export of a published report', () => {
  beforeAll(async () => {
    await completeProse(app.strapi, documentId);
    await docs()(UID).publish({ documentId, locale: 'zh-Hans' });
  });

  it('answers 404 for an unknown report, 400 for a bad format, layout or locale', async () => {
    expect((await request(app.server).get(exportUrl('nosuchdocument0000000000')).query({ format: 'json' })).status).toBe(404);
    const bad = await request(app.server).get(exportUrl()).query({ format: 'odt' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['format']);
    expect((await request(app.server).get(exportUrl()).query({ format: 'csv', layout: 'wide' })).status).toBe(400);
    const loc = await request(app.server).get(exportUrl()).query({ format: 'json', locale: 'en' });
    expect(loc.status).toBe(400);
    expect(loc.body.error.details.errors[0].path).toEqual(['locale']);
  });

  it('JSON carries the codes and numbers', async () => {
    const res = await request(app.server).get(exportUrl()).query({ format: 'json' });
    expect(res.status).toBe(200);
    expect(res.body.formatVersion).toBe('2021');
    expect(res.body.tables.proactive.licensing.decisions).toBe(7);
    expect(res.body.tables.applications.carriedOut.total).toBe(2);
    expect(res.body.tables.reviewsAndLawsuits.review.upheld).toBe(4);
  });

  it('HTML is the national layout with the numbers', async () => {
    const res = await request(app.server).get(exportUrl()).query({ format: 'html' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('一、总体情况');
    expect(res.text).toContain('总体情况正文。');
    expect(res.text).toMatch(/data-table="applications" data-row="received" data-col="naturalPerson"[^>]*>13</);
  });

  it('XLSX has one sheet per table with the numbers', async () => {
    const res = await request(app.server).get(exportUrl()).query({ format: 'xlsx' }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="annual-report-2025.xlsx"; filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets.length).toBe(4); // the text, then one sheet per table
    const numbers = (i: number) => {
      const out: number[] = [];
      wb.worksheets[i].eachRow((row) => row.eachCell((c) => typeof c.value === 'number' && out.push(c.value)));
      return out;
    };
    expect(numbers(1)).toContain(7);
    expect(numbers(2)).toEqual(expect.arrayContaining([13, 11, 2]));
    expect(numbers(3)).toContain(4);
  });

  it('DOCX has real Word tables with the numbers', async () => {
    const res = await request(app.server).get(exportUrl()).query({ format: 'docx' }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(res.body);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3);
    const cellTexts = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((m) => m[0].replace(/<[^>]+>/g, ''));
    expect(cellTexts).toEqual(expect.arrayContaining(['13', '11', '2', '7', '4']));
    expect(xml).toContain('总体情况正文。');
  });

  it('CSV: zipped per-table files, or one CSV with a table column', async () => {
    const res = await request(app.server).get(exportUrl()).query({ format: 'csv' }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.body);
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(3);
    const all = (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('\n');
    expect(all).toMatch(/13/);
    const single = await request(app.server).get(exportUrl()).query({ format: 'csv', layout: 'single' });
    expect(single.status).toBe(200);
    expect(single.headers['content-type']).toMatch(/text\/csv/);
    const line = single.text.split(/\r?\n/).find((l) => l.includes('applications') && l.includes('received') && l.includes('naturalPerson'));
    expect(line).toMatch(/,13$/);
  });

  it('zh-Hant: the zh-Hant text when there is one, labels converted', async () => {
    let res = await request(app.server).get(exportUrl()).query({ format: 'html', locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('一、總體情況');
    expect(res.text).toContain('總體情況正文。'); // no zh-Hant version yet: converted from zh-Hans
    expect(res.text).toContain('lang="zh-TW"');
    await docs()(UID).update({
      documentId,
      locale: 'zh-Hant',
      status: 'published',
      data: { title: '測試丁鎮年報', overview: [{ type: 'paragraph', children: [{ type: 'text', text: '繁體版本的正文。' }] }] } as any,
    });
    res = await request(app.server).get(exportUrl()).query({ format: 'html', locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('繁體版本的正文。');
    expect(res.text).toContain('測試丁鎮年報');
    const json = await request(app.server).get(exportUrl()).query({ format: 'json', locale: 'zh-Hant' });
    expect(json.body.tables.applications.received.naturalPerson).toBe(13);
  });

  it('zh-Hant labels go through chinese-variants: the report wording is in the glossary, and a change an administrator makes is used in the next export', async () => {
    const before = await request(app.server).get(exportUrl()).query({ format: 'html', locale: 'zh-Hant' });
    expect(before.text).toContain('主動公開政府信息情況');
    // seeded by the disclosure plugin as a term of its own, so a shorter term inside it does not split it
    const GLOSSARY = 'plugin::chinese-variants.glossary-term';
    const label = await app.strapi.db.query(GLOSSARY as any).findOne({ where: { term: '主动公开政府信息情况' } });
    expect(label).toMatchObject({ enabled: true, scopeType: null });
    const inner = await docs()(GLOSSARY as any).create({ data: { term: '主动公开', replacements: { 'zh-Hant': '主動公開（詞表）' } } as any });
    expect((await request(app.server).get(exportUrl()).query({ format: 'html', locale: 'zh-Hant' })).text).toContain('主動公開政府信息情況');
    await docs()(GLOSSARY as any).update({ documentId: label.documentId, data: { replacements: { 'zh-Hant': '主動公開政府資訊（詞表）情況' } } as any });
    const after = await request(app.server).get(exportUrl()).query({ format: 'html', locale: 'zh-Hant' });
    expect(after.text).toContain('主動公開政府資訊（詞表）情況');
    await docs()(GLOSSARY as any).update({ documentId: label.documentId, data: { replacements: {} } as any });
    await docs()(GLOSSARY as any).delete({ documentId: inner.documentId } as any);
  });

  it("zh-Hant labels take the report's own glossary terms (an ambiguity-review choice) over the site's", async () => {
    const GLOSSARY = 'plugin::chinese-variants.glossary-term';
    const own = await app.strapi.db.query(GLOSSARY as any).create({
      data: {
        term: '本年度办理结果',
        replacements: { 'zh-Hant': '本年度辦理結果（本報告）' },
        enabled: true,
        scopeType: 'api::annual-report.annual-report',
        scopeDocument: documentId,
      },
    });
    const res = await request(app.server).get(exportUrl()).query({ format: 'html', locale: 'zh-Hant' });
    expect(res.text).toContain('本年度辦理結果（本報告）');
    await app.strapi.db.query(GLOSSARY as any).delete({ where: { id: own.id } });
    expect((await request(app.server).get(exportUrl()).query({ format: 'html', locale: 'zh-Hant' })).text).not.toContain('（本報告）');
  });
});
