import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

const UID = 'api::disclosure-application.disclosure-application';
const APPS = `/content-manager/collection-types/${UID}`;
const CASES = '/content-manager/collection-types/api::review-case.review-case';
let app: TestApp;
let token: string;
let orgId: string;
let otherOrgId: string;

const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
const post = (path: string, body: object) => auth(request(app.server).post(path)).send(body);
const put = (path: string, body: object) => auth(request(app.server).put(path)).send(body);
const get = (path: string, query: object = {}) => auth(request(app.server).get(path)).query(query);

const application = (extra: object = {}, org = orgId) => ({
  organization: { connect: [{ documentId: org }] },
  applicantType: 'naturalPerson',
  applicantName: '王五',
  channel: 'online',
  receivedDate: '2025-09-26',
  requestedContent: '申请公开某项目的批复文件',
  ...extra,
});

async function create(extra: object = {}, org = orgId) {
  const res = await post(APPS, application(extra, org));
  expect(res.status).toBe(201);
  return res.body.data;
}

function expectField(res: request.Response, field: string) {
  expect(res.status).toBe(400);
  const paths = (res.body.error.details?.errors ?? []).map((e: any) => e.path.join('.'));
  expect(paths).toContain(field);
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  const orgs = app.strapi.documents('api::organization.organization');
  orgId = (await orgs.create({ locale: 'zh-Hans', data: { name: '流程镇人民政府', code: '430381198', level: 'township' } as any })).documentId;
  otherOrgId = (await orgs.create({ locale: 'zh-Hans', data: { name: '另一镇人民政府', code: '430381197', level: 'township' } as any })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('workflow', () => {
  it('stores the due date on creation and records the creation as an event by the admin user', async () => {
    const a = await create();
    // 2025-09-26 (Fri) + 20 working days: 9/28 (make-up Sunday), 9/29, 9/30, National Day 10/1–10/8 off,
    // 10/9, 10/10, 10/11 (make-up Saturday), then 10/13 … 10/30.
    expect(a.dueDate).toBe('2025-10-30');
    expect(a.dueDateProvisional).toBe(false);
    // 7 working days for asking a correction: 9/28, 9/29, 9/30, 10/9, 10/10, 10/11, 10/13
    expect(a.correctionLimit).toBe('2025-10-13');
    const events = await get(`/disclosure/applications/${a.documentId}/events`);
    expect(events.status).toBe(200);
    expect(events.body.data).toEqual([expect.objectContaining({ action: 'created', toStatus: 'received', actorName: 'Test Admin' })]);
  });

  it('refuses an illegal transition with 400 naming the current and the allowed statuses', async () => {
    const a = await create();
    expect((await put(`${APPS}/${a.documentId}`, { applicationStatus: 'awaiting-correction', correctionRequestedDate: '2025-09-30' })).status).toBe(200);
    const res = await put(`${APPS}/${a.documentId}`, { applicationStatus: 'consulting' });
    expectField(res, 'applicationStatus');
    expect(res.body.error.message).toContain('awaiting-correction');
    expect(res.body.error.message).toContain('"received", "closed"');
    expect(res.body.error.details).toMatchObject({ currentStatus: 'awaiting-correction', allowedStatuses: ['received', 'closed'] });
    // the same rule on the Document Service path (scripts, other plugins)
    await expect(app.strapi.documents(UID).update({ documentId: a.documentId, data: { applicationStatus: 'extended' } as any })).rejects.toThrow(
      /awaiting-correction/,
    );
    const row = await app.strapi.db.query(UID).findOne({ where: { documentId: a.documentId } });
    expect(row.applicationStatus).toBe('awaiting-correction');
  });

  it('restarts the period from the correction, extends with approver and reason, and keeps every step as an event', async () => {
    const a = await create();
    const id = a.documentId;
    const waiting = await put(`${APPS}/${id}`, {
      applicationStatus: 'awaiting-correction',
      correctionRequestedDate: '2025-09-30',
      statusNote: '请补正申请内容',
    });
    expect(waiting.status).toBe(200);
    expect(waiting.body.data.dueDate).toBeNull();
    const back = await put(`${APPS}/${id}`, { applicationStatus: 'received', correctionReceivedDate: '2025-10-09', statusNote: '补正已到' });
    expect(back.status).toBe(200);
    // 2025-10-09 + 20: 10/10, 10/11 (make-up Saturday), 10/13 … 11/5
    expect(back.body.data.dueDate).toBe('2025-11-05');
    expectField(await put(`${APPS}/${id}`, { applicationStatus: 'extended', extensionWorkingDays: 5, extensionReason: '需要调档' }), 'extensionApprover');
    expectField(await put(`${APPS}/${id}`, { applicationStatus: 'extended' }), 'extensionWorkingDays');
    expectField(
      await put(`${APPS}/${id}`, { applicationStatus: 'extended', extensionWorkingDays: 21, extensionApprover: '李主任', extensionReason: '需要调档' }),
      'extensionWorkingDays',
    );
    const extended = await put(`${APPS}/${id}`, {
      applicationStatus: 'extended',
      extensionWorkingDays: 5,
      extensionApprover: '李主任',
      extensionReason: '需要调档',
      extensionApprovedDate: '2025-11-03',
    });
    expect(extended.status).toBe(200);
    expect(extended.body.data.dueDate).toBe('2025-11-12');

    const due = await get(`/disclosure/applications/${id}/due-date`);
    expect(due.status).toBe(200);
    expect(due.body.data).toMatchObject({ dueDate: '2025-11-12', baseDueDate: '2025-11-05', provisional: false });
    const kinds = due.body.data.explanation.map((s: any) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['received', 'correction-requested', 'correction-received', 'calendar', 'extension', 'result']));
    expect(due.body.data.explanation.every((s: any) => s.zh && s.en)).toBe(true);

    const answered = await put(`${APPS}/${id}`, { applicationStatus: 'answered', outcome: 'granted', answeredDate: '2025-11-10' });
    expect(answered.status).toBe(200);
    expectField(await put(`${APPS}/${id}`, { outcome: 'partlyGranted' }), 'outcome');
    expectField(await put(`${APPS}/${id}`, { applicationStatus: 'closed', outcome: 'other.other' }), 'applicationStatus');

    const events = (await get(`/disclosure/applications/${id}/events`)).body.data;
    expect(events.map((e: any) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'received'],
      ['transition', 'received', 'awaiting-correction'],
      ['transition', 'awaiting-correction', 'received'],
      ['transition', 'received', 'extended'],
      ['transition', 'extended', 'answered'],
    ]);
    expect(events[2].note).toBe('补正已到');
    expect(events.every((e: any) => e.actorName === 'Test Admin' && e.occurredAt)).toBe(true);
  });

  it('deletes the events of a deleted application', async () => {
    const a = await create({ statusNote: '来电补充说明' });
    expect(await app.strapi.db.query('plugin::disclosure.application-event' as any).count({ where: { applicationDocumentId: a.documentId } })).toBe(1);
    expect((await auth(request(app.server).delete(`${APPS}/${a.documentId}`))).status).toBe(200);
    expect(await app.strapi.db.query('plugin::disclosure.application-event' as any).count({ where: { applicationDocumentId: a.documentId } })).toBe(0);
  });

  it('only lets other.noCorrection close an application awaiting correction', async () => {
    const a = await create();
    expectField(await put(`${APPS}/${a.documentId}`, { applicationStatus: 'closed', outcome: 'other.noCorrection' }), 'outcome');
    expect((await put(`${APPS}/${a.documentId}`, { applicationStatus: 'awaiting-correction', correctionRequestedDate: '2025-09-29' })).status).toBe(200);
    expect((await put(`${APPS}/${a.documentId}`, { applicationStatus: 'closed', outcome: 'other.noCorrection', answeredDate: '2025-11-20' })).status).toBe(200);
  });

  it('excludes consultation periods', async () => {
    // consultation sent 9/29, answered 10/10: 9/30, 10/9 and 10/10 are not counted → 3 working days after 10/30
    const a = await create({ consultations: [{ kind: 'third-party', startDate: '2025-09-29', endDate: '2025-10-10' }] });
    expect(a.dueDate).toBe('2025-11-04');
    expectField(await post(APPS, application({ consultations: [{ kind: 'neighbour', startDate: '2025-09-29' }] })), 'consultations');
  });

  it('links review cases to their application and its organization', async () => {
    const a = await create();
    const res = await post(CASES, {
      application: { connect: [{ documentId: a.documentId }] },
      kind: 'review',
      filedDate: '2025-12-01',
      caseNumber: '湘复〔2025〕9号',
    });
    expect(res.status).toBe(201);
    const stored = await app.strapi.db.query('api::review-case.review-case').findOne({
      where: { documentId: res.body.data.documentId },
      populate: { organization: true, application: true },
    });
    expect(stored.organization.documentId).toBe(orgId);
    expect(stored.application.documentId).toBe(a.documentId);
    const view = await get('/disclosure/applications/officer-view', { today: '2025-10-20', organization: orgId });
    const rows = Object.values(view.body.data.groups).flat() as any[];
    expect(rows.find((r) => r.documentId === a.documentId).reviewCases).toEqual([expect.objectContaining({ caseNumber: '湘复〔2025〕9号', kind: 'review' })]);
  });
});

describe('calendar', () => {
  it('flags a due date in an unknown year as provisional and names the year; declaring the year complete fixes it', async () => {
    // No receipt date may lie in the future: an extension carries the period from December into 2027.
    const a = await create({
      receivedDate: '2026-12-01',
      applicationStatus: 'extended',
      extensionWorkingDays: 20,
      extensionApprover: '王主任',
      extensionReason: '需要调档',
      extensionApprovedDate: '2026-12-02',
    });
    expect(a.dueDateProvisional).toBe(true);
    expect(a.missingCalendarYears).toEqual([2027]);
    const due = await get(`/disclosure/applications/${a.documentId}/due-date`);
    expect(due.body.data.calendarNotice.zh).toContain('2027');
    expect(due.body.data.explanation).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'unknown-year', year: 2027 })]));
    await app.strapi.documents('plugin::disclosure.calendar-year' as any).create({ data: { year: 2027, complete: true } as any });
    const row = await app.strapi.db.query(UID).findOne({ where: { documentId: a.documentId } });
    expect(row.dueDateProvisional).toBe(false);
    expect((await get(`/disclosure/applications/${a.documentId}/due-date`)).body.data.provisional).toBe(false);
  });

  it('lets an override win over chinese-days, seen on the next computation and stored on open applications', async () => {
    // 2025-03-03 (Mon) + 20 working days = 2025-03-31
    const a = await create({ receivedDate: '2025-03-03' });
    expect(a.dueDate).toBe('2025-03-31');
    const res = await post('/content-manager/collection-types/plugin::disclosure.calendar-override', {
      date: '2025-03-31',
      kind: 'holiday',
      note: '测试：临时放假',
    });
    expect(res.status).toBe(201);
    const due = await get(`/disclosure/applications/${a.documentId}/due-date`);
    expect(due.body.data.dueDate).toBe('2025-04-01');
    expect(due.body.data.explanation).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'calendar', reason: 'override-holiday', from: '2025-03-31' })]),
    );
    const row = await app.strapi.db.query(UID).findOne({ where: { documentId: a.documentId } });
    expect(row.dueDate).toBe('2025-04-01');
    // duplicate date refused
    expect((await post('/content-manager/collection-types/plugin::disclosure.calendar-override', { date: '2025-03-31', kind: 'workday' })).status).toBe(400);
    await app.strapi.documents('plugin::disclosure.calendar-override' as any).delete({ documentId: res.body.data.documentId });
    expect((await get(`/disclosure/applications/${a.documentId}/due-date`)).body.data.dueDate).toBe('2025-03-31');
  });
});

describe("officer's view", () => {
  it('groups open applications by due date with counts per organization, filtered by organization and status', async () => {
    const mine = await create({}, otherOrgId); // due 2025-10-30
    const consulting = await create(
      { receivedDate: '2025-10-20', applicationStatus: 'consulting', consultations: [{ kind: 'co-producer', startDate: '2025-10-21' }] },
      otherOrgId,
    );
    const view = async (today: string, query: object = {}) =>
      (await get('/disclosure/applications/officer-view', { today, organization: otherOrgId, ...query })).body.data;
    const group = (v: any, documentId: string) => Object.entries(v.groups).find(([, rows]: any) => rows.some((r: any) => r.documentId === documentId))?.[0];
    expect(group(await view('2025-10-20'), mine.documentId)).toBe('onTime');
    expect(group(await view('2025-10-28'), mine.documentId)).toBe('dueSoon');
    expect(group(await view('2025-10-30'), mine.documentId)).toBe('dueSoon');
    const late = await view('2025-10-31');
    expect(group(late, mine.documentId)).toBe('overdue');
    expect(late.counts).toEqual([expect.objectContaining({ organization: expect.objectContaining({ code: '430381197' }), total: 2, overdue: 1 })]);
    const row = late.groups.overdue.find((r: any) => r.documentId === mine.documentId);
    expect(row).toMatchObject({ dueDate: '2025-10-30', applicationStatus: 'received' });
    expect(row.explanation.length).toBeGreaterThan(2);
    const onlyConsulting = await view('2025-10-31', { status: 'consulting' });
    expect(
      Object.values(onlyConsulting.groups)
        .flat()
        .map((r: any) => r.documentId),
    ).toEqual([consulting.documentId]);
    expect(JSON.stringify(late)).not.toContain('王五');
  });

  it('needs an admin login', async () => {
    expect((await request(app.server).get('/disclosure/applications/officer-view')).status).toBe(401);
  });
});

describe('fees', () => {
  it('computes the 信息处理费 through the admin route', async () => {
    const fee = async (body: object) => post('/disclosure/fees/calculate', body);
    expect((await fee({ method: 'per-page', pages: 30 })).body.data.yuan).toBe(0);
    expect((await fee({ method: 'per-page', pages: 31 })).body.data.yuan).toBe(10);
    expect((await fee({ method: 'per-page', pages: 101 })).body.data.yuan).toBe(720);
    expect((await fee({ method: 'per-request', requestNumberInMonth: 10 })).body.data.yuan).toBe(0);
    expect((await fee({ method: 'per-request', requestNumberInMonth: 11 })).body.data.yuan).toBe(100);
    expect((await fee({ method: 'per-request', requestNumberInMonth: 31 })).body.data.yuan).toBe(200);
    expect((await fee({ method: 'per-page', pages: 40, requestNumberInMonth: 11 })).status).toBe(400);
    expect((await fee({ method: 'per-page', pages: 0 })).status).toBe(400);
  });

  it('validates a recorded fee against the calculator, per request or per page, never both', async () => {
    const a = await create();
    const id = a.documentId;
    const ok = await put(`${APPS}/${id}`, { feeMethod: 'per-page', feePages: 101 });
    expect(ok.status).toBe(200);
    expect(Number(ok.body.data.feeYuan)).toBe(720);
    expectField(await put(`${APPS}/${id}`, { feeMethod: 'per-page', feePages: 101, feeYuan: 700 }), 'feeYuan');
    expectField(await put(`${APPS}/${id}`, { feeMethod: 'per-page', feePages: 101, feeRequestNumberInMonth: 12 }), 'feeRequestNumberInMonth');
    expectField(await put(`${APPS}/${id}`, { feeMethod: 'per-request', feePages: null }), 'feeRequestNumberInMonth');
    expectField(await put(`${APPS}/${id}`, { feeMethod: 'none', feePages: null, feeYuan: 50 }), 'feeYuan');
    const perRequest = await put(`${APPS}/${id}`, { feeMethod: 'per-request', feePages: null, feeRequestNumberInMonth: 11, feeYuan: 100 });
    expect(perRequest.status).toBe(200);
  });

  it('records when a fee was paid: only with a fee, never on an application closed as unpaid', async () => {
    const a = await create();
    const id = a.documentId;
    expectField(await put(`${APPS}/${id}`, { feePaidDate: '2026-01-05' }), 'feePaidDate');
    const paid = await put(`${APPS}/${id}`, { feeMethod: 'per-page', feePages: 40, feePaidDate: a.receivedDate });
    expect(paid.status).toBe(200);
    expect(paid.body.data.feePaidDate).toBe(a.receivedDate);
    const unpaid = await put(`${APPS}/${id}`, { applicationStatus: 'closed', outcome: 'other.feeUnpaid', answeredDate: a.receivedDate });
    expectField(unpaid, 'feePaidDate');
    expect(unpaid.body.error.message).toMatch(/逾期未缴纳/);
  });
});
