import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { seedDemoData } from '../../src/bootstrap/demo-data';
import { DEMO_OFFICER, ensureDemoOfficer } from '../../src/bootstrap/demo-officer';
import { HEADERS } from '../../src/plugins/disclosure/server/src/modules/applications/import/columns';

const UID = 'api::disclosure-application.disclosure-application';
const APPS = `/content-manager/collection-types/${UID}`;
const CASES = '/content-manager/collection-types/api::review-case.review-case';
let app: TestApp;
let officer: string;
let admin: string;

const as = (token: string) => ({
  get: (path: string, query: object = {}) => request(app.server).get(path).query(query).set('Authorization', `Bearer ${token}`),
  put: (path: string, body: object) => request(app.server).put(path).set('Authorization', `Bearer ${token}`).send(body),
  post: (path: string, body: object) => request(app.server).post(path).set('Authorization', `Bearer ${token}`).send(body),
});

async function orgOf(documentId: string): Promise<string> {
  const row = await app.strapi.db.query(UID).findOne({ where: { documentId }, populate: { organization: { select: ['code'] } } });
  return row.organization.code;
}

beforeAll(async () => {
  app = await startStrapi();
  await seedDemoData(app.strapi);
  expect(await ensureDemoOfficer(app.strapi)).toEqual({ email: DEMO_OFFICER.email, password: DEMO_OFFICER.password });
  const login = await request(app.server).post('/admin/login').send({ email: DEMO_OFFICER.email, password: DEMO_OFFICER.password });
  expect(login.status).toBe(200);
  officer = login.body.data.token;
  admin = await adminToken(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('access by organization', () => {
  it('is idempotent and documented: the officer exists once, with the 依申请公开经办人 role', async () => {
    expect(await ensureDemoOfficer(app.strapi)).toBeNull();
    const user = await app.strapi.db.query('admin::user').findOne({ where: { email: DEMO_OFFICER.email }, populate: ['roles'] });
    expect(user.roles.map((r: any) => r.name)).toEqual(['依申请公开经办人']);
  });

  it('shows the scoped officer only the applications of their organization in the content manager', async () => {
    const all = await as(admin).get(APPS, { page: 1, pageSize: 100 });
    expect(all.status).toBe(200);
    const codes = new Set(await Promise.all(all.body.results.map((r: any) => orgOf(r.documentId))));
    expect(codes).toEqual(new Set(['430381106', '430381']));

    const mine = await as(officer).get(APPS, { page: 1, pageSize: 100 });
    expect(mine.status).toBe(200);
    expect(mine.body.results.length).toBeGreaterThan(0);
    expect(mine.body.results.length).toBeLessThan(all.body.results.length);
    for (const r of mine.body.results) expect(await orgOf(r.documentId)).toBe('430381106');
    const township = await app.strapi.db.query(UID).count({ where: { organization: { code: '430381106' } } });
    expect(mine.body.pagination.total).toBe(township);
  });

  it("refuses to show or edit another organization's application", async () => {
    const city = await app.strapi.db.query(UID).findOne({ where: { organization: { code: '430381' } } });
    expect(city).toBeTruthy();
    expect((await as(officer).get(`${APPS}/${city.documentId}`)).status).toBe(403);
    expect((await as(officer).put(`${APPS}/${city.documentId}`, { statusNote: 'x' })).status).toBe(403);
    expect((await as(officer).get(`/disclosure/applications/${city.documentId}/due-date`)).status).toBe(404);
    const own = await app.strapi.db.query(UID).findOne({ where: { organization: { code: '430381106' }, applicationStatus: 'received' } });
    expect((await as(officer).get(`${APPS}/${own.documentId}`)).status).toBe(200);
    const edited = await as(officer).put(`${APPS}/${own.documentId}`, { statusNote: '已电话联系申请人' });
    expect(edited.status).toBe(200);
    expect((await as(officer).get(`/disclosure/applications/${own.documentId}/due-date`)).status).toBe(200);
  });

  it('does not let the officer create or move an application into another organization', async () => {
    const orgs = app.strapi.db.query('api::organization.organization');
    const city = await orgs.findOne({ where: { code: '430381' } });
    const township = await orgs.findOne({ where: { code: '430381106' } });
    const body = (org: string) => ({
      organization: { connect: [{ documentId: org }] },
      applicantType: 'naturalPerson',
      channel: 'online',
      receivedDate: '2026-03-02',
    });
    expect((await as(officer).post(APPS, body(city.documentId))).status).toBe(403);
    const created = await as(officer).post(APPS, body(township.documentId));
    expect(created.status).toBe(201);
    const moved = await as(officer).put(`${APPS}/${created.body.data.documentId}`, { organization: { connect: [{ documentId: city.documentId }] } });
    expect(moved.status).toBe(403);
    expect(await orgOf(created.body.data.documentId)).toBe('430381106');
  });

  it('lets the officer import only for their organization', async () => {
    const line = (n: number, code: string) => {
      const v: Record<string, string> = {
        申请编号: `SCOPE-${n}`,
        机关代码: code,
        申请人类型: '自然人',
        申请方式: '网上申请',
        收到申请日期: '2024-03-04',
        办理状态: '已答复',
        办理结果: 'granted',
        答复日期: '2024-03-20',
      };
      return HEADERS.map((h) => v[h] ?? '').join(',');
    };
    const file = Buffer.from([HEADERS.join(','), line(1, '430381106'), line(2, '430381')].join('\n'), 'utf8');
    const res = await request(app.server).post('/disclosure/import').set('Authorization', `Bearer ${officer}`).attach('file', file, 'scope.csv');
    expect(res.status).toBe(202);
    let job: any;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      job = (await as(officer).get(`/disclosure/import/${res.body.data.id}`)).body.data;
      if (job.state !== 'validating') break;
    }
    expect(job).toMatchObject({ state: 'validated', validRows: 1, rejectedRows: 1 });
    expect(job.rejected).toEqual([expect.objectContaining({ line: 3, column: '机关代码' })]);
    expect((await as(admin).get(`/disclosure/import/${res.body.data.id}`)).status).toBe(200); // a super admin sees every import
  });

  it('scopes review cases the same way', async () => {
    const list = await as(officer).get(CASES, { page: 1, pageSize: 100 });
    expect(list.status).toBe(200);
    expect(list.body.results.length).toBe(await app.strapi.db.query('api::review-case.review-case').count({ where: { organization: { code: '430381106' } } }));
    const cityOrg = await app.strapi.db.query('api::organization.organization').findOne({ where: { code: '430381' } });
    const other = await app.strapi.documents('api::review-case.review-case').create({
      data: { organization: cityOrg.documentId, kind: 'review', filedDate: '2026-04-01', result: 'pending' } as any,
    });
    expect((await as(officer).get(`${CASES}/${other.documentId}`)).status).toBe(403);
  });

  it("gives the officer's page only their organization", async () => {
    const view = await as(officer).get('/disclosure/applications/officer-view');
    expect(view.status).toBe(200);
    const rows = Object.values(view.body.data.groups).flat() as any[];
    const open = await app.strapi.db
      .query(UID)
      .count({ where: { organization: { code: '430381106' }, applicationStatus: { $notIn: ['answered', 'closed'] } } });
    expect(open).toBeGreaterThanOrEqual(4);
    expect(rows.length).toBe(open);
    expect(new Set(rows.map((r) => r.organization.code))).toEqual(new Set(['430381106']));
    expect(view.body.data.counts.map((c: any) => c.organization.code)).toEqual(['430381106']);
  });

  it("lists the demo's open applications with due dates and explanations for the super admin", async () => {
    const view = await as(admin).get('/disclosure/applications/officer-view');
    const { groups } = view.body.data;
    expect(groups.overdue.length).toBeGreaterThanOrEqual(1);
    expect(groups.awaitingCorrection.length).toBe(1);
    for (const row of [...groups.overdue, ...groups.dueSoon, ...groups.onTime]) {
      expect(row.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.explanation.at(-1).kind).toBe('result');
      expect(row.error).toBeNull();
    }
  });
});
