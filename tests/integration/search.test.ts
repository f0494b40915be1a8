/**
 * Full-text search (GET /api/disclosure/search) on the database's own index: body words, 文号 and
 * two-character words found in either script, published content only, ranked, filtered, paginated, and
 * kept in step on publish, unpublish and delete.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Document, Packer, Paragraph } from 'docx';
import request from 'supertest';
import { startStrapi, TestApp } from '../harness/strapi';
import { uploadDemoBudget } from '../../src/bootstrap/demo-attachment';

let app: TestApp;
const ids: Record<string, string> = {};

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

async function notice(key: string, data: Record<string, unknown>, publish = true) {
  const docs = app.strapi.documents('api::notice.notice');
  const created = await docs.create({ locale: 'zh-Hans', ...(publish ? { status: 'published' } : {}), data: data as any });
  ids[key] = created.documentId;
}

const search = (query: Record<string, string | number>) => request(app.server).get('/api/disclosure/search').query(query);
const found = async (query: Record<string, string | number>) => {
  const res = await search(query);
  expect(res.status).toBe(200);
  return res.body.data.map((h: any) => h.documentId);
};

beforeAll(async () => {
  app = await startStrapi();
  const docs = app.strapi.documents;
  const org = await docs('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '搜索镇人民政府', code: '998001', level: 'township' } as any,
  });
  const other = await docs('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '另一镇人民政府', code: '998002', level: 'township' } as any,
  });
  const category = async (code: string) =>
    (await app.strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code, locale: 'zh-Hans' } })).documentId;
  const [policy, notices] = [await category('FDZD.02.02'), await category('FDZD.16')];
  const base = { organization: org.documentId, category: notices, documentType: 'announcement' };
  await notice('card', { ...base, title: '关于发放惠民政策的通知', body: paragraph('请各村领取政策明白卡，张贴在村务公开栏。'), releaseDate: '2026-03-01' });
  await notice('number', {
    ...base,
    category: policy,
    documentType: 'normative-document',
    title: '关于印发农村建房管理办法的通知',
    documentNumber: '壶政发〔2026〕12号',
    body: paragraph('各村（社区）：现将办法印发给你们。'),
    releaseDate: '2026-04-10',
  });
  await notice('titleHit', { ...base, title: '城乡低保对象名单公示', body: paragraph('经审核，以下对象符合条件。'), releaseDate: '2025-06-01' });
  await notice('bodyHit', {
    ...base,
    organization: other.documentId,
    title: '民政工作简报',
    body: paragraph('本月新增低保对象三户，房屋征收工作有序推进。'),
    releaseDate: '2026-05-01',
  });
  await notice('draft', { ...base, title: '低保标准调整（草稿）', body: paragraph('尚未发布。') }, false);
});
afterAll(async () => {
  await app?.stop();
});

describe('full-text search', () => {
  it('finds a word only in the body, a 文号, and a two-character word, published content only', async () => {
    expect(await found({ q: '明白卡' })).toEqual([ids.card]);
    expect(await found({ q: '壶政发〔2026〕12号' })).toEqual([ids.number]);
    expect(await found({ q: '2026〕12号' })).toEqual([ids.number]);
    const lowIncome = await found({ q: '低保' });
    expect(lowIncome).toEqual([ids.titleHit, ids.bodyHit]); // the title hit first although older; the draft never
    expect(await found({ q: '房屋 征收' })).toEqual([ids.bodyHit]);
    expect(await found({ q: '房屋 明白卡' })).toEqual([]);
  });

  it('answers a Traditional query, and in Traditional with marked excerpts', async () => {
    const res = await search({ q: '農村建房', locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    expect(res.body.data.map((h: any) => h.documentId)).toEqual([ids.number]);
    expect(res.body.meta.searchedAs).toEqual(['农村建房']);
    expect(res.body.data[0]).toMatchObject({
      kind: 'notice',
      title: '關於印發農村建房管理辦法的通知',
      documentNumber: '壺政發〔2026〕12號',
      releaseDate: '2026-04-10',
    });
    expect(res.body.data[0].titleHtml).toBe('關於印發<mark>農村建房</mark>管理辦法的通知');
    // a Traditional query on a Simplified page
    expect(await found({ q: '徵收' })).toEqual([ids.bodyHit]);
    const body = (await search({ q: '明白卡' })).body.data[0];
    expect(body.excerptHtml).toBe('请各村领取政策<mark>明白卡</mark>，张贴在村务公开栏。');
  });

  it('filters by organization, category (with what is below it), year and type, and pages', async () => {
    expect(await found({ q: '通知', organization: '998001', category: 'FDZD.02' })).toEqual([ids.number]);
    expect(await found({ q: '低保', year: 2025 })).toEqual([ids.titleHit]);
    expect(await found({ q: '低保', organization: '998002' })).toEqual([ids.bodyHit]);
    expect(await found({ q: '通知', documentType: 'normative-document' })).toEqual([ids.number]);
    const page2 = await search({ q: '低保', pageSize: 1, page: 2 });
    expect(page2.body.data.map((h: any) => h.documentId)).toEqual([ids.bodyHit]);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2, totalCapped: false });
  });

  it('refuses bad input with a 400 naming the parameter, Chinese first', async () => {
    for (const [query, field] of [
      [{}, 'q'],
      [{ q: '〔〕' }, 'q'],
      [{ q: 'x'.repeat(101) }, 'q'],
      [{ q: '低保', pageSize: 0 }, 'pageSize'],
      [{ q: '低保', page: 'x' }, 'page'],
      [{ q: '低保', year: '26' }, 'year'],
      [{ q: '低保', kind: 'user' }, 'kind'],
      [{ q: '低保', documentType: 'x' }, 'documentType'],
      [{ q: '低保', organization: 'nope' }, 'organization'],
      [{ q: '低保', category: 'nope' }, 'category'],
      [{ q: '低保', locale: 'fr' }, 'locale'],
      [{ q: '低保', filters: 'x' }, 'filters'],
    ] as const) {
      const res = await search(query as any);
      expect([JSON.stringify(query), res.status]).toEqual([JSON.stringify(query), 400]);
      expect(res.body.error.details.errors[0].path).toEqual([field]);
      expect(res.body.error.message).toMatch(/^[^/]*[\u4e00-\u9fff][^/]* \/ .*[A-Za-z]/);
    }
  });

  it('follows publish, unpublish and delete, and start-up brings a stale index in line', async () => {
    const docs = app.strapi.documents('api::notice.notice');
    await docs.publish({ documentId: ids.draft, locale: 'zh-Hans' });
    expect(await found({ q: '低保' })).toContain(ids.draft);
    await docs.unpublish({ documentId: ids.draft, locale: 'zh-Hans' });
    expect(await found({ q: '低保' })).not.toContain(ids.draft);
    await docs.delete({ documentId: ids.titleHit });
    expect(await found({ q: '低保' })).toEqual([ids.bodyHit]);

    // an entry lost (as after writes made with the index absent) comes back at start-up
    await app.strapi.db.connection('disclosure_search_entries').where({ document_id: ids.card }).del();
    expect(await found({ q: '明白卡' })).toEqual([]);
    expect(await app.strapi.plugin('disclosure').service('search').ensure()).toEqual({ notice: 1 });
    expect(await found({ q: '明白卡' })).toEqual([ids.card]);

    // an index of an older layout is rebuilt from the published documents
    const before = await found({ q: '低保 对象' });
    await app.strapi.db.connection('disclosure_search_version').update({ version: 1 });
    const rebuilt = await app.strapi.plugin('disclosure').service('search').ensure();
    expect(rebuilt.notice).toBeGreaterThanOrEqual(3);
    expect(await found({ q: '低保 对象' })).toEqual(before);
  });

  it('finds the text of PDF and DOCX attachments, extracted once per file; an unreadable file does not stop publishing', async () => {
    const pdfId = await uploadDemoBudget(app.strapi, 2026);
    const upload = async (name: string, mimetype: string, bytes: Buffer) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-test-'));
      const filepath = path.join(dir, name);
      fs.writeFileSync(filepath, bytes);
      try {
        const [file] = await app.strapi
          .plugin('upload')
          .service('upload')
          .upload({ data: {}, files: { filepath, originalFilename: name, mimetype, size: bytes.length } });
        return file.id as number;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('村民议事会决议：同意修建灌溉水渠，工期三个月。')] }] }));
    const docxId = await upload('议事会决议.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx);
    const brokenId = await upload('损坏.pdf', 'application/pdf', Buffer.from('%PDF-1.4 not really'));
    const category = (await app.strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code: 'FDZD.16', locale: 'zh-Hans' } }))
      .documentId;
    const org = (await app.strapi.db.query('api::organization.organization').findOne({ where: { code: '998001' } })).documentId;
    await notice('files', {
      title: '财政预算和议事会决议公开',
      organization: org,
      category,
      documentType: 'announcement',
      releaseDate: '2026-06-01',
      attachments: [pdfId, docxId, brokenId],
    });
    expect(await found({ q: '农林水支出' })).toEqual([ids.files]);
    expect(await found({ q: '灌溉水渠' })).toEqual([ids.files]);
    const hit = (await search({ q: '灌溉水渠' })).body.data[0];
    expect(hit.excerptHtml).toContain('<mark>灌溉水渠</mark>');
    // one cached text per file; publishing again reads the cache, even once the file is gone from disk
    const cached = await app.strapi.db.connection('disclosure_search_files').select('file_key', 'text');
    expect(cached.map((r: any) => r.file_key.split(':')[0]).sort()).toEqual([String(pdfId), String(docxId), String(brokenId)].sort());
    expect(cached.find((r: any) => r.file_key.startsWith(`${brokenId}:`)).text).toBe('');
    const docxFile = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: docxId } });
    fs.rmSync(path.join(app.strapi.dirs.static.public, docxFile.url));
    await app.strapi
      .documents('api::notice.notice')
      .update({ documentId: ids.files, locale: 'zh-Hans', data: { title: '财政预算和议事会决议公开（更新）' } as any });
    await app.strapi.documents('api::notice.notice').publish({ documentId: ids.files, locale: 'zh-Hans' });
    expect(await found({ q: '灌溉水渠' })).toEqual([ids.files]);
  });

  it('confirms a phrase, not only its tokens; counts up to 1,000 and says there are more; pages stop there', async () => {
    const service = app.strapi.plugin('disclosure').service('search');
    const entry = (documentId: string, body: string, releaseDate: string) => ({
      kind: 'notice',
      documentId,
      title: '批量条目',
      number: '',
      body,
      organizationDocumentId: null,
      categoryDocumentId: null,
      year: 2020,
      documentType: null,
      releaseDate,
    });
    // every bigram of 房屋征收 and of 2026〕12号, but neither in order
    await service.indexMany([entry('scattered', '房屋安全，屋征稿件，征收公告；12号文件2026年', '2020-01-02')]);
    expect(await found({ q: '房屋征收' })).toEqual([ids.bodyHit]);
    expect(await found({ q: '2026〕12号' })).toEqual([ids.number]);
    expect(await found({ q: '征收公告' })).toEqual(['scattered']);

    const bulk = Array.from({ length: 1005 }, (_, i) => entry(`bulk${i}`, `第${i}号蝌蚪观察记录`, `2021-01-${String(1 + (i % 28)).padStart(2, '0')}`));
    await service.indexMany(bulk);
    // PostgreSQL chooses its plan by the statistics: with them, a word in most rows walks the date index
    if (process.env.DATABASE_CLIENT === 'postgres') await app.strapi.db.connection.raw('ANALYZE disclosure_search_entries');
    const first = await search({ q: '蝌蚪', pageSize: 50 });
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 50, pageCount: 20, total: 1000, totalCapped: true });
    expect(first.body.data).toHaveLength(50);
    expect((await search({ q: '蝌蚪', pageSize: 50, page: 20 })).body.data).toHaveLength(50);
    expect((await search({ q: '蝌蚪', pageSize: 50, page: 21 })).body.data).toEqual([]);
    expect(await service.allHits({ q: '蝌蚪', locale: 'zh-Hans' })).toHaveLength(1005);
    // within a tier, the newest first
    const dates = first.body.data.map((h: any) => h.releaseDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2021-01-28');
    // entries of nothing published: start-up removes them
    expect(await service.ensure()).toEqual({ notice: 1006 });
    expect(await found({ q: '蝌蚪' })).toEqual([]);
  });
});
