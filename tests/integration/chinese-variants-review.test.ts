/**
 * chinese-variants terms and ambiguity review: the legal vocabulary and the report's wording seeded
 * as glossary terms, the review listing lone characters of several forms, an editor's choice becoming
 * a document-level term that the conversion then writes, and who may do it.
 */
import request from 'supertest';
import { LEGAL_VOCABULARY } from '../../src/plugins/chinese-variants/server/src/engine';
import { adminToken, adminUserWithRoles, startStrapi, TestApp } from '../harness/strapi';

const NOTICE = 'api::notice.notice';
const ORG = 'api::organization.organization';
const GLOSSARY = 'plugin::chinese-variants.glossary-term';

let app: TestApp;
let token: string;
let editor: string;
let author: string;
let defaultEditor: string;
let orgId: string;

const docs = (uid: string) => app.strapi.documents(uid as any);
const as = (who: string) => ({
  get: (query: any) => request(app.server).get('/chinese-variants/ambiguities').set('Authorization', `Bearer ${who}`).query(query),
  post: (body: any) => request(app.server).post('/chinese-variants/ambiguities').set('Authorization', `Bearer ${who}`).send(body),
});
const hant = (documentId: string) => docs(NOTICE).findOne({ documentId, locale: 'zh-Hant', status: 'draft' } as any);

async function notice(title: string, text: string) {
  return docs(NOTICE).create({
    locale: 'zh-Hans',
    data: { title, body: [{ type: 'paragraph', children: [{ type: 'text', text }] }], organization: orgId, documentType: 'announcement' },
  } as any);
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  // The township's editor is the demo super admin; Strapi's default Editor and Author hold no right on zh-Hant here.
  editor = token;
  defaultEditor = (await adminUserWithRoles(app, 'review-editor', ['strapi-editor'])).token;
  author = (await adminUserWithRoles(app, 'review-author', ['strapi-author'])).token;
  orgId = (await docs(ORG).create({ locale: 'zh-Hans', data: { name: '湘乡市司法局', code: 'CVR01', level: 'department' } as any })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('seeded term sets', () => {
  it('the legal and institutional vocabulary and the report wording are glossary terms, once', async () => {
    const terms = new Set(((await app.strapi.db.query(GLOSSARY as any).findMany({ select: ['term'] })) as any[]).map((r) => r.term));
    for (const t of LEGAL_VOCABULARY) expect(terms.has(t)).toBe(true);
    for (const t of ['本年新收政府信息公开申请数量', '未经复议直接起诉', '结转下年度继续办理']) expect(terms.has(t)).toBe(true);
    const again = await app.strapi
      .plugin('chinese-variants')
      .service('glossary')
      .seedTermSet('legal-vocabulary', [{ term: '新增词条测试' }]);
    expect(again).toBe(0); // a set is seeded once: deleted terms stay deleted
  });

  it('refuses a second global term with the same wording, in Chinese first', async () => {
    await expect(docs(GLOSSARY).create({ data: { term: '国务院', replacements: {} } as any })).rejects.toThrow(/词表中已有词条“国务院”/);
  });
});

describe('ambiguity review', () => {
  let id: string;

  beforeAll(async () => {
    id = (await notice('该项工作系本机关职责', '群众可随时查看栏里张贴的内容。依照《中华人民共和国行政复议法》进行复议。')).documentId;
  });

  it('lists each lone character of several forms with its context and forms, the current one first', async () => {
    const res = await as(token).get({ uid: NOTICE, documentId: id, locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    const { count, items } = res.body.data;
    expect(count).toBe(items.length);
    const xi = items.find((i: any) => i.field === 'title' && i.source === '系');
    expect(xi).toMatchObject({ index: 4, before: '该项工作', after: '本机关职责', candidates: ['系', '係', '繫'], examples: ['系统', '关系', '联系'] });
    expect(items.find((i: any) => i.field === 'body' && i.source === '里')?.candidates).toEqual(['裡', '里', '哩']);
    // decided by words or terms: nothing flagged inside 行政复议法 or 复议, nor any 了/于 alone
    expect(items.map((i: any) => i.source).sort()).toEqual(['系', '里']);
  });

  it("turns an editor's choice into a term of this document, which the next conversion writes", async () => {
    expect((await hant(id))?.title).toBe('該項工作系本機關職責');
    const res = await as(editor).post({ uid: NOTICE, documentId: id, locale: 'zh-Hant', field: 'title', index: 4, choice: '係' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ term: '作系本', replacement: '作係本', status: 'generated', written: true, count: 1 });
    expect((await hant(id))?.title).toBe('該項工作係本機關職責');
    const term = await app.strapi.db.query(GLOSSARY as any).findOne({ where: { term: '作系本' } });
    expect(term).toMatchObject({ scopeType: NOTICE, scopeDocument: id, replacements: { 'zh-Hant': '作係本' } });
    // another document is not touched by it
    const other = await notice('该项工作系本机关职责（二）', '无');
    expect((await hant(other.documentId))?.title).toBe('該項工作系本機關職責（二）');
  });

  it('confirming the current form is a choice too: the place is no longer listed', async () => {
    const li = (await as(token).get({ uid: NOTICE, documentId: id, locale: 'zh-Hant' })).body.data.items.find((i: any) => i.source === '里');
    const res = await as(token).post({ uid: NOTICE, documentId: id, locale: 'zh-Hant', field: 'body', index: li.index, choice: '裡' });
    expect(res.status).toBe(200);
    expect(res.body.data.count).toBe(0);
  });

  it('refuses a form that is not a candidate, a place with nothing to review and a bad body, saying what is wrong', async () => {
    const other = (await notice('政府信息查阅台', '无')).documentId;
    const bad = await as(token).post({ uid: NOTICE, documentId: other, locale: 'zh-Hant', field: 'title', index: 6, choice: '乾' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^“乾”不是“台”的可选写法/);
    const stale = await as(token).post({ uid: NOTICE, documentId: other, locale: 'zh-Hant', field: 'title', index: 1, choice: '臺' });
    expect(stale.status).toBe(400);
    expect(stale.body.error.message).toMatch(/^该处已没有待确认的歧义/);
    for (const body of [{}, { field: 'title' }, { field: 'title', index: -1, choice: '臺' }, { field: 'title', index: 0 }]) {
      const r = await as(token).post({ uid: NOTICE, documentId: other, locale: 'zh-Hant', ...body });
      expect(r.body.error).toBeDefined();
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/^[^A-Za-z]/); // Chinese first
    }
    const locale = await as(token).get({ uid: NOTICE, documentId: other, locale: 'fr' });
    expect(locale.status).toBe(400);
  });

  it('leaves a hand-edited Traditional version alone', async () => {
    const edited = (await notice('发台风预警', '无')).documentId;
    await docs(NOTICE).update({ documentId: edited, locale: 'zh-Hant', data: { title: '發颱風預警（人工）' } } as any);
    const items = (await as(token).get({ uid: NOTICE, documentId: edited, locale: 'zh-Hant' })).body.data.items;
    const res = await as(token).post({
      uid: NOTICE,
      documentId: edited,
      locale: 'zh-Hant',
      field: items[0].field,
      index: items[0].index,
      choice: items[0].candidates[0],
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'edited', written: false });
    expect((await hant(edited))?.title).toBe('發颱風預警（人工）');
  });

  it('answers 403 to roles without rights on the document (Author: not its creator; Editor: no zh-Hant), and 401 to no one', async () => {
    for (const who of [author, defaultEditor]) {
      expect((await as(who).get({ uid: NOTICE, documentId: id, locale: 'zh-Hant' })).status).toBe(403);
      const res = await as(who).post({ uid: NOTICE, documentId: id, locale: 'zh-Hant', field: 'title', index: 4, choice: '系' });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/^您无权/);
    }
    expect((await request(app.server).get('/chinese-variants/ambiguities').query({ uid: NOTICE, documentId: id, locale: 'zh-Hant' })).status).toBe(401);
  });
});
