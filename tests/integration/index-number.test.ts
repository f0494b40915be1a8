import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { shanghaiYear } from '../../src/plugins/disclosure/server/src/core/working-days/calendar-date';

const CM = '/content-manager/collection-types/api::notice.notice';
let app: TestApp;
let token: string;
let orgA: string;
let orgB: string;

async function createOrg(code: string) {
  const org = await app.strapi.documents('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: `机构${code}`, code, level: 'township' } as any,
  });
  return org.documentId;
}

function createNotice(data: Record<string, unknown>) {
  return app.strapi.documents('api::notice.notice').create({ locale: 'zh-Hans', data: { documentType: 'other', ...data } as any });
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  orgA = await createOrg('430381106');
  orgB = await createOrg('430381107');
});
afterAll(async () => {
  await app?.stop();
});

describe('索引号 (index number)', () => {
  const year = shanghaiYear();

  it('is assigned on first save as <organization code>/<year>-<5-digit sequence>, per organization and year', async () => {
    const a1 = await createNotice({ title: '一', organization: orgA });
    const a2 = await createNotice({ title: '二', organization: orgA });
    const b1 = await createNotice({ title: '三', organization: orgB });
    const old = await createNotice({ title: '四', organization: orgA, releaseDate: '2020-05-06' });
    expect(a1.indexNumber).toBe(`430381106/${year}-00001`);
    expect(a2.indexNumber).toBe(`430381106/${year}-00002`);
    expect(b1.indexNumber).toBe(`430381107/${year}-00001`);
    expect(old.indexNumber).toBe('430381106/2020-00001');
  });

  it('waits for an organization, then is assigned once', async () => {
    const n = await createNotice({ title: '无机构' });
    expect(n.indexNumber).toBeNull();
    const updated = await app.strapi.documents('api::notice.notice').update({
      documentId: n.documentId,
      locale: 'zh-Hans',
      data: { organization: orgB } as any,
    });
    expect(updated!.indexNumber).toBe(`430381107/${year}-00002`);
  });

  it('never changes on later edits, and cannot be set by hand', async () => {
    const res = await request(app.server)
      .post(CM)
      .query({ locale: 'zh-Hans' })
      .set('Authorization', `Bearer ${token}`)
      .send({ title: '经由后台创建', documentType: 'announcement', organization: { connect: [{ documentId: orgA, locale: 'zh-Hans' }] } });
    expect(res.status).toBe(201);
    const { documentId, indexNumber } = res.body.data;
    expect(indexNumber).toMatch(new RegExp(`^430381106/${year}-\\d{5}$`));

    const edit = await request(app.server)
      .put(`${CM}/${documentId}`)
      .query({ locale: 'zh-Hans' })
      .set('Authorization', `Bearer ${token}`)
      .send({ title: '改了标题', organization: { connect: [{ documentId: orgB, locale: 'zh-Hans' }] } });
    expect(edit.status).toBe(200);
    expect(edit.body.data.indexNumber).toBe(indexNumber);
    expect(edit.body.data.title).toBe('改了标题');

    const tamper = await request(app.server)
      .put(`${CM}/${documentId}`)
      .query({ locale: 'zh-Hans' })
      .set('Authorization', `Bearer ${token}`)
      .send({ indexNumber: '430381106/1999-00001' });
    expect(tamper.status).toBe(400);
    expect(tamper.body.error.message).toMatch(/indexNumber/);

    const publish = await request(app.server)
      .post(`${CM}/${documentId}/actions/publish`)
      .query({ locale: 'zh-Hans' })
      .set('Authorization', `Bearer ${token}`)
      .send({});
    expect(publish.status).toBe(200);
    const rows = await app.strapi.db
      .query('api::notice.notice')
      .findMany({ where: { documentId, locale: 'zh-Hans' }, select: ['indexNumber', 'publishedAt', 'releaseDate'] });
    expect(rows).toHaveLength(2);
    expect(rows.every((r: any) => r.indexNumber === indexNumber)).toBe(true);
    // 发布日期 defaults to the first publish date, in Asia/Shanghai
    const shanghaiToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(rows.every((r: any) => r.releaseDate === shanghaiToday)).toBe(true);
  });

  it('is never reused after a deletion', async () => {
    const n = await createNotice({ title: '将被删除', organization: orgB });
    await app.strapi.documents('api::notice.notice').delete({ documentId: n.documentId });
    const next = await createNotice({ title: '之后创建', organization: orgB });
    const seq = (s: string) => Number(s.slice(-5));
    expect(seq(next.indexNumber as string)).toBe(seq(n.indexNumber as string) + 1);
  });

  it('gives distinct numbers to concurrent creations', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => createNotice({ title: `并发${i}`, organization: orgA })));
    const numbers = created.map((n) => n.indexNumber);
    expect(new Set(numbers).size).toBe(12);
    const all = await app.strapi.db
      .query('api::notice.notice')
      .findMany({ where: { organization: { code: '430381106' } }, select: ['indexNumber', 'documentId'] });
    const perDocument = new Map(all.map((r: any) => [r.documentId, r.indexNumber]));
    expect(new Set(perDocument.values()).size).toBe(perDocument.size);
  });

  it('refuses to publish a notice without an organization', async () => {
    const n = await createNotice({ title: '没有发布机构' });
    const res = await request(app.server)
      .post(`${CM}/${n.documentId}/actions/publish`)
      .query({ locale: 'zh-Hans' })
      .set('Authorization', `Bearer ${token}`)
      .send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/organization/);
  });
});
