/**
 * POST /disclosure/annual-reports/validate: the table editor's live check of unsaved tables. It must
 * answer what a save would store and what publishing would refuse, write nothing, and name bad input.
 */
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

const UID = 'api::annual-report.annual-report';
const CM = `/content-manager/collection-types/${UID}`;
const YEAR = 2025;
const ROUTE = '/disclosure/annual-reports/validate';

let app: TestApp;
let token: string;
let documentId: string;
let valid: any;

const auth = () => ({ Authorization: `Bearer ${token}` });
const check = (body: unknown) =>
  request(app.server)
    .post(ROUTE)
    .set(auth())
    .send(body as object);
const draftOf = (id: string): Promise<any> => app.strapi.documents(UID).findOne({ documentId: id, locale: 'zh-Hans', status: 'draft' });

/** 四 (carried out) one higher in the 自然人 column: 一+二 ≠ 七+四 there, and that row's total is off. */
function brokenBalance() {
  const tables = structuredClone(valid);
  tables.applications.carriedOut.naturalPerson += 1;
  return tables;
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  await app.strapi.documents('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { code: 'V001', name: '测试丁镇人民政府', level: 'township' } as any,
  });
  const res = await request(app.server).post('/disclosure/annual-reports/generate').set(auth()).send({ organization: 'V001', year: YEAR });
  expect(res.status).toBe(200);
  documentId = res.body.data.documentId;
  valid = res.body.data.tables;
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /disclosure/annual-reports/validate', () => {
  it('answers no failure for the generated tables', async () => {
    const res = await check({ formatVersion: '2021', tables: valid });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ formatVersion: '2021', errors: 0, warnings: 0, failures: [] });
  });

  it('reports a broken 一+二 = 七+四 with its cells and Chinese message, and stores nothing', async () => {
    const res = await check({ formatVersion: 2021, tables: brokenBalance() });
    expect(res.status).toBe(200);
    const balance = res.body.data.failures.filter((f: any) => f.ruleId === 'applications.balance');
    expect(balance).toHaveLength(1);
    expect(balance[0]).toMatchObject({ severity: 'error', expected: 0, actual: 1 });
    expect(balance[0].message.zh).toBe('表三 自然人 列：一+二=0，七+四=1，不相等');
    expect(balance[0].cells).toContainEqual({ table: 'applications', row: 'carriedOut', col: 'naturalPerson' });
    expect(res.body.data.failures.map((f: any) => f.ruleId)).toContain('applications.row-total');
    expect((await draftOf(documentId)).validation.errors).toBe(0);
  });

  it('answers exactly the failures a save of the same tables stores (one engine)', async () => {
    const tables = brokenBalance();
    tables.proactive.fees.amountTenThousandYuan = -1;
    tables.reviewsAndLawsuits.review.total = 'x';
    const live = await check({ documentId, tables });
    expect(live.status).toBe(200);
    const saved = await request(app.server).put(`${CM}/${documentId}`).query({ locale: 'zh-Hans' }).set(auth()).send({ tables });
    expect(saved.status).toBe(200);
    const stored = (await draftOf(documentId)).validation;
    expect(live.body.data.failures).toEqual(stored.failures);
    expect(live.body.data.errors).toBe(stored.errors);
    expect(stored.errors).toBeGreaterThanOrEqual(4);
    // and publishing refuses the same error rules
    const publish = await request(app.server).post(`${CM}/${documentId}/actions/publish`).query({ locale: 'zh-Hans' }).set(auth()).send({});
    expect(publish.status).toBe(400);
    expect(publish.body.error.details.failures).toEqual(live.body.data.failures.filter((f: any) => f.severity === 'error'));
    await request(app.server).put(`${CM}/${documentId}`).query({ locale: 'zh-Hans' }).set(auth()).send({ tables: valid });
  });

  it("with the report named, adds the cross-year rules against last year's report", async () => {
    const orgId = (await app.strapi.documents('api::organization.organization').findFirst({ filters: { code: 'V001' } }))!.documentId;
    const prev = await request(app.server)
      .post(CM)
      .query({ locale: 'zh-Hans' })
      .set(auth())
      .send({ title: '上年报告', year: YEAR - 1, organization: { connect: [{ documentId: orgId }] } });
    expect(prev.status).toBe(201);
    const prevTables = structuredClone(valid);
    prevTables.applications.received.naturalPerson = 3;
    prevTables.applications.received.total = 3;
    prevTables.applications.carriedOut.naturalPerson = 3;
    prevTables.applications.carriedOut.total = 3;
    await app.strapi.documents(UID).update({ documentId: prev.body.data.documentId, locale: 'zh-Hans', data: { tables: prevTables } as any });

    const alone = await check({ formatVersion: '2021', tables: valid });
    expect(alone.body.data.warnings).toBe(0);
    const named = await check({ documentId, tables: valid });
    expect(named.status).toBe(200);
    expect(named.body.data.errors).toBe(0);
    expect(named.body.data.previousReport).toMatchObject({ documentId: prev.body.data.documentId, year: YEAR - 1 });
    const carry = named.body.data.failures.filter((f: any) => f.ruleId === 'applications.carry-over');
    expect(carry.map((f: any) => f.severity)).toEqual(['warning', 'warning']);
    expect(carry[0].message.zh).toContain('上年第四项=3');
  });

  it('answers 400 naming the field for bad input, 404 for an unknown report', async () => {
    const cases: [unknown, string][] = [
      [{ formatVersion: '2021' }, 'tables'],
      [{ formatVersion: '2021', tables: [] }, 'tables'],
      [{ formatVersion: '2021', tables: 'x' }, 'tables'],
      [{ formatVersion: '2008', tables: valid }, 'formatVersion'],
      [{ tables: valid }, 'formatVersion'],
      [{ formatVersion: '2021', tables: valid, documentId: 42 }, 'documentId'],
      [{ formatVersion: '2019', tables: valid, documentId }, 'formatVersion'],
    ];
    for (const [body, field] of cases) {
      const res = await check(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error.details.errors[0].path).toEqual([field]);
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    const res = await check({ tables: valid, documentId: 'nosuchreport0000000000000' });
    expect(res.status).toBe(404);
  });

  it('needs an admin holding 查看统计和年度报告 (plugin::disclosure.stats.read)', async () => {
    expect((await request(app.server).post(ROUTE).send({ formatVersion: '2021', tables: valid })).status).toBe(401);
    const editor = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
    const email = `editor_${Date.now()}@example.com`;
    await app.strapi.service('admin::user').create({
      email,
      password: 'Editor12345!',
      firstname: 'E',
      lastname: 'D',
      isActive: true,
      registrationToken: null,
      roles: [editor.id],
    });
    const login = await request(app.server).post('/admin/login').send({ email, password: 'Editor12345!' });
    const res = await request(app.server)
      .post(ROUTE)
      .set({ Authorization: `Bearer ${login.body.data.token}` })
      .send({ formatVersion: '2021', tables: valid });
    expect(res.status).toBe(403);
  });
});
