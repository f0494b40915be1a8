/**
 * What a published report says is true: regenerating after new records updates every generated figure
 * and keeps the editor's sentences (with confirmation and undo), placeholders never publish, a figure
 * in the editor's prose that contradicts the tables blocks publishing unless a super admin records a
 * reason, and last year's figures (its report, or figures entered once) drive the cross-year checks.
 */
import JSZip from 'jszip';
import request from 'supertest';
import { adminToken, adminUserWithRoles, startStrapi, TestApp } from '../harness/strapi';
import { completeProse } from '../harness/reports';

const UID = 'api::annual-report.annual-report';
const CM = `/content-manager/collection-types/${UID}`;
const YEAR = 2025;

let app: TestApp;
let token: string;
let orgId: string;

const docs = () => app.strapi.documents;
const auth = (t = token) => ({ Authorization: `Bearer ${t}` });
const post = (path: string, body: object, t = token) => request(app.server).post(path).set(auth(t)).send(body);
const text = (blocks: any): string =>
  (blocks ?? []).map((b: any) => (b.children ?? []).map((c: any) => c.text ?? (c.children ?? []).map((x: any) => x.text).join('')).join('')).join('\n');
const draftOf = (documentId: string): Promise<any> => docs()(UID).findOne({ documentId, locale: 'zh-Hans', status: 'draft' }) as any;
const publish = (documentId: string, t = token) =>
  request(app.server).post(`${CM}/${documentId}/actions/publish`).query({ locale: 'zh-Hans' }).set(auth(t)).send({});

async function organization(code: string, name: string) {
  const org = await docs()('api::organization.organization').create({ locale: 'zh-Hans', data: { code, name, level: 'township' } as any });
  return org.documentId;
}

async function addRecords(org: string) {
  for (let i = 0; i < 3; i++) {
    await docs()('api::notice.notice').create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title: `通知${i}`, organization: org, documentType: 'work-update', releaseDate: `${YEAR}-04-0${i + 1}` } as any,
    });
  }
  for (let i = 0; i < 2; i++) {
    await docs()('api::disclosure-application.disclosure-application').create({
      data: {
        organization: org,
        applicantType: 'naturalPerson',
        channel: 'online',
        receivedDate: `${YEAR}-03-0${i + 2}`,
        applicationStatus: 'answered',
        outcome: 'granted',
        answeredDate: `${YEAR}-03-20`,
        ...(i === 0 ? { feeMethod: 'per-page', feePages: 40, feePaidDate: `${YEAR}-03-18` } : {}),
      } as any,
    });
  }
  await docs()('api::review-case.review-case').create({ data: { organization: org, kind: 'review', filedDate: `${YEAR}-06-01`, result: 'pending' } as any });
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  orgId = await organization('P001', '测试丙镇人民政府');
});
afterAll(async () => {
  await app?.stop();
});

describe('regenerating after new records', () => {
  let documentId: string;
  const handWritten = '本镇全年组织政务公开专题培训，覆盖全体机关干部。';

  it('first draft from an empty year says so', async () => {
    const res = await post('/disclosure/annual-reports/generate', { organization: 'P001', year: YEAR });
    expect(res.status).toBe(200);
    documentId = res.body.data.documentId;
    const draft = await draftOf(documentId);
    expect(text(draft.overview)).toContain('共主动公开政府信息0条');
    expect(text(draft.overview)).toContain('未发生因政府信息公开引起的行政复议');
    expect(text(draft.otherMatters)).toContain('未收取信息处理费');
  });

  it('the editor adds a sentence of their own', async () => {
    const draft = await draftOf(documentId);
    const overview = [...draft.overview];
    overview.splice(5, 0, { type: 'paragraph', children: [{ type: 'text', text: handWritten }] });
    const res = await request(app.server).put(`${CM}/${documentId}`).query({ locale: 'zh-Hans' }).set(auth()).send({ overview });
    expect(res.status).toBe(200);
    const view = await request(app.server).get(`/disclosure/annual-reports/${documentId}/prose`).set(auth());
    const sentences = view.body.data.sections.flatMap((s: any) => s.paragraphs.flat());
    expect(sentences.find((s: any) => s.text === handWritten).origin).toBe('hand-written');
    expect(sentences.find((s: any) => s.text.includes('共主动公开政府信息0条'))).toMatchObject({ origin: 'generated', cells: ['notices.published'] });
    expect(sentences.filter((s: any) => s.origin === 'placeholder').length).toBeGreaterThan(0);
  });

  it('a dry run lists what would change and writes nothing', async () => {
    await addRecords(orgId);
    const before = await draftOf(documentId);
    const res = await post('/disclosure/annual-reports/generate', { organization: 'P001', year: YEAR, dryRun: true });
    expect(res.status).toBe(200);
    const { changes } = res.body.data;
    expect(res.body.data.dryRun).toBe(true);
    expect(changes.cells).toEqual(expect.arrayContaining([{ cell: 'applications.received.total', before: 0, after: 2 }]));
    expect(changes.sentences.map((c: any) => c.after).join('')).toContain('共主动公开政府信息3条');
    expect(changes.keptSentences.map((k: any) => k.text)).toContain(handWritten);
    expect(changes.processingFeeYuan).toEqual({ before: 0, after: 100 });
    expect((await draftOf(documentId)).overview).toEqual(before.overview);
  });

  it('regenerating updates every generated figure, keeps the hand-written sentence, and agrees with the tables', async () => {
    const res = await post('/disclosure/annual-reports/generate', { organization: 'P001', year: YEAR });
    expect(res.status).toBe(200);
    expect(res.body.data.undoAvailable).toBe(true);
    const draft = await draftOf(documentId);
    const overview = text(draft.overview);
    expect(overview).toContain('共主动公开政府信息3条');
    expect(overview).toContain('共收到政府信息公开申请2件');
    expect(overview).toContain('行政复议1件');
    expect(overview).not.toContain('未发生因政府信息公开引起的行政复议');
    expect(overview).toContain(handWritten);
    expect(text(draft.otherMatters)).toContain('收取信息处理费100元');
    expect(draft.validation.prose.findings).toEqual([]);
  });

  it('undo brings the previous version back, once', async () => {
    let res = await post(`/disclosure/annual-reports/${documentId}/undo-generate`, {});
    expect(res.status).toBe(200);
    expect(text((await draftOf(documentId)).overview)).toContain('共主动公开政府信息0条');
    res = await post(`/disclosure/annual-reports/${documentId}/undo-generate`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('没有可以撤销');
    res = await post('/disclosure/annual-reports/generate', { organization: 'P001', year: YEAR });
    expect(text((await draftOf(documentId)).overview)).toContain('共主动公开政府信息3条');
  });

  it('publishing is refused while a placeholder remains, naming the sections', async () => {
    const res = await publish(documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('待补充');
    expect(res.body.error.details.placeholders.map((p: any) => p.heading)).toEqual(
      expect.arrayContaining(['一、总体情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']),
    );
    expect(await docs()(UID).findOne({ documentId, locale: 'zh-Hans', status: 'published' })).toBeNull();
  });

  it('a figure in the editor’s prose that contradicts the tables blocks publishing; only a super admin may acknowledge it, with a reason', async () => {
    await completeProse(app.strapi, documentId);
    const draft = await draftOf(documentId);
    const problems = [{ type: 'paragraph', children: [{ type: 'text', text: '本年度共收到政府信息公开申请5件，均已按期答复。' }] }];
    await request(app.server).put(`${CM}/${documentId}`).query({ locale: 'zh-Hans' }).set(auth()).send({ problems });
    expect((await draftOf(documentId)).validation.prose.findings).toEqual([
      expect.objectContaining({ cell: 'applications.received.total', stated: 5, expected: 2 }),
    ]);

    let res = await publish(documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.details.proseFindings[0].message.zh).toContain('与表格不符');

    // an administrator allowed to generate reports, but not a super admin
    const role = await app.strapi.service('admin::role').create({ name: `报告编辑${Date.now()}`, description: 'reports' });
    await app.strapi
      .service('admin::role')
      .assignPermissions(role.id, [{ action: 'plugin::disclosure.reports.generate' }, { action: 'plugin::disclosure.stats.read' }]);
    const editor = await adminUserWithRoles(app, 'reporteditor', [role.id]);
    res = await post(`/disclosure/annual-reports/${documentId}/acknowledge-prose`, { reason: '数据口径不同' }, editor.token);
    expect(res.status).toBe(403);
    res = await post(`/disclosure/annual-reports/${documentId}/acknowledge-prose`, { reason: '' });
    expect(res.status).toBe(400);
    res = await post(`/disclosure/annual-reports/${documentId}/acknowledge-prose`, { reason: '含上年度转来的3件，经主要负责人同意按原文发布' });
    expect(res.status).toBe(200);
    expect(res.body.data.proseAcknowledgement).toMatchObject({
      reason: '含上年度转来的3件，经主要负责人同意按原文发布',
      by: { email: expect.stringMatching(/@/) },
    });
    res = await publish(documentId);
    expect(res.status).toBe(200);
    expect(draft).toBeTruthy();
  });

  it('the admin home’s status: this year and last, published or draft, what is left to do', async () => {
    const res = await request(app.server).get('/disclosure/annual-reports/status').set(auth());
    expect(res.status).toBe(200);
    const years = res.body.data.map((y: any) => y.year);
    expect(years).toHaveLength(2);
    expect(years[1] - years[0]).toBe(1);
    expect(res.body.data.every((y: any) => Array.isArray(y.reports))).toBe(true);
  });

  it('exports: the published report as PDF; a draft says 草稿 on every page, the published one does not', async () => {
    const binary = (req: request.Test) =>
      req.buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const pdf = await binary(request(app.server).get(`/api/disclosure/annual-reports/${documentId}/export`).query({ format: 'pdf' }));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const headerText = async (res: request.Response) => {
      const zip = await JSZip.loadAsync(res.body as Buffer);
      const headers = Object.keys(zip.files).filter((f) => /word\/header\d*\.xml/.test(f));
      return (await Promise.all(headers.map((h) => zip.file(h)!.async('string')))).join('');
    };
    const published = await binary(request(app.server).get(`/api/disclosure/annual-reports/${documentId}/export`).query({ format: 'docx' }));
    expect(await headerText(published)).not.toContain('草稿');
    const draft = await binary(
      request(app.server).get(`/disclosure/annual-reports/${documentId}/export`).query({ format: 'docx', status: 'draft' }).set(auth()),
    );
    expect(await headerText(draft)).toContain('草稿');
    const html = await request(app.server).get(`/api/disclosure/annual-reports/${documentId}/export`).query({ format: 'html' });
    expect(html.text).toContain('本报告根据《中华人民共和国政府信息公开条例》');
    expect(html.text).toMatch(/<footer class="gk-closing"><p>测试丙镇人民政府<\/p><p>\d{4}年\d{1,2}月\d{1,2}日<\/p><\/footer>/);
  });
});

describe('last year’s figures', () => {
  beforeAll(async () => {
    await organization('P002', '测试丁镇人民政府');
  });

  it('for a body new to the system, entered once (form or JSON export) and used by the cross-year rules', async () => {
    // a report in the export's JSON layout, e.g. from the previous system
    const lastYear = {
      formatVersion: '2021',
      year: YEAR - 1,
      tables: {
        applications: { carriedOut: { naturalPerson: 4, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 4 } },
        proactive: { regulations: { inForce: 2 }, normativeDocuments: { inForce: 0 } },
      },
      processingFeeYuan: 0,
    };
    let res = await request(app.server)
      .put('/disclosure/annual-reports/previous-year')
      .set(auth())
      .send({ organization: 'P002', year: YEAR - 1, report: { ...lastYear, tables: { applications: { carriedOut: { total: -1 } } } } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['tables.applications.carriedOut.total']);
    res = await request(app.server)
      .put('/disclosure/annual-reports/previous-year')
      .set(auth())
      .send({ organization: 'P002', year: YEAR - 1, report: lastYear });
    expect(res.status).toBe(200);
    expect(res.body.data.entered).toMatchObject({ source: 'import', year: YEAR - 1 });

    res = await post('/disclosure/annual-reports/generate', { organization: 'P002', year: YEAR });
    const { validation } = res.body.data;
    expect(validation.previousReport).toMatchObject({ source: 'entered', year: YEAR - 1 });
    // this year carries in nothing, last year carried out 4: the carry-over rule says so
    expect(validation.failures.map((f: any) => f.ruleId)).toEqual(expect.arrayContaining(['applications.carry-over', 'proactive.in-force-continuity']));

    // a 同比 figure in the prose is checked against them
    const documentId = res.body.data.documentId;
    await completeProse(app.strapi, documentId);
    const problems = [{ type: 'paragraph', children: [{ type: 'text', text: '本年度结转下年度继续办理0件，同比增长50%。' }] }];
    const put = await request(app.server).put(`${CM}/${documentId}`).query({ locale: 'zh-Hans' }).set(auth()).send({ problems });
    expect(put.status).toBe(200);
    expect((await draftOf(documentId)).validation.prose.findings).toEqual([expect.objectContaining({ kind: 'year-on-year', expected: -100 })]);

    // the small form: numbers for the rows the rules read
    res = await request(app.server)
      .put('/disclosure/annual-reports/previous-year')
      .set(auth())
      .send({ organization: 'P002', year: YEAR - 1, tables: { applications: { carriedOut: { naturalPerson: 0, total: 0 } } } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.missing).toEqual(expect.arrayContaining(['applications.carriedOut.commercial', 'proactive.regulations.inForce']));
    const zeros = { naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 };
    res = await request(app.server)
      .put('/disclosure/annual-reports/previous-year')
      .set(auth())
      .send({
        organization: 'P002',
        year: YEAR - 1,
        tables: { applications: { carriedOut: zeros }, proactive: { regulations: { inForce: 0 }, normativeDocuments: { inForce: 0 } } },
      });
    expect(res.body.data.entered.source).toBe('form');
    res = await request(app.server)
      .get('/disclosure/annual-reports/previous-year')
      .query({ organization: 'P002', year: YEAR - 1 })
      .set(auth());
    expect(res.body.data.entered.tables.applications.carriedOut.total).toBe(0);
    res = await post('/disclosure/annual-reports/generate', { organization: 'P002', year: YEAR });
    expect(res.body.data.validation.failures.map((f: any) => f.ruleId)).not.toContain('applications.carry-over');
  });

  it('is refused when that year’s report is in the system: the report is used', async () => {
    const res = await request(app.server)
      .put('/disclosure/annual-reports/previous-year')
      .set(auth())
      .send({ organization: 'P002', year: YEAR, tables: { applications: { carriedOut: { total: 1 } } } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('已在系统中');
  });
});
