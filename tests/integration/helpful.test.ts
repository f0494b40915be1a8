/**
 * 有用: one vote per browser and page on published notices and reports, counted in the database, with a
 * per-client limit kept in the database; a bounded load test on loopback loses no vote and meets no 5xx.
 */
import request from 'supertest';
import { listen } from '../harness/listen';
import { startStrapi, TestApp } from '../harness/strapi';

let app: TestApp;
let published: string;
let draft: string;
const voter = (n: number | string) => `browser-token-${String(n).padStart(6, '0')}`;
const vote = (documentId: string, v: string, kind = 'notice') => request(app.server).post(`/api/disclosure/helpful/${kind}/${documentId}`).send({ voter: v });

beforeAll(async () => {
  app = await startStrapi();
  const docs = app.strapi.documents;
  const org = await docs('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '有用测试镇', code: '997001', level: 'township' } as any,
  });
  const category = await app.strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code: 'FDZD.16', locale: 'zh-Hans' } });
  const base = { organization: org.documentId, category: category.documentId, documentType: 'announcement' };
  published = (await docs('api::notice.notice').create({ locale: 'zh-Hans', status: 'published', data: { ...base, title: '已发布的通知' } as any })).documentId;
  draft = (await docs('api::notice.notice').create({ locale: 'zh-Hans', data: { ...base, title: '草稿' } as any })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('有用', () => {
  it('counts one vote per browser and page', async () => {
    expect((await request(app.server).get(`/api/disclosure/helpful/notice/${published}`)).body.data).toEqual({ count: 0, voted: false });
    const first = await vote(published, voter('a'));
    expect([first.status, first.body.data]).toEqual([201, { counted: true, count: 1 }]);
    const again = await vote(published, voter('a'));
    expect([again.status, again.body.data]).toEqual([200, { counted: false, count: 1 }]);
    expect(
      (
        await request(app.server)
          .get(`/api/disclosure/helpful/notice/${published}`)
          .query({ voter: voter('a') })
      ).body.data,
    ).toEqual({ count: 1, voted: true });
  });

  it('answers 404 for drafts and unknown documents, 400 for a bad voter or kind, in Chinese first', async () => {
    for (const res of [
      await vote(draft, voter('b')),
      await vote('nosuchdocument0000000000', voter('b')),
      await request(app.server).get(`/api/disclosure/helpful/notice/${draft}`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(/^没有这篇已发布的信息/);
    }
    for (const [res, field] of [
      [await vote(published, 'short'), 'voter'],
      [await request(app.server).post(`/api/disclosure/helpful/notice/${published}`).send(['x']), 'voter'],
      [await vote(published, voter('b'), 'application'), 'kind'],
    ] as const) {
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual([field]);
    }
    expect((await request(app.server).get(`/api/disclosure/helpful/notice/${published}`)).body.data.count).toBe(1);
  });

  it('loses no vote and answers no 5xx under 50 concurrent clients (loopback)', async () => {
    app.strapi.config.set('plugin::disclosure.helpfulVoteLimit', { hits: 100_000, windowMs: 600_000 });
    const base = await listen(app);
    const statuses: number[] = [];
    const client = async (c: number) => {
      for (let k = 0; k < 4; k++) {
        // each client votes for four browsers, and repeats its first one
        for (const v of k === 3 ? [voter(`c${c}-0`), voter(`c${c}-3`)] : [voter(`c${c}-${k}`)]) {
          const res = await fetch(`${base}/api/disclosure/helpful/notice/${published}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ voter: v }),
          });
          statuses.push(res.status);
          await res.arrayBuffer();
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, c) => client(c)));
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(200);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect((await request(app.server).get(`/api/disclosure/helpful/notice/${published}`)).body.data.count).toBe(201);
  });

  it('limits the votes of one client across windows kept in the database', async () => {
    app.strapi.config.set('plugin::disclosure.helpfulVoteLimit', { hits: 2, windowMs: 600_000 });
    await app.strapi.db.connection('disclosure_rate_limits').del();
    expect((await vote(published, voter('r1'))).status).toBe(201);
    expect((await vote(published, voter('r2'))).status).toBe(201);
    const limited = await vote(published, voter('r3'));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('600');
    expect(limited.body.error.message).toMatch(/^操作过于频繁/);
    // a window that has passed starts again
    await app.strapi.db.connection('disclosure_rate_limits').update({ expires_at: Date.now() - 1 });
    expect((await vote(published, voter('r3'))).status).toBe(201);
    app.strapi.config.set('plugin::disclosure.helpfulVoteLimit', undefined);
  });
});
