/**
 * Annual reports over HTTP: generation from the stats service (prose kept, overrides survive),
 * validation on save, publish refused for each error rule, acknowledgement of cross-year warnings.
 */
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { completeProse } from '../harness/reports';

const UID = 'api::annual-report.annual-report';
const YEAR = 2025;
const CM = `/content-manager/collection-types/${UID}`;

let app: TestApp;
let token: string;
let orgId: string;

const docs = () => app.strapi.documents;
const auth = () => ({ Authorization: `Bearer ${token}` });

async function notice(data: Record<string, unknown>) {
  return docs()('api::notice.notice').create({
    locale: 'zh-Hans',
    status: 'published',
    data: { title: `文件${Math.random()}`, organization: orgId, ...data } as any,
  });
}

async function generate(body: unknown) {
  return request(app.server)
    .post('/disclosure/annual-reports/generate')
    .set(auth())
    .send(body as object);
}

async function draftOf(documentId: string): Promise<any> {
  return docs()(UID).findOne({ documentId, locale: 'zh-Hans', status: 'draft' });
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  const org = await docs()('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { code: 'R001', name: '测试乙镇人民政府', level: 'township' } as any,
  });
  orgId = org.documentId;
  await notice({ documentType: 'regulation', writtenDate: '2025-02-01', releaseDate: '2025-02-03', validity: 'in-force' });
  await notice({ documentType: 'normative-document', writtenDate: '2025-03-01', releaseDate: '2025-03-02', validity: 'in-force' });
  await notice({ documentType: 'licensing-decision', releaseDate: '2025-05-05' });
  await notice({ documentType: 'licensing-decision', releaseDate: '2025-05-06' });
  await notice({ documentType: 'punishment-decision', releaseDate: '2025-12-31' });
  await notice({ documentType: 'work-update', releaseDate: '2025-07-01' });
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /disclosure/annual-reports/generate', () => {
  it('answers 400 naming the field, 404 for an unknown organization, 401 without a token', async () => {
    let res = await generate({ year: YEAR });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['organization']);
    res = await generate({ organization: 'R001', year: 'last' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['year']);
    res = await generate({ organization: 'R001', year: 2015 });
    expect(res.status).toBe(400);
    res = await generate({ organization: 'NOPE', year: YEAR });
    expect(res.status).toBe(404);
    res = await request(app.server).post('/disclosure/annual-reports/generate').send({ organization: 'R001', year: YEAR });
    expect(res.status).toBe(401);
  });

  let documentId: string;

  it('creates the zh-Hans draft with the counted tables, the stored validation and drafted prose', async () => {
    const res = await generate({ organization: 'R001', year: YEAR });
    expect(res.status).toBe(200);
    const out = res.body.data;
    expect(out.created).toBe(true);
    documentId = out.documentId;
    const stats = await app.strapi.plugin('disclosure').service('stats').organizationYear({ organization: 'R001', year: YEAR });
    expect(out.tables).toEqual(stats.tables);
    expect(out.tables.proactive.licensing.decisions).toBe(2);
    expect(out.formatVersion).toBe('2021');
    expect(out.validation.errors).toBe(0);
    expect(out.draftedSections).toEqual(['overview', 'problems', 'otherMatters']);

    const draft = await draftOf(documentId);
    expect(draft.tables).toEqual(stats.tables);
    expect(draft.formatVersion).toBe(2021);
    expect(draft.year).toBe(YEAR);
    expect(draft.validation.failures).toEqual([]);
    expect(draft.generatedAt).toBeTruthy();
    expect(draft.title).toBe(`测试乙镇人民政府${YEAR}年政府信息公开工作年度报告`);
    expect(JSON.stringify(draft.overview)).toContain('（一）主动公开');
    expect(draft.publishedAt).toBeNull();
  });

  it('keeps the prose the editor wrote and the overrides on regeneration, and shows them as overrides', async () => {
    const edited = [{ type: 'paragraph', children: [{ type: 'text', text: '编辑写的总体情况。' }] }];
    // Prose through the content manager; Table 2 licensing decisions typed in by hand
    const draft = await draftOf(documentId);
    const tables = structuredClone(draft.tables);
    tables.proactive.licensing.decisions = 57;
    let res = await request(app.server)
      .put(`${CM}/${documentId}`)
      .query({ locale: 'zh-Hans' })
      .set(auth())
      .send({ title: draft.title, year: YEAR, overview: edited, tables });
    expect(res.status).toBe(200);
    // The fee and punishment decisions through the overrides route
    res = await request(app.server)
      .put(`/disclosure/annual-reports/${documentId}/overrides`)
      .set(auth())
      .send({ cells: { 'proactive.punishment.decisions': 9 }, processingFeeYuan: 120 });
    expect(res.status).toBe(200);
    res = await request(app.server)
      .put(`/disclosure/annual-reports/${documentId}/overrides`)
      .set(auth())
      .send({ cells: { 'applications.received.total': 3 } });
    expect(res.status).toBe(400);

    await notice({ documentType: 'licensing-decision', releaseDate: '2025-08-08' }); // counted now, but overridden
    await notice({ documentType: 'enforcement-decision', releaseDate: '2025-08-09' }); // counted
    res = await generate({ organization: 'R001', year: YEAR });
    expect(res.status).toBe(200);
    const out = res.body.data;
    expect(out.created).toBe(false);
    expect(out.documentId).toBe(documentId);
    expect(out.tables.proactive.licensing.decisions).toBe(57);
    expect(out.tables.proactive.punishment.decisions).toBe(9);
    expect(out.tables.proactive.enforcement.decisions).toBe(1);
    expect(out.overriddenCells.sort()).toEqual(['proactive.licensing.decisions', 'proactive.punishment.decisions']);
    expect(out.processingFeeYuan).toBe(120);
    expect(out.processingFeeOverridden).toBe(true);
    expect(out.draftedSections).toEqual([]);

    const after = await draftOf(documentId);
    expect(after.overview).toEqual(edited);
    expect(after.tables.proactive.licensing.decisions).toBe(57);
    expect(Number(after.processingFeeYuan)).toBe(120);

    const page = await request(app.server).get('/disclosure/annual-reports/overview').query({ organization: 'R001', year: YEAR }).set(auth());
    expect(page.status).toBe(200);
    expect(page.body.data.report.documentId).toBe(documentId);
    expect(page.body.data.overriddenCells).toContain('proactive.licensing.decisions');
    expect(page.body.data.notices.byMonth[4]).toBe(2);
    expect(page.body.data.tablesHtml).toContain('data-table="applications"');

    // clearing an override goes back to the count
    res = await request(app.server)
      .put(`/disclosure/annual-reports/${documentId}/overrides`)
      .set(auth())
      .send({ cells: { 'proactive.punishment.decisions': null } });
    expect(res.status).toBe(200);
    expect(res.body.data.tables.proactive.punishment.decisions).toBe(1);

    // the fee typed into the content manager is an override too
    res = await request(app.server).put(`${CM}/${documentId}`).query({ locale: 'zh-Hans' }).set(auth()).send({ processingFeeYuan: 250 });
    expect(res.status).toBe(200);
    res = await generate({ organization: 'R001', year: YEAR });
    expect(res.body.data.processingFeeYuan).toBe(250);
    expect(res.body.data.processingFeeOverridden).toBe(true);
  });

  it("is guarded by the plugin's own RBAC actions", async () => {
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
    const editorAuth = { Authorization: `Bearer ${login.body.data.token}` };
    expect((await request(app.server).post('/disclosure/annual-reports/generate').set(editorAuth).send({ organization: 'R001', year: YEAR })).status).toBe(403);
    expect((await request(app.server).get('/disclosure/annual-reports/overview').query({ organization: 'R001', year: YEAR }).set(editorAuth)).status).toBe(403);
    const actions = app.strapi
      .service('admin::permission')
      .actionProvider.values()
      .map((a: any) => a.actionId);
    expect(actions).toEqual(expect.arrayContaining(['plugin::disclosure.stats.read', 'plugin::disclosure.reports.generate']));
  });

  it('layout route gives the national table grids', async () => {
    const res = await request(app.server).get('/disclosure/annual-reports/layout').query({ formatVersion: '2019' }).set(auth());
    expect(res.status).toBe(200);
    expect(res.body.data.tables).toHaveLength(3);
    expect(res.body.data.formatVersion).toBe('2019');
  });
});

describe('publishing', () => {
  let documentId: string;
  let valid: any;

  const breakers: [string, (t: any) => void][] = [
    [
      'applications.balance',
      (t) => {
        t.applications.received.naturalPerson += 1;
        t.applications.received.total += 1;
      },
    ],
    [
      'applications.closed-total',
      (t) => {
        t.applications.closedTotal.commercial += 1;
        t.applications.closedTotal.total += 1;
        t.applications.received.commercial += 1;
        t.applications.received.total += 1;
      },
    ],
    [
      'applications.row-total',
      (t) => {
        t.applications.received.naturalPerson += 1;
      },
    ],
    [
      'reviewsAndLawsuits.group-total',
      (t) => {
        t.reviewsAndLawsuits.review.total += 1;
      },
    ],
    [
      'cells.non-negative-integer',
      (t) => {
        t.proactive.punishment.decisions = 1.5;
      },
    ],
    [
      'cells.non-negative-decimal',
      (t) => {
        t.proactive.fees.amountTenThousandYuan = -0.5;
      },
    ],
  ];

  async function saveTables(tables: unknown) {
    const res = await request(app.server).put(`${CM}/${documentId}`).query({ locale: 'zh-Hans' }).set(auth()).send({ tables });
    expect(res.status).toBe(200);
    return res;
  }
  const publish = () => request(app.server).post(`${CM}/${documentId}/actions/publish`).query({ locale: 'zh-Hans' }).set(auth()).send({});

  beforeAll(async () => {
    const org = await docs()('api::organization.organization').create({
      locale: 'zh-Hans',
      data: { code: 'R002', name: '测试丙镇人民政府', level: 'township' } as any,
    });
    const res = await generate({ organization: 'R002', year: YEAR });
    documentId = res.body.data.documentId;
    valid = res.body.data.tables;
    expect(org.documentId).toBeTruthy();
  });

  it.each(breakers)('refuses %s with 400 and the failures, and stores the validation on save', async (ruleId, mutate) => {
    const tables = structuredClone(valid);
    mutate(tables);
    await saveTables(tables);
    const stored = await draftOf(documentId);
    expect(stored.validation.failures.map((f: any) => f.ruleId)).toContain(ruleId);
    const res = await publish();
    expect(res.status).toBe(400);
    const failures = res.body.error.details.failures;
    expect(failures.map((f: any) => f.ruleId)).toContain(ruleId);
    expect(failures.every((f: any) => f.severity === 'error' && f.message.zh && f.message.en)).toBe(true);
    expect(await docs()(UID).findOne({ documentId, locale: 'zh-Hans', status: 'published' })).toBeNull();
  });

  it('refuses through the Document Service too (any path)', async () => {
    const tables = structuredClone(valid);
    tables.applications.received.naturalPerson += 1;
    tables.applications.received.total += 1;
    await saveTables(tables);
    await expect(docs()(UID).publish({ documentId, locale: 'zh-Hans' })).rejects.toThrow(/一\+二|received \+ carriedIn|cannot be published/);
  });

  it('needs cross-year warnings acknowledged (who and when) before publishing', async () => {
    // last year's report says 2 applications were carried over; this year's carried in is 0
    const prevTables = structuredClone(valid);
    prevTables.applications.received.naturalPerson = 2;
    prevTables.applications.received.total = 2;
    prevTables.applications.carriedOut.naturalPerson = 2;
    prevTables.applications.carriedOut.total = 2;
    const prevRes = await request(app.server)
      .post(CM)
      .query({ locale: 'zh-Hans' })
      .set(auth())
      .send({
        title: '上年报告',
        year: YEAR - 1,
        organization: { connect: [{ documentId: (await docs()('api::organization.organization').findFirst({ filters: { code: 'R002' } }))!.documentId }] },
      });
    expect(prevRes.status).toBe(201);
    await docs()(UID).update({ documentId: prevRes.body.data.documentId, locale: 'zh-Hans', data: { tables: prevTables } as any });

    await saveTables(valid);
    const stored = await draftOf(documentId);
    expect(stored.validation.errors).toBe(0);
    expect(stored.validation.failures.map((f: any) => f.ruleId)).toContain('applications.carry-over');

    let res = await publish();
    expect(res.status).toBe(400);
    expect(res.body.error.details.warnings.map((f: any) => f.ruleId)).toContain('applications.carry-over');

    res = await request(app.server).post(`/disclosure/annual-reports/${documentId}/acknowledge-warnings`).set(auth()).send({});
    expect(res.status).toBe(200);
    const ack = res.body.data.warningsAcknowledgement;
    expect(ack.by.email).toMatch(/@example\.com$/);
    expect(ack.by.id).toEqual(expect.any(Number));
    expect(Date.parse(ack.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(ack.warnings.length).toBeGreaterThan(0);

    // an editor cannot forge the acknowledgement through the content manager
    const forged = await request(app.server)
      .put(`${CM}/${documentId}`)
      .query({ locale: 'zh-Hans' })
      .set(auth())
      .send({ warningsAcknowledgement: { warnings: ['x'] } });
    expect(forged.status).toBe(200);
    expect((await draftOf(documentId)).warningsAcknowledgement.by.email).toBe(ack.by.email);

    await completeProse(app.strapi, documentId);
    res = await publish();
    expect(res.status).toBe(200);
    const published: any = await docs()(UID).findOne({ documentId, locale: 'zh-Hans', status: 'published' });
    expect(published.warningsAcknowledgement.by.email).toBe(ack.by.email);
  });
});
