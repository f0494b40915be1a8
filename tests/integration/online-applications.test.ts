/**
 * 网上申请: a citizen applies on the portal's route, follows it with the tracking number and query code, answers a
 * correction; the office confirms the receipt (Art. 31(3)), extends, answers with a document or dismisses what
 * is not an application. Personal data never reaches the lookup; files never reach a public URL; limits hold.
 */
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

const UID = 'api::disclosure-application.disclosure-application';
const BASE = '/api/disclosure/online-applications';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let app: TestApp;
let token: string;
let org: { documentId: string; code: string };
let closedOrg: string;

const form = (over: Record<string, unknown> = {}) => ({
  organization: org.documentId,
  applicantType: 'naturalPerson',
  applicantName: '王网申',
  idType: 'resident-id',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  email: 'wang.wangshen@example.cn',
  deliveryMethod: 'email',
  medium: 'electronic',
  requestedContent: '请公开壶天镇2026年农村危房改造补助对象名单及补助标准',
  requestedTitle: '农村危房改造补助名单',
  consent: true,
  ...over,
});
const submit = (body: Record<string, unknown>) => request(app.server).post(BASE).send(body);
const lookup = (trackingNumber: string, queryCode: string) => request(app.server).post(`${BASE}/lookup`).send({ trackingNumber, queryCode });
const admin = {
  post: (p: string, body: object = {}) => request(app.server).post(p).set('Authorization', `Bearer ${token}`).send(body),
  put: (p: string, body: object) => request(app.server).put(p).set('Authorization', `Bearer ${token}`).send(body),
  get: (p: string) => request(app.server).get(p).set('Authorization', `Bearer ${token}`),
};
const row = (trackingNumber: string) => app.strapi.db.query(UID as any).findOne({ where: { trackingNumber } });
const setLimits = (limits: Record<string, unknown>) => app.strapi.config.set('plugin::disclosure.onlineLimits', limits);
const PERSONAL = ['王网申', '11010519491231002X', '13912345678', 'wang.wangshen@example.cn'];

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  const docs = app.strapi.documents;
  const created = await docs('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '网申测试镇人民政府', code: '997001', level: 'township' } as any,
  });
  org = { documentId: created.documentId, code: '997001' };
  closedOrg = (
    await docs('api::organization.organization').create({
      locale: 'zh-Hans',
      data: { name: '不受理网申的局', code: '997002', level: 'department', acceptsOnlineApplications: false } as any,
    })
  ).documentId;
  // the routes' own limits are tested below; the other cases come from one address
  setLimits({ attempts: { hits: 1000 }, perClient: { hits: 1000 }, lookupsPerClient: { hits: 1000 }, lookupsPerNumber: { hits: 1000 } });
});
afterAll(async () => {
  await app?.stop();
});

describe('网上申请', () => {
  it('says in the admin that notifications are off when no SMTP server is configured', async () => {
    expect((await admin.get('/disclosure/online/notifications')).body.data).toEqual({ enabled: false });
  });

  it('offers the organizations that take applications online and the form’s choices, in either script', async () => {
    const res = await request(app.server).get(`${BASE}/form`);
    expect(res.status).toBe(200);
    const ids = res.body.data.organizations.map((o: any) => o.documentId);
    expect(ids).toContain(org.documentId);
    expect(ids).not.toContain(closedOrg);
    expect(res.body.data.choices.applicantType.map((c: any) => c.code)).toEqual([
      'naturalPerson',
      'commercial',
      'research',
      'socialWelfare',
      'legalService',
      'otherOrg',
    ]);
    const hant = await request(app.server).get(`${BASE}/form`).query({ locale: 'zh-Hant' });
    expect(hant.body.data.choices.idType.find((c: any) => c.code === 'resident-id').label).toBe('居民身份證');
    expect((await request(app.server).get(`${BASE}/form`).query({ locale: 'xx' })).status).toBe(400);
  });

  it('refuses a wrong ID or credit code, naming the field in Chinese first, and stores nothing', async () => {
    const before = await app.strapi.db.query(UID as any).count();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ idNumber: '110105194912310021' }, 'idNumber', /^居民身份证号码的校验位不正确/],
      [{ applicantType: 'commercial', idType: 'uscc', idNumber: '91350100M000100Y44' }, 'idNumber', /^统一社会信用代码的校验位不正确/],
      [{ applicantType: 'commercial' }, 'idType', /^法人或者其他组织申请的/],
      [{ idType: 'uscc', idNumber: '91350100M000100Y43' }, 'idType', /^公民申请的/],
      [{ organization: closedOrg }, 'organization', /^所选机关不存在或不受理网上申请/],
      [{ website: 'http://buy.example' }, 'website', /^提交未通过校验/],
      [{ consent: false }, 'consent', /^请阅读并同意/],
    ];
    for (const [over, field, message] of cases) {
      const res = await submit(form(over));
      expect([res.status, res.body.error.details.errors[0].path[0]]).toEqual([400, field]);
      expect(res.body.error.details.errors[0].message).toMatch(message);
      expect(res.body.error.message).toMatch(/ \/ /);
    }
    // from a Traditional page, the problem is named in Traditional
    const hant = await submit(form({ idNumber: '110105194912310021', locale: 'zh-Hant' }));
    expect(hant.body.error.details.errors[0].message).toMatch(/^居民身份證號碼的校驗位不正確/);
    // an organization applicant with a right 统一社会信用代码 is accepted
    const company = await submit(form({ applicantType: 'commercial', applicantName: '湘乡某建材有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' }));
    expect(company.status).toBe(201);
    expect(await app.strapi.db.query(UID as any).count()).toBe(before + 1);
  });

  it('walks the whole path: submitted, received on the confirmation day, correction online, extended, answered with a document', async () => {
    const sent = await submit(form());
    expect(sent.status).toBe(201);
    const { trackingNumber, queryCode } = sent.body.data;
    expect(trackingNumber).toMatch(/^997001-YSQ-2026-\d{5}$/);
    expect(queryCode).toMatch(/^[2-9A-Z]{12}$/);
    const stored = await row(trackingNumber);
    expect(stored).toMatchObject({
      channel: 'online',
      applicationStatus: 'submitted',
      receivedDate: null,
      dueDate: null,
      applicantIdNumber: '11010519491231002X',
    });
    expect(stored.queryCodeHash).not.toContain(queryCode);

    // the applicant sees the progress, never the personal data; a wrong code reads like an unknown number
    const hant = await request(app.server).post(`${BASE}/lookup`).send({ trackingNumber, queryCode, locale: 'zh-Hant' });
    expect(hant.body.data.statusLabel.zh).toBe('待處理');
    const seen = await lookup(trackingNumber, queryCode.toLowerCase());
    expect(seen.status).toBe(200);
    expect(seen.body.data).toMatchObject({ trackingNumber, status: 'submitted', receivedDate: null, dueDate: null, organization: '网申测试镇人民政府' });
    for (const value of PERSONAL) expect(JSON.stringify(seen.body)).not.toContain(value);
    const wrong = await lookup(trackingNumber, 'ABCDEFGHJKMN');
    const unknown = await lookup('997001-YSQ-2026-99999', queryCode);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body).toEqual(unknown.body);

    // Art. 31(3): submitted on the evening of 中秋 (Friday 2026-09-25), confirmed on Monday 09-28: received 09-28.
    await app.strapi.db.query(UID as any).update({ where: { id: stored.id }, data: { submittedAt: new Date('2026-09-25T12:00:00Z') } });
    expect((await admin.post(`/disclosure/applications/${stored.documentId}/confirm-receipt`, { receivedDate: '2026-09-24' })).status).toBe(400);
    const confirmed = await admin.post(`/disclosure/applications/${stored.documentId}/confirm-receipt`, { receivedDate: '2026-09-28' });
    expect(confirmed.status).toBe(200);
    // 20 working days from 09-28, by hand: 09-29, 09-30, (国庆 10-01…07), 10-08, 10-09, 10-10 (调休上班), 10-12 … 10-30
    expect(confirmed.body.data).toMatchObject({ applicationStatus: 'received', receivedDate: '2026-09-28', dueDate: '2026-10-30' });
    expect((await admin.post(`/disclosure/applications/${stored.documentId}/confirm-receipt`)).status).toBe(400);
    expect((await lookup(trackingNumber, queryCode)).body.data).toMatchObject({ status: 'received', receivedDate: '2026-09-28', dueDate: '2026-10-30' });

    // the officer asks for a correction in the content manager; the applicant answers it on the lookup page
    const cm = `/content-manager/collection-types/${UID}/${stored.documentId}`;
    const asked = await admin.put(cm, {
      applicationStatus: 'awaiting-correction',
      correctionRequestedDate: '2026-09-30',
      correctionAnswerBy: '2026-10-23',
      correctionRequest: '请写明所需名单的村别',
    });
    expect(asked.status).toBe(200);
    const waiting = (await lookup(trackingNumber, queryCode)).body.data;
    expect(waiting.correction).toMatchObject({ request: '请写明所需名单的村别', answerBy: '2026-10-23', awaiting: true });
    expect(waiting.dueDate).toBeNull();
    const answered = await request(app.server)
      .post(`${BASE}/correction`)
      .field('trackingNumber', trackingNumber)
      .field('queryCode', queryCode)
      .field('text', '需要长塘村、壶天村两个村的名单')
      .attach('file', PDF, '补正说明.pdf');
    expect(answered.status).toBe(200);
    expect(answered.body.data.status).toBe('received');
    expect(answered.body.data.correction).toMatchObject({ awaiting: false, files: [expect.objectContaining({ name: '补正说明.pdf' })] });
    const corrected = await row(trackingNumber);
    expect(corrected.correctionReceivedDate).toEqual(expect.any(String));
    expect(corrected.correctionReply).toBe('需要长塘村、壶天村两个村的名单');
    expect(corrected.dueDate).not.toBe('2026-10-30');
    expect((await request(app.server).post(`${BASE}/correction`).send({ trackingNumber, queryCode, text: '再补一次' })).status).toBe(400);

    // extended, then answered with a reply document the applicant downloads
    const extended = await admin.put(cm, {
      applicationStatus: 'extended',
      extensionWorkingDays: 20,
      extensionApprover: '办公室主任',
      extensionReason: '涉及多个村，需要汇总核实',
      extensionApprovedDate: corrected.correctionReceivedDate,
    });
    expect(extended.status).toBe(200);
    expect((await lookup(trackingNumber, queryCode)).body.data.extension).toMatchObject({ workingDays: 20, reason: '涉及多个村，需要汇总核实' });
    const reply = await request(app.server)
      .post(`/disclosure/applications/${stored.documentId}/files`)
      .set('Authorization', `Bearer ${token}`)
      .attach('file', PDF, '政府信息公开申请答复书.pdf');
    expect(reply.status).toBe(201);
    const done = await admin.put(cm, { applicationStatus: 'answered', outcome: 'granted', answerText: '现将名单提供给您，详见答复书。' });
    expect(done.status).toBe(200);
    const final = (await lookup(trackingNumber, queryCode)).body.data;
    expect(final.extension).toMatchObject({ workingDays: 20, reason: '涉及多个村，需要汇总核实' });
    expect(final.answer).toMatchObject({ outcome: 'granted', outcomeLabel: expect.stringMatching(/予以公开/), text: '现将名单提供给您，详见答复书。' });
    const hantAnswer = (await request(app.server).post(`${BASE}/lookup`).send({ trackingNumber, queryCode, locale: 'zh-Hant' })).body.data;
    expect([hantAnswer.answer.text, hantAnswer.answer.outcomeLabel]).toEqual(['現將名單提供給您，詳見答覆書。', expect.stringMatching(/予以公開/)]);
    const [replyFile] = final.answer.files;
    const download = await request(app.server)
      .post(`${BASE}/file`)
      .send({ trackingNumber, queryCode, fileId: replyFile.id })
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(Buffer.compare(download.body, PDF)).toBe(0);
    // the applicant's own correction file is not served back through the reply route, nor with a wrong code
    const correctionFile = final.correction.files[0];
    expect((await request(app.server).post(`${BASE}/file`).send({ trackingNumber, queryCode, fileId: correctionFile.id })).status).toBe(404);
    expect((await request(app.server).post(`${BASE}/file`).send({ trackingNumber, queryCode: 'ABCDEFGHJKMN', fileId: replyFile.id })).status).toBe(404);
    expect(final.history.map((h: any) => h.status)).toEqual(['submitted', 'received', 'awaiting-correction', 'received', 'extended', 'answered']);
  });

  it('keeps attachments private: in the database, not under public/uploads, not in the media library, not without an admin', async () => {
    const sent = await request(app.server)
      .post(BASE)
      .field({ ...form(), consent: 'true' } as any)
      .attach('file', PDF, '身份证复印件.pdf');
    expect(sent.status).toBe(201);
    const stored = await row(sent.body.data.trackingNumber);
    const uploads = path.join(__dirname, '../../public/uploads');
    const names = fs.existsSync(uploads) ? fs.readdirSync(uploads) : [];
    expect(names.filter((n) => n.includes('身份证'))).toEqual([]);
    expect(await app.strapi.db.query('plugin::upload.file').count({ where: { name: { $contains: '身份证' } } })).toBe(0);
    const files = `/disclosure/applications/${stored.documentId}/files`;
    expect((await request(app.server).get(files)).status).toBe(401);
    const listed = await admin.get(files);
    expect(listed.body.data).toEqual([expect.objectContaining({ purpose: 'applicant', name: '身份证复印件.pdf', mime: 'application/pdf', size: PDF.length })]);
    expect((await request(app.server).get(`${files}/${listed.body.data[0].id}`)).status).toBe(401);
    const fetched = await admin.get(`${files}/${listed.body.data[0].id}`);
    expect([fetched.status, fetched.headers['content-type']]).toEqual([200, 'application/pdf']);
    // the applicant sees its name only
    const seen = (await lookup(sent.body.data.trackingNumber, sent.body.data.queryCode)).body.data;
    expect(seen.attachments).toEqual([expect.objectContaining({ name: '身份证复印件.pdf' })]);
    expect(
      (
        await request(app.server)
          .post(`${BASE}/file`)
          .send({ ...sent.body.data, fileId: listed.body.data[0].id })
      ).status,
    ).toBe(404);
    // type by content, size bounded
    const text = await request(app.server)
      .post(BASE)
      .field({ ...form(), consent: 'true' } as any)
      .attach('file', Buffer.from('not a pdf'), 'x.pdf');
    expect([text.status, text.body.error.details.errors[0].path[0]]).toEqual([400, 'file']);
    app.strapi.config.set('plugin::disclosure.onlineAttachment', { maxBytes: 10 });
    const big = await request(app.server)
      .post(BASE)
      .field({ ...form(), consent: 'true' } as any)
      .attach('file', PDF, 'big.pdf');
    app.strapi.config.set('plugin::disclosure.onlineAttachment', { maxBytes: 5 * 1024 * 1024 });
    expect([big.status, big.body.error.message]).toEqual([400, expect.stringMatching(/^附件不能超过/)]);
  });

  it('dismisses what is not an application, with its reason; Table 3 counts the confirmed online application and not the dismissed one', async () => {
    const spam = (await submit(form({ requestedContent: '低价出售建材，欢迎来电', applicantName: '推销员' }))).body.data;
    const stored = await row(spam.trackingNumber);
    expect((await admin.post(`/disclosure/applications/${stored.documentId}/dismiss`, {})).status).toBe(400);
    const dismissed = await admin.post(`/disclosure/applications/${stored.documentId}/dismiss`, { reason: '广告，不是政府信息公开申请' });
    expect(dismissed.status).toBe(200);
    expect((await lookup(spam.trackingNumber, spam.queryCode)).body.data).toMatchObject({
      status: 'dismissed',
      dismissal: { reason: '广告，不是政府信息公开申请' },
    });
    expect((await admin.post(`/disclosure/applications/${stored.documentId}/confirm-receipt`)).status).toBe(400);

    const { tables } = await app.strapi.plugin('disclosure').service('stats').organizationYear({ organization: org.code, year: 2026 });
    const a = tables.applications as any;
    // received this year: the walked application (natural person) — not the unconfirmed ones, not the dismissed one
    expect(a.received.naturalPerson).toBe(1);
    expect(a.received.commercial).toBe(0);
    expect(a.received.total).toBe(1);
  });

  it('limits submissions and lookups per client and per tracking number, in the database', async () => {
    const sent = (await submit(form())).body.data;
    setLimits({ attempts: { hits: 1000 }, perClient: { hits: 1000 }, lookupsPerClient: { hits: 1000 }, lookupsPerNumber: { hits: 3 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await lookup(sent.trackingNumber, i === 3 ? sent.queryCode : 'ABCDEFGHJKMN')).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    setLimits({ attempts: { hits: 1000 }, perClient: { hits: 0 }, lookupsPerClient: { hits: 1000 }, lookupsPerNumber: { hits: 1000 } });
    const before = await app.strapi.db.query(UID as any).count();
    const refused = await submit(form());
    expect([refused.status, refused.headers['retry-after']]).toEqual([429, '3600']);
    expect(refused.body.error.message).toMatch(/^操作过于频繁/);
    expect(await app.strapi.db.query(UID as any).count()).toBe(before);
    setLimits({ attempts: { hits: 1000 }, perClient: { hits: 1000 }, lookupsPerClient: { hits: 1000 }, lookupsPerNumber: { hits: 1000 } });
  });
});
