/**
 * Online applicants are emailed at each step they must know of, through Strapi's email plugin and a real SMTP
 * provider (nodemailer) talking to a real SMTP server started in this process: the messages asserted are the
 * ones that server received.
 */
import type { AddressInfo } from 'net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

const UID = 'api::disclosure-application.disclosure-application';
const BASE = '/api/disclosure/online-applications';
const ENV = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_IGNORE_TLS', 'SMTP_FROM', 'PUBLIC_URL'];
let app: TestApp;
let smtp: SMTPServer;
let token: string;
let org: string;
const received: { to: string[]; from: string; subject: string; text: string }[] = [];
/** When set, the SMTP server refuses every recipient (550). */
let refuseRecipients = false;

async function delivered(n: number) {
  for (let i = 0; i < 100 && received.length < n; i++) await new Promise((r) => setTimeout(r, 50));
  return received.slice(0, n);
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(_address, _session, callback) {
      callback(refuseRecipients ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
    SMTP_IGNORE_TLS: 'true',
    SMTP_FROM: 'gk@hutian.gov.example',
    PUBLIC_URL: 'https://gk.hutian.example',
  });
  try {
    app = await startStrapi();
  } finally {
    // the configuration is read at start: the other suites of this process must not see SMTP
    for (const name of ENV) delete process.env[name];
  }
  token = await adminToken(app);
  org = (
    await app.strapi
      .documents('api::organization.organization')
      .create({ locale: 'zh-Hans', data: { name: '通知测试镇', code: '997101', level: 'township' } as any })
  ).documentId;
  app.strapi.config.set('plugin::disclosure.onlineLimits', { perClient: { hits: 1000 } });
});
afterAll(async () => {
  await app?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

const submit = async (email: string) =>
  (
    await request(app.server).post(BASE).send({
      organization: org,
      applicantType: 'naturalPerson',
      applicantName: '赵通知',
      idType: 'resident-id',
      idNumber: '11010519491231002X',
      email,
      deliveryMethod: 'email',
      medium: 'electronic',
      requestedContent: '请公开本镇2026年防汛物资采购合同',
      consent: true,
    })
  ).body.data;
const admin = (method: 'post' | 'put', path: string, body: object = {}) => request(app.server)[method](path).set('Authorization', `Bearer ${token}`).send(body);

describe('notifications to online applicants', () => {
  it('says in the admin that notifications are on', async () => {
    expect((await request(app.server).get('/disclosure/online/notifications').set('Authorization', `Bearer ${token}`)).body.data).toEqual({ enabled: true });
  });

  it('emails the receipt, the correction request, the correction’s arrival, the extension and the answer; nothing else', async () => {
    const sent = await submit('zhao@example.cn');
    const stored = await app.strapi.db.query(UID as any).findOne({ where: { trackingNumber: sent.trackingNumber } });
    const cm = `/content-manager/collection-types/${UID}/${stored.documentId}`;
    expect((await admin('post', `/disclosure/applications/${stored.documentId}/confirm-receipt`)).status).toBe(200);
    await delivered(1);
    expect((await admin('put', cm, { applicationStatus: 'awaiting-correction', correctionRequest: '请写明合同的签订年度' })).status).toBe(200);
    await delivered(2);
    const corrected = await request(app.server)
      .post(`${BASE}/correction`)
      .send({ ...sent, text: '2026年' });
    expect(corrected.status).toBe(200);
    await delivered(3);
    const extended = await admin('put', cm, {
      applicationStatus: 'extended',
      extensionWorkingDays: 10,
      extensionApprover: '党政办主任',
      extensionReason: '需征求供货单位意见',
    });
    expect(extended.status).toBe(200);
    await delivered(4);
    expect((await admin('put', cm, { statusNote: '整理中' })).status).toBe(200); // no status change: no email
    expect((await admin('put', cm, { applicationStatus: 'answered', outcome: 'granted', answerText: '合同见附件。' })).status).toBe(200);

    const mails = await delivered(5);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(5);
    for (const m of mails) {
      expect(m.to).toEqual(['zhao@example.cn']);
      expect(m.from).toBe('gk@hutian.gov.example');
      expect(m.subject).toContain(sent.trackingNumber);
      expect(m.text).toContain('https://gk.hutian.example/#/apply/status');
      // the query code is never sent: whoever reads the mailbox still needs it
      expect(m.text).not.toContain(sent.queryCode);
    }
    const after = await app.strapi.db.query(UID as any).findOne({ where: { documentId: stored.documentId } });
    expect(mails.map((m) => m.subject.match(/^【(.+?)】/)?.[1])).toEqual(['已收到', '待补正', '已收到', '已延期', '已答复']);
    expect(mails[0].text).toMatch(/收到申请日期为\d{4}-\d{2}-\d{2}，答复期限为\d{4}-\d{2}-\d{2}/);
    expect(mails[1].text).toContain('请写明合同的签订年度');
    expect(mails[2].text).toMatch(/已收到您的补正材料/);
    expect(mails[3].text).toContain(`延长后的答复期限为${after.dueDate}`);
    expect(mails[4].text).toMatch(/办理结果：（一）予以公开[\s\S]*合同见附件。/);
  });

  it('sends nothing when the write is refused, and keeps going when the SMTP server refuses a message', async () => {
    received.length = 0;
    const sent = await submit('refused@example.cn');
    const stored = await app.strapi.db.query(UID as any).findOne({ where: { trackingNumber: sent.trackingNumber } });
    // refused by the rules: dismissal without a reason
    expect((await admin('post', `/disclosure/applications/${stored.documentId}/dismiss`, { reason: ' ' })).status).toBe(400);
    refuseRecipients = true;
    const warn = jest.spyOn(app.strapi.log, 'warn');
    const confirmed = await admin('post', `/disclosure/applications/${stored.documentId}/confirm-receipt`);
    expect(confirmed.status).toBe(200);
    for (let i = 0; i < 100 && !warn.mock.calls.length; i++) await new Promise((r) => setTimeout(r, 50));
    refuseRecipients = false;
    expect(received).toEqual([]);
    const logged = warn.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toMatch(/notification of .* not sent/);
    expect(logged).not.toContain('refused@example.cn');
    warn.mockRestore();
  });
});
