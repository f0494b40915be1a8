import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

const APPS = '/content-manager/collection-types/api::disclosure-application.disclosure-application';
const CASES = '/content-manager/collection-types/api::review-case.review-case';
const NOTICES = '/content-manager/collection-types/api::notice.notice';
const REPORTS = '/content-manager/collection-types/api::annual-report.annual-report';
let app: TestApp;
let token: string;
let orgId: string;

const post = (path: string, body: object, locale?: string) =>
  request(app.server)
    .post(path)
    .query(locale ? { locale } : {})
    .set('Authorization', `Bearer ${token}`)
    .send(body);
const put = (path: string, body: object, locale?: string) =>
  request(app.server)
    .put(path)
    .query(locale ? { locale } : {})
    .set('Authorization', `Bearer ${token}`)
    .send(body);

const validApplication = () => ({
  organization: { connect: [{ documentId: orgId }] },
  applicantType: 'naturalPerson',
  applicantName: '李四',
  channel: 'online',
  receivedDate: '2026-03-10',
  requestedContent: '申请公开某文件',
});

/** The 400 body names the field, in the message or in the details Strapi's admin shows next to it. */
function expectFieldError(res: request.Response, field: string) {
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  const paths = (res.body.error.details?.errors ?? []).map((e: any) => e.path.join('.'));
  expect([res.body.error.message, ...paths].join(' ')).toContain(field);
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  const org = await app.strapi.documents('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '验证镇人民政府', code: '430381199', level: 'township' } as any,
  });
  orgId = org.documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('applications', () => {
  it('get a tracking number from organization and year of receipt', async () => {
    const res = await post(APPS, validApplication());
    expect(res.status).toBe(201);
    expect(res.body.data.trackingNumber).toBe('430381199-YSQ-2026-00001');
    expect(res.body.data.applicationStatus).toBe('received');
  });

  it('refuse a bad enum value', async () => {
    expectFieldError(await post(APPS, { ...validApplication(), applicantType: 'alien' }), 'applicantType');
    expectFieldError(await post(APPS, { ...validApplication(), applicationStatus: 'lost' }), 'applicationStatus');
  });

  it('refuse answeredDate before receivedDate', async () => {
    const res = await post(APPS, { ...validApplication(), applicationStatus: 'answered', outcome: 'granted', answeredDate: '2026-03-09' });
    expectFieldError(res, 'answeredDate');
  });

  it('refuse an outcome without a final status, and a final status without outcome', async () => {
    expectFieldError(await post(APPS, { ...validApplication(), outcome: 'granted' }), 'outcome');
    expectFieldError(await post(APPS, { ...validApplication(), applicationStatus: 'closed' }), 'outcome');
    expectFieldError(await post(APPS, { ...validApplication(), applicationStatus: 'answered', outcome: 'no-such-outcome' }), 'outcome');
  });

  it('check the merged state on update and keep the record intact on refusal', async () => {
    const created = await post(APPS, validApplication());
    const id = created.body.data.documentId;
    expectFieldError(await put(`${APPS}/${id}`, { outcome: 'partlyGranted' }), 'outcome');
    expectFieldError(await put(`${APPS}/${id}`, { applicationStatus: 'answered', outcome: 'granted', answeredDate: '2026-01-01' }), 'answeredDate');
    const ok = await put(`${APPS}/${id}`, { applicationStatus: 'answered', outcome: 'partlyGranted', answeredDate: '2026-03-20' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ applicationStatus: 'answered', outcome: 'partlyGranted', answeredDate: '2026-03-20' });
    expectFieldError(await put(`${APPS}/${id}`, { trackingNumber: 'X-1' }), 'trackingNumber');
    const row = await app.strapi.db.query('api::disclosure-application.disclosure-application').findOne({ where: { documentId: id } });
    expect(row.trackingNumber).toBe(created.body.data.trackingNumber);
  });

  it('need an organization', async () => {
    const { organization, ...rest } = validApplication();
    expectFieldError(await post(APPS, rest), 'organization');
  });
});

describe('review cases', () => {
  it('refuse a concluded date before the filing date, and pending with a conclusion', async () => {
    const base = { organization: { connect: [{ documentId: orgId }] }, kind: 'review', filedDate: '2026-04-01' };
    expectFieldError(await post(CASES, { ...base, result: 'upheld', concludedDate: '2026-03-01' }), 'concludedDate');
    expectFieldError(await post(CASES, { ...base, result: 'pending', concludedDate: '2026-05-01' }), 'result');
    expectFieldError(await post(CASES, { ...base, kind: 'appeal', result: 'pending' }), 'kind');
    expect((await post(CASES, { ...base, result: 'upheld', concludedDate: '2026-05-01' })).status).toBe(201);
  });
});

describe('notices and annual reports', () => {
  it('refuse an abolition date on a notice that is in force', async () => {
    const res = await post(NOTICES, { title: '某文件', documentType: 'normative-document', validity: 'in-force', abolishedDate: '2026-01-01' }, 'zh-Hans');
    expectFieldError(res, 'abolishedDate');
    expectFieldError(await post(NOTICES, { title: '某文件', documentType: 'memo' }, 'zh-Hans'), 'documentType');
  });

  it('allow one annual report per organization and year, in a known format', async () => {
    const base = { title: '2026年政府信息公开工作年度报告', year: 2026, organization: { connect: [{ documentId: orgId, locale: 'zh-Hans' }] } };
    expect((await post(REPORTS, base, 'zh-Hans')).status).toBe(201);
    expectFieldError(await post(REPORTS, base, 'zh-Hans'), 'year');
    expectFieldError(await post(REPORTS, { ...base, year: 2025, formatVersion: 2020 }, 'zh-Hans'), 'formatVersion');
    expect((await post(REPORTS, { ...base, year: 2020, formatVersion: 2019 }, 'zh-Hans')).status).toBe(201);
  });
});
