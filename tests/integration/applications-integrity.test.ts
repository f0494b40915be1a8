import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { HEADERS } from '../../src/plugins/disclosure/server/src/modules/applications/import/columns';
import { shanghaiDate } from '../../src/plugins/disclosure/server/src/core/working-days/calendar-date';

/** Integrity rules an officer cannot bend, through the content manager and through the import. */
const UID = 'api::disclosure-application.disclosure-application';
const APPS = `/content-manager/collection-types/${UID}`;
let app: TestApp;
let token: string;
let orgId: string;
const today = shanghaiDate();
const tomorrow = (() => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})();

const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
const post = (body: object) => auth(request(app.server).post(APPS)).send(body);
const put = (id: string, body: object) => auth(request(app.server).put(`${APPS}/${id}`)).send(body);
const application = (extra: object = {}) => ({ organization: orgId, applicantType: 'naturalPerson', channel: 'online', receivedDate: '2025-09-26', ...extra });

/** 400, naming the field, with a Chinese message and an English one. */
function refused(res: request.Response, field: string, pattern?: RegExp) {
  expect(res.status).toBe(400);
  expect((res.body.error.details?.errors ?? []).map((e: any) => e.path.join('.'))).toContain(field);
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
  if (pattern) expect(res.body.error.message).toMatch(pattern);
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  orgId = (
    await app.strapi
      .documents('api::organization.organization')
      .create({ locale: 'zh-Hans', data: { name: '校验镇人民政府', code: '430381197', level: 'township' } as any })
  ).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('through the content manager', () => {
  it('refuses a receipt date or an answer date in the future', async () => {
    refused(await post(application({ receivedDate: tomorrow })), 'receivedDate', /不能晚于今天.*cannot be in the future/);
    refused(await post(application({ applicationStatus: 'answered', outcome: 'granted', answeredDate: tomorrow })), 'answeredDate', /不能晚于今天/);
    const a = (await post(application())).body.data;
    refused(await put(a.documentId, { applicationStatus: 'answered', outcome: 'granted', answeredDate: tomorrow }), 'answeredDate');
  });

  it('says that 2026-02-30 does not exist, not that it is missing', async () => {
    refused(await post(application({ receivedDate: '2026-02-30' })), 'receivedDate', /日期不存在.*does not exist/);
  });

  it('refuses an extension approved after the original due date: the application stays overdue', async () => {
    // Received Fri 2025-09-26: the 20th working day is 2025-10-30.
    const a = (await post(application())).body.data;
    const extension = { extensionWorkingDays: 10, extensionApprover: '王主任', extensionReason: '需要调档' };
    refused(
      await put(a.documentId, { applicationStatus: 'extended', ...extension, extensionApprovedDate: '2025-10-31' }),
      'extensionApprovedDate',
      /已逾期.*overdue/,
    );
    const inTime = await put(a.documentId, { applicationStatus: 'extended', ...extension, extensionApprovedDate: '2025-10-30' });
    expect(inTime.status).toBe(200);
    expect(inTime.body.data.dueDate).toBe('2025-11-13');
  });

  it('refuses extension data on an application that is not extended, instead of using it', async () => {
    const extension = { extensionWorkingDays: 10, extensionApprover: '王主任', extensionReason: '需要调档', extensionApprovedDate: '2025-10-20' };
    refused(await post(application(extension)), 'extensionWorkingDays', /已延期.*extended/);
    const a = (await post(application())).body.data;
    refused(await put(a.documentId, extension), 'extensionWorkingDays');
    // once extended and answered, the extension stays on record as its history
    expect((await put(a.documentId, { applicationStatus: 'extended', ...extension })).status).toBe(200);
    expect((await put(a.documentId, { applicationStatus: 'answered', outcome: 'granted', answeredDate: '2025-11-03', ...extension })).status).toBe(200);
  });

  it('flags a correction asked for after the 7-working-day limit, and counts the period from receipt', async () => {
    const a = (await post(application())).body.data;
    const late = await put(a.documentId, { applicationStatus: 'awaiting-correction', correctionRequestedDate: '2025-10-14', correctionAnswerBy: '2025-10-28' });
    expect(late.status).toBe(200);
    expect(late.body.data.dueDate).toBe('2025-10-30'); // as if no correction had been asked for
    const due = await auth(request(app.server).get(`/disclosure/applications/${a.documentId}/due-date`)).query({ today: '2025-10-20' });
    expect(due.body.data.warnings.map((w: any) => w.code)).toEqual(['correction-requested-late']);
    // In time (limit 2025-10-13), the request stops the clock until the correction arrives.
    const b = (await post(application())).body.data;
    const inTime = await put(b.documentId, {
      applicationStatus: 'awaiting-correction',
      correctionRequestedDate: '2025-10-13',
      correctionAnswerBy: '2025-10-27',
    });
    expect(inTime.body.data.dueDate).toBeNull();
  });

  it('lists an application whose applicant let the correction period lapse as ready to close with 逾期不补正', async () => {
    const a = (await post(application())).body.data;
    expect(
      (await put(a.documentId, { applicationStatus: 'awaiting-correction', correctionRequestedDate: '2025-09-29', correctionAnswerBy: '2025-10-20' })).status,
    ).toBe(200);
    const view = (today: string) => auth(request(app.server).get('/disclosure/applications/officer-view')).query({ today, organization: orgId });
    const rowOf = async (t: string) => (Object.values((await view(t)).body.data.groups).flat() as any[]).find((r) => r.documentId === a.documentId);
    expect((await rowOf('2025-10-20')).readyToClose).toBeNull();
    expect((await rowOf('2025-10-21')).readyToClose).toBe('other.noCorrection');
    refused(
      await post(application({ applicationStatus: 'closed', outcome: 'other.noCorrection', answeredDate: '2025-10-25' })),
      'correctionRequestedDate',
      /逾期不补正/,
    );
  });
});

describe('through the import', () => {
  const row = (n: number, extra: Record<string, string> = {}) => {
    const base: Record<string, string> = {
      申请编号: `INT-${n}`,
      机关代码: '430381197',
      申请人类型: '自然人',
      申请方式: '网上申请',
      收到申请日期: '2025-03-04',
      办理状态: '已答复',
      办理结果: 'granted',
      答复日期: '2025-03-20',
      ...extra,
    };
    return HEADERS.map((h) => base[h] ?? '').join(',');
  };

  it('rejects rows whose status, dates and outcome disagree, naming the column, and fills in nothing', async () => {
    const file = Buffer.from(
      [
        HEADERS.join(','),
        row(1),
        row(2, { 答复日期: '' }),
        row(3, { 办理状态: '已终止', 办理结果: 'other.other', 答复日期: '' }),
        row(4, { 办理状态: '已收到', 办理结果: '' }),
        row(5, { 办理状态: '已终止', 办理结果: 'other.noCorrection' }),
        row(6, { 收到申请日期: tomorrow, 答复日期: '', 办理状态: '已收到', 办理结果: '' }),
        row(7, { 答复日期: tomorrow }),
        row(8, { 收到申请日期: '2026-02-30' }),
        row(9, {
          办理状态: '已延期',
          办理结果: '',
          答复日期: '',
          收到申请日期: '2025-09-26',
          延长工作日数: '10',
          延期批准人: '王主任',
          延期理由: '调档',
          延期批准日期: '2025-10-31',
        }),
        row(10, { 办理状态: '已收到', 办理结果: '', 答复日期: '', 延长工作日数: '10', 延期批准人: '王主任', 延期理由: '调档', 延期批准日期: '2025-03-10' }),
      ].join('\n'),
    );
    const res = await auth(request(app.server).post('/disclosure/import')).attach('file', file, 'rows.csv');
    expect(res.status).toBe(202);
    let job: any;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      job = (await auth(request(app.server).get(`/disclosure/import/${res.body.data.id}`))).body.data;
      if (job.state !== 'validating') break;
    }
    expect(job).toMatchObject({ state: 'validated', validRows: 1, rejectedRows: 9 });
    const on = (line: number) => job.rejected.filter((r: any) => r.line === line);
    const columns = (line: number) => on(line).map((r: any) => r.column);
    expect(columns(3)).toEqual(['答复日期']);
    expect(columns(4)).toEqual(['答复日期']);
    expect(columns(5)).toEqual(['答复日期']);
    expect(on(5)[0].reason).toMatch(/只有“已答复”或“已终止”/);
    expect(columns(6)).toEqual(['告知补正日期']);
    expect(columns(7)).toEqual(['收到申请日期']);
    expect(on(7)[0].reason).toMatch(/不能晚于今天/);
    expect(columns(8)).toEqual(['答复日期']);
    expect(columns(9)).toEqual(['收到申请日期']);
    expect(on(9)[0].reason).toMatch(/日期不存在/);
    expect(columns(10)).toEqual(['延期批准日期']);
    expect(on(10)[0].reason).toMatch(/已逾期/);
    expect(columns(11)).toEqual(['延长工作日数']);
  });
});
