import request from 'supertest';
import { adminToken, authenticatedUserJwt, startStrapi, TestApp } from '../harness/strapi';
import { seedDemoData } from '../../src/bootstrap/demo-data';
import { APPLICANT_NAMES } from '../../src/data/demo';

/**
 * Applicants' data appears nowhere outside the admin. Walks every content-API route registered in the app,
 * anonymously and as an authenticated user, with path parameters filled with real documentIds.
 */
const UID = 'api::disclosure-application.disclosure-application';
const FIELD_NAMES = ['applicantName', 'applicantContact', 'requestedContent', 'trackingNumber', 'caseNumber', 'statusNote', 'extensionApprover'];
const SECRET = {
  applicantName: '隐私测试甲某',
  applicantContact: '13999990000',
  requestedContent: '隐私测试申请内容：某某合同',
  caseNumber: '隐私复〔2026〕77号',
};
let app: TestApp;
let jwt: string;
let forbidden: RegExp;
/** The stored values alone: the online application routes name their own form fields (applicantName, trackingNumber) in their answers. */
let forbiddenValues: RegExp;
let ids: string[] = [];
const logged: string[] = [];

function leaks(text: string, path = ''): string | null {
  const m = (path.startsWith('/api/disclosure/online-applications') ? forbiddenValues : forbidden).exec(text);
  return m ? m[0] : null;
}

beforeAll(async () => {
  app = await startStrapi();
  await seedDemoData(app.strapi);
  jwt = await authenticatedUserJwt(app);
  const org = await app.strapi.db.query('api::organization.organization').findOne({ where: { code: '430381106' } });
  const a = await app.strapi.documents(UID).create({
    data: {
      organization: org.documentId,
      applicantType: 'naturalPerson',
      channel: 'post',
      receivedDate: '2026-03-02',
      ...SECRET,
      caseNumber: undefined,
    } as any,
  });
  const c = await app.strapi.documents('api::review-case.review-case').create({
    data: { application: a.documentId, kind: 'review', filedDate: '2026-05-01', result: 'pending', caseNumber: SECRET.caseNumber } as any,
  });
  const tracking = (await app.strapi.db.query(UID).findMany({ select: ['trackingNumber'] })).map((r: any) => r.trackingNumber);
  const values = [...Object.values(SECRET), ...APPLICANT_NAMES, ...tracking, '1380731'];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  forbidden = new RegExp([...FIELD_NAMES, ...values].map(escape).join('|'));
  forbiddenValues = new RegExp(values.map(escape).join('|'));
  // real documentIds of every kind, so that routes with :id / :documentId reach real rows
  ids = [a.documentId, c.documentId];
  for (const uid of [
    'api::notice.notice',
    'api::organization.organization',
    'api::disclosure-category.disclosure-category',
    'api::annual-report.annual-report',
  ]) {
    const row = await app.strapi.db.query(uid as any).findOne({ select: ['documentId'] });
    if (row) ids.push(row.documentId);
  }
  for (const level of ['info', 'http', 'warn', 'error', 'debug'] as const) {
    const original = (app.strapi.log as any)[level].bind(app.strapi.log);
    jest.spyOn(app.strapi.log as any, level).mockImplementation((...args: any[]) => {
      logged.push(args.map((x) => (typeof x === 'string' ? x : x instanceof Error ? `${x.message} ${x.stack}` : JSON.stringify(x))).join(' '));
      return original(...args);
    });
  }
});
afterAll(async () => {
  jest.restoreAllMocks();
  await app?.stop();
});

function contentApiRoutes(): { method: string; path: string }[] {
  const layers: any[] = app.strapi.server.listRoutes();
  const routes: { method: string; path: string }[] = [];
  for (const layer of layers) {
    if (typeof layer.path !== 'string' || !layer.path.startsWith('/api/')) continue;
    for (const method of layer.methods ?? []) if (method !== 'HEAD') routes.push({ method, path: layer.path });
  }
  return routes;
}

function fill(path: string, id: string): string {
  return path.replace(/:([A-Za-z_]+)(\([^)]*\))?\??/g, () => id).replace(/\(\.\*\)/g, id);
}

describe('privacy of applications and review cases', () => {
  it('finds the content-API routes (sanity check of the walk)', () => {
    const paths = contentApiRoutes().map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/notices', '/api/notices/:id', '/api/organizations']));
    expect(paths.length).toBeGreaterThan(20);
  });

  it('no content-API route returns a field of an application or review case, anonymously or authenticated', async () => {
    const problems: string[] = [];
    let calls = 0;
    for (const { method, path } of contentApiRoutes()) {
      const urls = /:|\(/.test(path) ? ids.map((id) => fill(path, id)) : [path];
      for (const url of urls) {
        for (const query of [{}, { populate: '*' }]) {
          for (const who of ['anonymous', 'authenticated']) {
            let req = (request(app.server) as any)[method.toLowerCase()](url).query(query);
            if (who === 'authenticated') req = req.set('Authorization', `Bearer ${jwt}`);
            const res = await req.send(method === 'GET' ? undefined : { data: {} });
            calls += 1;
            const found = leaks(`${JSON.stringify(res.headers)} ${res.text ?? ''}`, path);
            if (found) problems.push(`${who} ${method} ${url} ${JSON.stringify(query)} → ${res.status}: ${found}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('keeps applicant data out of admin error messages and of the logs', async () => {
    const token = await adminToken(app);
    const org = await app.strapi.db.query('api::organization.organization').findOne({ where: { code: '430381106' } });
    const bad = await request(app.server)
      .post(`/content-manager/collection-types/${UID}`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        organization: org.documentId,
        applicantType: 'naturalPerson',
        channel: 'post',
        receivedDate: '2026-03-02',
        ...SECRET,
        caseNumber: undefined,
        applicationStatus: 'answered',
      });
    expect(bad.status).toBe(400);
    expect(forbidden.test(bad.body.error.message)).toBe(false);
    expect(JSON.stringify(bad.body.error)).not.toContain(SECRET.applicantName);
    const badExtension = await request(app.server)
      .post(`/content-manager/collection-types/${UID}`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        organization: org.documentId,
        applicantType: 'naturalPerson',
        channel: 'post',
        receivedDate: '2026-03-02',
        ...SECRET,
        caseNumber: undefined,
        extensionWorkingDays: 5,
      });
    expect(badExtension.status).toBe(400);
    expect(JSON.stringify(badExtension.body.error)).not.toMatch(new RegExp(`${SECRET.applicantName}|${SECRET.applicantContact}`));
    // positive control: the detector does see applicant data where it is allowed (the admin)
    const adminList = await request(app.server)
      .get(`/content-manager/collection-types/${UID}`)
      .query({ pageSize: 100 })
      .set('Authorization', `Bearer ${token}`);
    expect(leaks(adminList.text)).not.toBeNull();
    const all = logged.join('\n');
    for (const value of Object.values(SECRET)) expect(all).not.toContain(value);
  });
});
