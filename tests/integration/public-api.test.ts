import request from 'supertest';
import { authenticatedUserJwt, startStrapi, TestApp } from '../harness/strapi';

let app: TestApp;
let jwt: string;
let orgId: string;
let publishedId: string;
let draftId: string;

beforeAll(async () => {
  app = await startStrapi();
  jwt = await authenticatedUserJwt(app);
  const docs = app.strapi.documents;
  const org = await docs('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '测试县人民政府', code: '999001', level: 'county' } as any,
  });
  orgId = org.documentId;
  const category = await app.strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code: 'FDZD.16', locale: 'zh-Hans' } });
  const published = await docs('api::notice.notice').create({
    locale: 'zh-Hans',
    status: 'published',
    data: {
      title: '关于公开征求意见的公告',
      organization: orgId,
      category: category.documentId,
      documentType: 'announcement',
      releaseDate: '2026-03-02',
    } as any,
  });
  publishedId = published.documentId;
  const draft = await docs('api::notice.notice').create({
    locale: 'zh-Hans',
    data: { title: '尚未发布的草稿', organization: orgId, documentType: 'announcement' } as any,
  });
  draftId = draft.documentId;
  const application = await docs('api::disclosure-application.disclosure-application').create({
    data: {
      organization: orgId,
      applicantType: 'naturalPerson',
      applicantName: '张三',
      applicantContact: '13800000000',
      receivedDate: '2026-03-01',
      requestedContent: '申请公开某项目合同',
      channel: 'online',
    } as any,
  });
  await docs('api::review-case.review-case').create({
    data: { organization: orgId, application: application.documentId, kind: 'review', filedDate: '2026-04-01', result: 'pending' } as any,
  });
});
afterAll(async () => {
  await app?.stop();
});

describe('public reads', () => {
  it('lists published notices with their metadata, in zh-Hans', async () => {
    const res = await request(app.server)
      .get('/api/notices')
      .query({ locale: 'zh-Hans', populate: ['category', 'organization'] });
    expect(res.status).toBe(200);
    expect(res.body.data.map((n: any) => n.documentId)).toEqual([publishedId]);
    const notice = res.body.data[0];
    expect(notice).toMatchObject({ title: '关于公开征求意见的公告', documentType: 'announcement', releaseDate: '2026-03-02' });
    expect(notice.indexNumber).toBe('999001/2026-00001');
    expect(notice.category.code).toBe('FDZD.16');
    expect(notice.organization.name).toBe('测试县人民政府');
  });

  it('reads one published notice by documentId', async () => {
    const res = await request(app.server).get(`/api/notices/${publishedId}`).query({ locale: 'zh-Hans' });
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('关于公开征求意见的公告');
  });

  it('never shows drafts, not even when asked for them', async () => {
    expect((await request(app.server).get(`/api/notices/${draftId}`)).status).toBe(404);
    const res = await request(app.server).get('/api/notices').query({ status: 'draft' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/published/);
    expect(JSON.stringify(res.body)).not.toContain(draftId);
    const one = await request(app.server).get(`/api/notices/${draftId}`).query({ status: 'draft' });
    expect(one.status).toBe(400);
    const ok = await request(app.server).get('/api/notices').query({ status: 'published' });
    expect(ok.body.data.map((n: any) => n.documentId)).toEqual([publishedId]);
  });

  it('lists organizations and annual reports', async () => {
    const orgs = await request(app.server).get('/api/organizations').query({ locale: 'zh-Hans' });
    expect(orgs.status).toBe(200);
    expect(orgs.body.data.map((o: any) => o.code)).toContain('999001');
    expect((await request(app.server).get('/api/annual-reports')).status).toBe(200);
  });

  it('refuses writes to public content types', async () => {
    for (const path of ['/api/notices', '/api/organizations', '/api/disclosure-categories', '/api/annual-reports']) {
      const res = await request(app.server)
        .post(path)
        .set('Authorization', `Bearer ${jwt}`)
        .send({ data: { title: 'x', name: 'x' } });
      expect([403, 404, 405]).toContain(res.status);
    }
  });
});

describe('portal', () => {
  it('serves the portal page at / and its assets from public/', async () => {
    const res = await request(app.server).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.text).toMatch(/<html[^>]*lang=/);
    expect((await request(app.server).get('/portal.css')).status).toBe(200);
  });
});

describe('plugins', () => {
  it.each(['chinese-variants', 'disclosure'])('%s is loaded and answers its health route', async (name) => {
    expect(app.strapi.plugin(name)).toBeDefined();
    const res = await request(app.server).get(`/api/${name}/health`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ plugin: name, status: 'ok' });
  });
});

describe('applications and review cases are never public', () => {
  const paths = ['/api/disclosure-applications', '/api/review-cases'];
  const methods = ['get', 'post', 'put', 'delete'] as const;

  it.each(paths)('%s: every method is refused anonymously and as an authenticated user', async (path) => {
    for (const method of methods) {
      for (const url of [path, `${path}/anything`, `${path}/1`]) {
        const anonymous = await (request(app.server) as any)[method](url).send({ data: {} });
        expect([403, 404, 405]).toContain(anonymous.status);
        expect(JSON.stringify(anonymous.body)).not.toMatch(/张三|13800000000|申请公开某项目合同/);
        const authenticated = await (request(app.server) as any)[method](url).set('Authorization', `Bearer ${jwt}`).send({ data: {} });
        expect([403, 404, 405]).toContain(authenticated.status);
        expect(JSON.stringify(authenticated.body)).not.toMatch(/张三|13800000000|申请公开某项目合同/);
      }
    }
  });

  it('the content API registers no route for them', () => {
    const routes = app.strapi.server.listRoutes().map((r: any) => r.path);
    expect(routes.filter((p: string) => /disclosure-applications|review-cases/.test(p) && p.startsWith('/api'))).toEqual([]);
  });

  it('the public role holds no permission on them', async () => {
    const perms = await app.strapi.db.query('plugin::users-permissions.permission').findMany({ select: ['action'] });
    expect(perms.filter((p: any) => /disclosure-application|review-case/.test(p.action))).toEqual([]);
  });
});
