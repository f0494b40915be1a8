/**
 * chinese-variants with two Strapi instances on one PostgreSQL database: this process and a child
 * process (its own Node runtime, connection pool and middleware stack, listening over HTTP).
 * Concurrent publishes from both leave exactly one zh-Hant draft and one published version (the sync
 * holds a PostgreSQL advisory lock per document), publish, unpublish and delete racing across the two
 * never answer 5xx nor leave a zh-Hant behind its deleted source, and a glossary change made on one instance is used
 * by the other on its next conversion.
 *
 * SQLite: skipped. A SQLite file has one writer and is not a multi-instance deployment; within one
 * instance the sync serializes on an in-process queue (covered by chinese-variants-sync.test.ts).
 */
import type { ChildProcess } from 'child_process';
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { usingPostgres } from '../harness/database';
import { startSecondInstance, stopInstance } from '../harness/second-instance';

const NOTICE = 'api::notice.notice';
const ORG = 'api::organization.organization';
const describePg = usingPostgres() ? describe : describe.skip;

let app: TestApp;
let token: string;
let child: ChildProcess | undefined;
let other: string; // base URL of the second instance

beforeAll(async () => {
  if (!usingPostgres()) return;
  app = await startStrapi();
  token = await adminToken(app);
  ({ url: other, child } = await startSecondInstance());
}, 180000);
afterAll(async () => {
  await stopInstance(child);
  await app?.stop();
});

describePg('two instances on one PostgreSQL database', () => {
  it('concurrent publishes from both instances: one zh-Hant draft, one published zh-Hant version', async () => {
    const org = await app.strapi.documents(ORG as any).create({ locale: 'zh-Hans', data: { name: '双实例测试局', code: 'TI001', level: 'department' } as any });
    for (let round = 0; round < 3; round += 1) {
      const n = await app.strapi.documents(NOTICE as any).create({
        locale: 'zh-Hans',
        data: { title: `关于双实例并发发布的通知${round}`, organization: org.documentId, documentType: 'announcement' } as any,
      });
      const viaOther = () =>
        request(other)
          .post(`/content-manager/collection-types/${NOTICE}/${n.documentId}/actions/publish`)
          .query({ locale: 'zh-Hans' })
          .set('Authorization', `Bearer ${token}`)
          .send({});
      const results = await Promise.all(
        [
          ...Array.from({ length: 3 }, () => viaOther()),
          ...Array.from({ length: 3 }, () =>
            app.strapi
              .documents(NOTICE as any)
              .publish({ documentId: n.documentId, locale: 'zh-Hans' } as any)
              .then(() => ({ status: 200 })),
          ),
        ].map((p: Promise<any>) => p.catch((e: any) => ({ status: 500, error: e }))),
      );
      expect(results.some((r: any) => r.status === 200)).toBe(true);
      const hant = await app.strapi.db
        .query(NOTICE as any)
        .findMany({ where: { documentId: n.documentId, locale: 'zh-Hant' }, select: ['id', 'title', 'publishedAt'] as any });
      expect(hant.filter((r: any) => r.publishedAt === null)).toHaveLength(1);
      expect(hant.filter((r: any) => r.publishedAt !== null)).toHaveLength(1);
      expect(hant[0].title).toBe(`關於雙實例併發發佈的通知${round}`);
    }
  });

  it('unpublish on one instance racing publish on the other: never a 5xx, and both scripts agree', async () => {
    const org = await app.strapi
      .documents(ORG as any)
      .create({ locale: 'zh-Hans', data: { name: '双实例撤回测试局', code: 'TI002', level: 'department' } as any });
    const n = await app.strapi.documents(NOTICE as any).create({
      locale: 'zh-Hans',
      data: { title: '关于撤回与发布并发的通知', organization: org.documentId, documentType: 'announcement' } as any,
    });
    const action = (base: any, what: 'publish' | 'unpublish') =>
      request(base)
        .post(`/content-manager/collection-types/${NOTICE}/${n.documentId}/actions/${what}`)
        .query({ locale: 'zh-Hans' })
        .set('Authorization', `Bearer ${token}`)
        .send({});
    const statuses: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      const results = await Promise.all([action(other, 'publish'), action(app.server, 'unpublish'), action(other, 'unpublish'), action(app.server, 'publish')]);
      statuses.push(...results.map((r) => r.status));
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const published = async (locale: string) =>
      (await app.strapi.db.query(NOTICE as any).count({ where: { documentId: n.documentId, locale, publishedAt: { $notNull: true } } })) > 0;
    expect(await published('zh-Hant')).toBe(await published('zh-Hans'));
  });

  it('delete on one instance racing publish and unpublish on the other: never a 5xx, and nothing left behind', async () => {
    const org = await app.strapi
      .documents(ORG as any)
      .create({ locale: 'zh-Hans', data: { name: '双实例删除测试局', code: 'TI003', level: 'department' } as any });
    const statuses: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      const n = await app.strapi.documents(NOTICE as any).create({
        locale: 'zh-Hans',
        data: { title: `关于删除与发布并发的通知${round}`, organization: org.documentId, documentType: 'announcement' } as any,
      });
      if (round % 2) await app.strapi.documents(NOTICE as any).publish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
      const url = `/content-manager/collection-types/${NOTICE}/${n.documentId}`;
      const act = (base: any, what: string) =>
        (what === 'delete' ? request(base).delete(url) : request(base).post(`${url}/actions/${what}`).send({}))
          .query({ locale: 'zh-Hans' })
          .set('Authorization', `Bearer ${token}`);
      const results = await Promise.all([
        act(other, 'publish'),
        act(app.server, 'delete'),
        act(other, 'unpublish'),
        act(app.server, 'publish'),
        act(other, 'delete'),
      ]);
      statuses.push(...results.map((r) => r.status));
      // Whatever the order, a deleted zh-Hans takes its generated zh-Hant with it; a surviving one keeps both scripts in step.
      const rows = async (locale: string) =>
        app.strapi.db.query(NOTICE as any).findMany({ where: { documentId: n.documentId, locale }, select: ['id', 'publishedAt'] as any });
      const [hans, hant] = [await rows('zh-Hans'), await rows('zh-Hant')];
      if (hans.length === 0) expect(hant).toEqual([]);
      else expect(hant.some((r: any) => r.publishedAt)).toBe(hans.some((r: any) => r.publishedAt));
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
  });

  it('a glossary change on one instance is used by the other on its next conversion (no restart)', async () => {
    const convert = () => request(other).post('/api/chinese-variants/convert').send({ from: 'zh-Hans', to: 'zh-Hant', format: 'text', content: '里耶古城' });
    const before = (await convert()).body.content;
    const term = await app.strapi.documents('plugin::chinese-variants.glossary-term' as any).create({
      data: { term: '里耶古城', replacements: { 'zh-Hant': '里耶古城（測）' } } as any,
    });
    expect((await convert()).body.content).toBe('里耶古城（測）');
    await app.strapi.documents('plugin::chinese-variants.glossary-term' as any).delete({ documentId: term.documentId } as any);
    expect((await convert()).body.content).toBe(before);
  });
});

if (!usingPostgres()) {
  it('two-instance tests run on PostgreSQL only (see the header)', () => undefined);
}
