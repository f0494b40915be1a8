import fs from 'fs';
import request from 'supertest';
import { adminUserWithRoles, startStrapi, TestApp } from '../harness/strapi';
import { AccessFixture, APPLICATION_UID, buildAccessFixture, CITY, REVIEW_CASE_UID, secretsIn, TOWNSHIP, type Who } from '../harness/access-fixture';
import { MULTIPART_DIR } from '../../src/middlewares/multipart-cleanup';
import { HEADERS } from '../../src/plugins/disclosure/server/src/modules/applications/import/columns';

/** The exploits of issue 11, each as it was tried: every one of them worked before the access module. */
const APPS = `/content-manager/collection-types/${APPLICATION_UID}`;
const CASES = `/content-manager/collection-types/${REVIEW_CASE_UID}`;
let app: TestApp;
let f: AccessFixture;

const as = (who: Who) => {
  const auth = (r: request.Test) => (f.tokens[who] ? r.set('Authorization', `Bearer ${f.tokens[who]}`) : r);
  return {
    get: (path: string, query: object = {}) => auth(request(app.server).get(path).query(query)),
    post: (path: string, body: object = {}) => auth(request(app.server).post(path).send(body)),
    put: (path: string, body: object = {}) => auth(request(app.server).put(path).send(body)),
    del: (path: string) => auth(request(app.server).delete(path)),
    upload: (path: string, file: Buffer, name: string) => auth(request(app.server).post(path).attach('file', file, name)),
  };
};
const count = (uid: string) => app.strapi.db.query(uid as any).count({});
const leftoverUploads = () => (fs.existsSync(MULTIPART_DIR) ? fs.readdirSync(MULTIPART_DIR) : []);

beforeAll(async () => {
  app = await startStrapi();
  f = await buildAccessFixture(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('clone', () => {
  it("refuses the township officer's clone of a city application, and copies nothing", async () => {
    const before = await count(APPLICATION_UID);
    for (const organization of [f.orgs[TOWNSHIP], f.orgs[CITY]]) {
      const res = await as('officer').post(`${APPS}/clone/${f.applications[CITY]}`, { organization });
      expect(res.status).toBe(403);
      expect(secretsIn(res.text)).toEqual([]);
    }
    expect(await count(APPLICATION_UID)).toBe(before);
  });

  it('refuses every clone of an application or a review case, also of their own and by a super admin', async () => {
    const before = [await count(APPLICATION_UID), await count(REVIEW_CASE_UID)];
    const own = await as('officer').post(`${APPS}/clone/${f.applications[TOWNSHIP]}`, { applicationStatus: 'answered' });
    expect(own.status).toBe(403);
    const bySuperAdmin = await as('superAdmin').post(`${APPS}/clone/${f.applications[CITY]}`, {});
    expect(bySuperAdmin.status).toBe(403);
    expect(bySuperAdmin.body.error.message).toMatch(/不能复制.*cannot be cloned/);
    expect((await as('superAdmin').post(`${CASES}/clone/${f.reviewCases[CITY]}`, {})).status).toBe(403);
    expect((await as('superAdmin').post(`${APPS}/auto-clone/${f.applications[CITY]}`, {})).status).toBeGreaterThanOrEqual(400);
    for (const who of ['author', 'editor'] as const) {
      const res = await as(who).post(`${APPS}/clone/${f.applications[CITY]}`, {});
      expect(res.status).toBe(403);
      expect(secretsIn(res.text)).toEqual([]);
    }
    expect([await count(APPLICATION_UID), await count(REVIEW_CASE_UID)]).toEqual(before);
  });
});

describe("Strapi's default roles", () => {
  it('hold no right on applications, review cases, officer assignments or the calendar', async () => {
    const roles = await app.strapi.db
      .query('admin::role')
      .findMany({ where: { code: { $in: ['strapi-editor', 'strapi-author'] } }, populate: ['permissions'] });
    expect(roles).toHaveLength(2);
    const perms = roles.flatMap((r: any) => r.permissions.map((p: any) => `${r.code} ${p.action} ${p.subject ?? ''}`));
    expect(perms.some((p: string) => p.includes('api::notice.notice'))).toBe(true); // positive control
    expect(perms.filter((p: string) => /disclosure-application|review-case|plugin::disclosure\.(officer|calendar|access|import|application)/.test(p))).toEqual(
      [],
    );
  });

  it('gives the Editor nothing of the applications, anywhere', async () => {
    expect((await as('editor').get(APPS)).status).toBe(403);
    expect((await as('editor').get(`${APPS}/${f.applications[CITY]}`)).status).toBe(403);
    expect((await as('editor').get('/disclosure/applications/officer-view')).status).toBe(403);
    expect((await as('editor').get(`/disclosure/applications/${f.applications[CITY]}/events`)).status).toBe(403);
    expect((await as('editor').get(CASES)).status).toBe(403);
  });

  it('does not let the Author assign itself to an organization nor move the legal calendar', async () => {
    const before = [await count('plugin::disclosure.officer-assignment'), await count('plugin::disclosure.calendar-override')];
    const assign = await as('author').post('/content-manager/collection-types/plugin::disclosure.officer-assignment', { organizations: [f.orgs[CITY]] });
    expect(assign.status).toBe(403);
    const override = await as('author').post('/content-manager/collection-types/plugin::disclosure.calendar-override', { date: '2026-12-24', kind: 'holiday' });
    expect(override.status).toBe(403);
    expect((await as('author').get('/disclosure/applications/officer-view')).status).toBe(403);
    expect([await count('plugin::disclosure.officer-assignment'), await count('plugin::disclosure.calendar-override')]).toEqual(before);
  });

  it('takes back rights given to a default role when the plugin starts again', async () => {
    const editor = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
    await app.strapi
      .service('admin::role')
      .addPermissions(editor.id, [
        { action: 'plugin::content-manager.explorer.read', subject: APPLICATION_UID, properties: { fields: ['applicantName'] }, conditions: [] },
      ]);
    const has = async () => app.strapi.db.query('admin::permission').count({ where: { role: { id: editor.id }, subject: APPLICATION_UID } });
    expect(await has()).toBe(1);
    expect(await app.strapi.plugin('disclosure').service('access').revokeDefaultGrants()).toBe(1);
    expect(await has()).toBe(0);
  });
});

describe('write scope', () => {
  const body = (org: string) => ({ organization: org, applicantType: 'naturalPerson', channel: 'online', receivedDate: '2026-03-02' });

  it('refuses writes of an admin with no organization assigned', async () => {
    const before = await count(APPLICATION_UID);
    for (const org of [f.orgs[CITY], f.orgs[TOWNSHIP]]) {
      const res = await as('unassigned').post(APPS, body(org));
      expect(res.status).toBe(403);
    }
    // The content manager's condition already refuses these; the plugin refuses them too when a role holds
    // content-manager rights without the condition (an administrator's custom role):
    const custom = await app.strapi.service('admin::role').create({ name: '全区经办人', code: 'county-officer', description: '' });
    await app.strapi.service('admin::role').assignPermissions(custom.id, [
      ...['read', 'create', 'update'].map((a) => ({
        action: `plugin::content-manager.explorer.${a}`,
        subject: APPLICATION_UID,
        properties: { fields: ['organization', 'applicantType', 'channel', 'receivedDate'] },
        conditions: [],
      })),
      { action: 'plugin::disclosure.applications.read', properties: {}, conditions: [] },
      { action: 'plugin::disclosure.applications.handle', properties: {}, conditions: [] },
    ]);
    const county = await adminUserWithRoles(app, 'county', [custom.id]);
    const res = await request(app.server).post(APPS).set('Authorization', `Bearer ${county.token}`).send(body(f.orgs[CITY]));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/没有被分配.*assigned to no organization/);
    // and reads are limited to the assigned organizations (none): the list is empty, a record refused
    const list = await request(app.server).get(APPS).set('Authorization', `Bearer ${county.token}`);
    expect(list.status).toBe(200);
    expect(list.body.results).toEqual([]);
    expect((await request(app.server).get(`${APPS}/${f.applications[CITY]}`).set('Authorization', `Bearer ${county.token}`)).status).toBe(403);
    expect((await as('unassigned').post(CASES, { organization: f.orgs[CITY], kind: 'review', filedDate: '2026-04-01', result: 'pending' })).status).toBe(403);
    expect(await count(APPLICATION_UID)).toBe(before);
  });

  it('refuses to link a review case to an application of another organization, from either side', async () => {
    const create = await as('officer').post(CASES, {
      organization: f.orgs[TOWNSHIP],
      application: f.applications[CITY],
      kind: 'review',
      filedDate: '2026-04-01',
      result: 'pending',
    });
    expect(create.status).toBe(403);
    const connect = await as('officer').put(`${CASES}/${f.reviewCases[TOWNSHIP]}`, { application: { connect: [{ documentId: f.applications[CITY] }] } });
    expect(connect.status).toBe(403);
    const fromApplication = await as('officer').put(`${APPS}/${f.applications[TOWNSHIP]}`, { reviewCases: { connect: [{ documentId: f.reviewCases[CITY] }] } });
    expect(fromApplication.status).toBe(403);
    const linked = await app.strapi.db.query(REVIEW_CASE_UID).findOne({ where: { documentId: f.reviewCases[CITY] }, populate: { application: true } });
    expect(linked.application.documentId).toBe(f.applications[CITY]);
    // positive control: linking within the officer's own organization works
    const own = await as('officer').put(`${CASES}/${f.reviewCases[TOWNSHIP]}`, { application: { connect: [{ documentId: f.applications[TOWNSHIP] }] } });
    expect(own.status).toBe(200);
  });

  it("refuses to delete another organization's application, also in bulk", async () => {
    const before = await count(APPLICATION_UID);
    expect((await as('officer').del(`${APPS}/${f.applications[CITY]}`)).status).toBe(403);
    const bulk = await as('officer').post(`${APPS}/actions/bulkDelete`, { documentIds: [f.applications[CITY], f.applications[TOWNSHIP]] });
    expect(bulk.status).toBe(403);
    expect(await count(APPLICATION_UID)).toBe(before);
  });
});

describe('side doors of the content manager', () => {
  it('does not let a role that may not read a personal field filter or sort by it', async () => {
    const role = await app.strapi.service('admin::role').create({ name: '统计员', code: 'statistician', description: '' });
    await app.strapi.service('admin::role').assignPermissions(role.id, [
      {
        action: 'plugin::content-manager.explorer.read',
        subject: APPLICATION_UID,
        properties: { fields: ['trackingNumber', 'applicantType', 'receivedDate', 'organization'] },
        conditions: ['plugin::disclosure.own-organizations'],
      },
      { action: 'plugin::disclosure.applications.read', properties: {}, conditions: [] },
    ]);
    const statistician = await adminUserWithRoles(app, 'statistician', [role.id]);
    await app.strapi
      .documents('plugin::disclosure.officer-assignment' as any)
      .create({ data: { user: statistician.user.id, organizations: [f.orgs[TOWNSHIP]] } as any });
    const list = (query: object) => request(app.server).get(APPS).query(query).set('Authorization', `Bearer ${statistician.token}`);
    const all = await list({ pageSize: 100 });
    expect(all.status).toBe(200);
    expect(all.body.results.length).toBeGreaterThan(1);
    expect(secretsIn(all.text)).toEqual([]);
    const name = '镇隐私甲某';
    for (const query of [
      { filters: { applicantName: { $eq: name } } },
      { filters: { $or: [{ applicantName: { $startsWith: '镇隐私' } }] } },
      { filters: { requestedContent: { $contains: '某合同' } } },
      { _q: name },
    ]) {
      const res = await list({ pageSize: 100, ...query });
      // Either refused, or the filter on a field the role may not read is dropped: never an oracle.
      if (res.status === 200) expect(res.body.pagination.total).toBe(all.body.pagination.total);
      else expect(res.status).toBe(400);
    }
    const sorted = await list({ pageSize: 100, sort: 'applicantName:asc' });
    expect(secretsIn(sorted.text)).toEqual([]);
  });
});

describe('/chinese-variants admin routes', () => {
  const preview = { uid: 'api::notice.notice', documentId: '', locale: 'zh-Hant' };

  it('answer a draft-only notice only to roles that may read it in the content manager', async () => {
    preview.documentId = f.draftNotice;
    for (const who of ['officer', 'unassigned'] as const) {
      const res = await as(who).get('/chinese-variants/preview', preview);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('征求意见');
      expect((await as(who).get('/chinese-variants/status', preview)).status).toBe(403);
      expect((await as(who).post('/chinese-variants/regenerate', preview)).status).toBe(403);
      expect((await as(who).post('/chinese-variants/keep', preview)).status).toBe(403);
    }
    // The Author did not create the demo notice (is-creator condition)
    expect((await as('author').get('/chinese-variants/preview', preview)).status).toBe(403);
    const editor = await as('editor').get('/chinese-variants/preview', preview);
    // The route answers as the content manager does for the same user and locale.
    const cm = await as('editor').get(`/content-manager/collection-types/api::notice.notice/${f.draftNotice}`, { locale: 'zh-Hans' });
    expect([editor.status, cm.status]).toEqual([403, 403]); // the default Editor's rights name the locales of the first start
    const role = await app.strapi.service('admin::role').create({ name: '公告编辑', code: 'notice-editor', description: '' });
    await app.strapi.service('admin::role').assignPermissions(role.id, [
      {
        action: 'plugin::content-manager.explorer.read',
        subject: 'api::notice.notice',
        properties: { fields: ['title', 'body'], locales: ['zh-Hans', 'zh-Hant'] },
        conditions: [],
      },
    ]);
    const noticeEditor = await adminUserWithRoles(app, 'noticeeditor', [role.id]);
    const allowed = await request(app.server).get('/chinese-variants/preview').query(preview).set('Authorization', `Bearer ${noticeEditor.token}`);
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('徵求意見');
    // read is not update: regenerating needs the right to change the Traditional version
    expect((await request(app.server).post('/chinese-variants/regenerate').send(preview).set('Authorization', `Bearer ${noticeEditor.token}`)).status).toBe(
      403,
    );
  });

  it('keep the backfill to holders of its action, and refuse a malformed body without starting one', async () => {
    for (const who of ['officer', 'editor', 'author'] as const) expect((await as(who).post('/chinese-variants/backfill', {})).status).toBe(403);
    for (const bad of [{ types: 'api::notice.notice' }, { type: 'api::disclosure-application.disclosure-application' }, { dryRun: 'yes' }, { typo: true }]) {
      const res = await as('superAdmin').post('/chinese-variants/backfill', bad);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff].*[A-Za-z]/);
    }
    const progress = await as('superAdmin').get('/chinese-variants/backfill');
    expect(progress.status).toBe(200);
    expect(progress.body.data.state ?? 'idle').toBe('idle');
  });

  it('keep the glossary and regenerating over a hand edit to holders of their actions', async () => {
    const glossary = '/content-manager/collection-types/plugin::chinese-variants.glossary-term';
    const term = { term: '壶天测试词', replacements: { 'zh-Hant': '壺天測試詞' }, enabled: true };
    for (const who of ['editor', 'author'] as const) {
      const res = await as(who).post(glossary, term);
      expect([who, res.status]).toEqual([who, 403]);
    }
    expect(await app.strapi.db.query('plugin::chinese-variants.glossary-term' as any).count({ where: { term: term.term } })).toBe(0);
    const created = await as('superAdmin').post(glossary, term);
    expect(created.status).toBe(201);
    await as('superAdmin').del(`${glossary}/${created.body.data.documentId}`);
    // The default Editor has the content manager's rights but not the regenerate action.
    expect((await as('editor').post('/chinese-variants/regenerate', { uid: 'api::notice.notice', documentId: f.draftNotice, locale: 'zh-Hant' })).status).toBe(
      403,
    );
  });
});

describe('uploads', () => {
  const file = () => Buffer.from([HEADERS.join(','), HEADERS.map((h) => (h === '申请人姓名或名称' ? '上传隐私丙某' : 'x')).join(',')].join('\n'));

  it('leave no temp file behind, whatever the answer', async () => {
    expect(fs.statSync(MULTIPART_DIR).mode & 0o777).toBe(0o700);
    expect((await as('anonymous').upload('/disclosure/import', file(), 'a.csv')).status).toBe(401);
    expect((await as('editor').upload('/disclosure/import', file(), 'a.csv')).status).toBe(403);
    expect((await as('officer').upload('/disclosure/import', file(), 'a.txt')).status).toBe(400);
    expect((await as('anonymous').upload('/api/notices', file(), 'a.csv')).status).toBeGreaterThanOrEqual(400);
    const accepted = await as('officer').upload('/disclosure/import', file(), 'a.csv');
    expect(accepted.status).toBe(202);
    for (let i = 0; i < 100 && leftoverUploads().length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(leftoverUploads()).toEqual([]);
  });

  it('still lets the media library take a file (the field Strapi itself cleans)', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const res = await request(app.server).post('/upload').set('Authorization', `Bearer ${f.tokens.superAdmin}`).attach('files', png, 'pixel.png');
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ name: 'pixel.png', mime: 'image/png' });
    expect(leftoverUploads()).toEqual([]);
    await app.strapi.plugin('upload').service('upload').remove(res.body[0]);
  });

  it('sweeps files a killed process left at start-up', async () => {
    const { sweepMultipartDir } = await import('../../src/middlewares/multipart-cleanup');
    const stale = `${MULTIPART_DIR}/left-by-a-crash`;
    fs.writeFileSync(stale, '上传隐私丙某');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(stale, old, old);
    fs.writeFileSync(`${MULTIPART_DIR}/in-flight`, 'x');
    expect(sweepMultipartDir()).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(`${MULTIPART_DIR}/in-flight`)).toBe(true);
    fs.rmSync(`${MULTIPART_DIR}/in-flight`);
  });
});

describe('portal accounts', () => {
  it('cannot be registered publicly, and a logged-in portal user reads what the public reads', async () => {
    const reg = await request(app.server).post('/api/auth/local/register').send({ username: 'x1', email: 'x1@example.com', password: 'Passw0rd!x' });
    expect(reg.status).toBeGreaterThanOrEqual(400);
    expect(reg.status).toBeLessThan(500);
    for (const path of ['/api/notices', '/api/organizations', '/api/disclosure-categories', '/api/annual-reports']) {
      expect((await as('authenticated').get(path)).status).toBe(200);
    }
  });
});

describe('access log', () => {
  it("records the officer's reads, shows them newest first to super admins only, and cannot be edited", async () => {
    expect((await as('officer').get(`${APPS}/${f.applications[TOWNSHIP]}`)).status).toBe(200);
    expect((await as('officer').get(`/disclosure/applications/${f.applications[TOWNSHIP]}/events`)).status).toBe(200);
    const log = await as('superAdmin').get('/disclosure/access-log', { pageSize: 10 });
    expect(log.status).toBe(200);
    const [newest, next] = log.body.data;
    expect(newest).toMatchObject({
      userId: f.officerUserId,
      subject: APPLICATION_UID,
      documentIds: [f.applications[TOWNSHIP]],
      route: `/disclosure/applications/${f.applications[TOWNSHIP]}/events`,
    });
    expect(next).toMatchObject({ userId: f.officerUserId, documentIds: [f.applications[TOWNSHIP]], route: `${APPS}/${f.applications[TOWNSHIP]}` });
    expect(new Date(newest.occurredAt) >= new Date(next.occurredAt)).toBe(true);
    for (const who of ['officer', 'editor', 'author'] as const) expect((await as(who).get('/disclosure/access-log')).status).toBe(403);
    const LOG = '/content-manager/collection-types/plugin::disclosure.access-log';
    const rows = await count('plugin::disclosure.access-log');
    expect((await as('superAdmin').post(LOG, { route: 'x', occurredAt: new Date().toISOString() })).status).toBeGreaterThanOrEqual(400);
    const id = (await app.strapi.db.query('plugin::disclosure.access-log' as any).findOne({ select: ['documentId'] })).documentId;
    expect((await as('superAdmin').put(`${LOG}/${id}`, { route: 'x' })).status).toBeGreaterThanOrEqual(400);
    expect((await as('superAdmin').del(`${LOG}/${id}`)).status).toBeGreaterThanOrEqual(400);
    expect(await count('plugin::disclosure.access-log')).toBeGreaterThanOrEqual(rows);
    expect((await as('superAdmin').get('/disclosure/access-log', { pageSize: 'all' })).status).toBe(400);
  });
});
