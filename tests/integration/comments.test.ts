/**
 * 留言: a citizen's comment waits for an editor; approved ones show with the office's reply in either
 * script; contact details never leave the admin; honeypot, length and per-client limits answer as they should.
 */
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

let app: TestApp;
let token: string;
let notice: string;
let draft: string;
const UID = 'plugin::disclosure.comment';
const post = (documentId: string, body: unknown) =>
  request(app.server)
    .post(`/api/disclosure/comments/notice/${documentId}`)
    .send(body as any);
const list = (documentId: string, locale = 'zh-Hans') => request(app.server).get(`/api/disclosure/comments/notice/${documentId}`).query({ locale });
const pending = () => app.strapi.db.query(UID as any).findMany({ where: { moderation: 'submitted' }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  const docs = app.strapi.documents;
  const org = await docs('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '留言测试镇', code: '996001', level: 'township' } as any,
  });
  const category = await app.strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code: 'FDZD.16', locale: 'zh-Hans' } });
  const base = { organization: org.documentId, category: category.documentId, documentType: 'announcement' };
  notice = (await docs('api::notice.notice').create({ locale: 'zh-Hans', status: 'published', data: { ...base, title: '关于村道维修的公告' } as any }))
    .documentId;
  draft = (await docs('api::notice.notice').create({ locale: 'zh-Hans', data: { ...base, title: '草稿' } as any })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('留言', () => {
  it('waits for an editor; approved, it shows with the reply in either script, never the contact', async () => {
    const sent = await post(notice, { nickname: '村民老李', text: '请问维修工程什么时候开始？', contact: '13800000000' });
    expect([sent.status, sent.body.data]).toEqual([202, { moderation: 'submitted' }]);
    expect((await list(notice)).body.data).toEqual([]);
    const [queued] = await pending();
    expect(queued).toMatchObject({ targetKind: 'notice', targetDocumentId: notice, targetTitle: '关于村道维修的公告', contact: '13800000000' });

    // the editor approves it in the admin, with a reply
    const approved = await request(app.server)
      .put(`/content-manager/collection-types/${UID}/${queued.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ moderation: 'approved', reply: '计划于下月开工，届时另行公告。' });
    expect(approved.status).toBe(200);
    const hans = (await list(notice)).body.data;
    expect(hans).toEqual([expect.objectContaining({ nickname: '村民老李', text: '请问维修工程什么时候开始？', reply: '计划于下月开工，届时另行公告。' })]);
    expect(hans[0].repliedAt).toEqual(expect.any(String));
    const hant = (await list(notice, 'zh-Hant')).body.data;
    expect(hant[0]).toMatchObject({ text: '請問維修工程什麼時候開始？', reply: '計劃於下月開工，屆時另行公告。' });
    for (const body of [hans, hant]) expect(JSON.stringify(body)).not.toContain('13800000000');
  });

  it('keeps a rejected comment off the site, and a rejection needs its reason', async () => {
    await post(notice, { nickname: '路人', text: '广告：低价出售……' });
    const [queued] = await pending();
    const url = `/content-manager/collection-types/${UID}/${queued.documentId}`;
    const noReason = await request(app.server).put(url).set('Authorization', `Bearer ${token}`).send({ moderation: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/^不予显示时须填写/);
    const rejected = await request(app.server).put(url).set('Authorization', `Bearer ${token}`).send({ moderation: 'rejected', rejectionReason: '广告' });
    expect(rejected.status).toBe(200);
    expect((await list(notice)).body.data.map((c: any) => c.nickname)).toEqual(['村民老李']);
  });

  it('answers bad input with a 400 naming the field, drafts with a 404, and quietly drops what fills the honeypot', async () => {
    for (const [body, field] of [
      [{ nickname: '甲' }, 'text'],
      [{ text: '内容' }, 'nickname'],
      [{ nickname: '甲'.repeat(21), text: '内容' }, 'nickname'],
      [{ nickname: '甲', text: '字'.repeat(501) }, 'text'],
      [{ nickname: '甲', text: '内容', contact: 12 }, 'contact'],
      [{ nickname: '甲', text: '内容\u0007' }, 'text'],
      [['x'], 'text'],
    ] as const) {
      const res = await post(notice, body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(res.body.error.details.errors[0].path).toEqual([field]);
      expect(res.body.error.message).toMatch(/^[^/]*[\u4e00-\u9fff][^/]* \/ .*[A-Za-z]/);
    }
    expect((await post(draft, { nickname: '甲', text: '内容' })).status).toBe(404);
    const before = await app.strapi.db.query(UID as any).count();
    expect((await post(notice, { nickname: 'bot', text: 'spam', website: 'http://spam.example' })).status).toBe(202);
    expect(await app.strapi.db.query(UID as any).count()).toBe(before);
  });

  it('limits the comments of one client, in the database', async () => {
    app.strapi.config.set('plugin::disclosure.commentLimit', { hits: 2, windowMs: 600_000 });
    await app.strapi.db.connection('disclosure_rate_limits').del();
    expect((await post(notice, { nickname: '甲', text: '一' })).status).toBe(202);
    expect((await post(notice, { nickname: '甲', text: '二' })).status).toBe(202);
    const limited = await post(notice, { nickname: '甲', text: '三' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/^操作过于频繁/);
    app.strapi.config.set('plugin::disclosure.commentLimit', undefined);
  });
});
