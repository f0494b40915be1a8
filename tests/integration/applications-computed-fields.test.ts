import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

/** Fields the server computes are read-only in the content manager, and client values for them are not stored. */
const UID = 'api::disclosure-application.disclosure-application';
const READ_ONLY = ['dueDate', 'dueDateProvisional', 'missingCalendarYears', 'correctionLimit', 'feeYuan', 'trackingNumber'];
let app: TestApp;
let token: string;
let org: any;

const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
const cm = `/content-manager/collection-types/${UID}`;

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  org = await app.strapi.documents('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '只读字段镇人民政府', code: '430381195', level: 'township' } as any,
  });
});
afterAll(async () => {
  await app?.stop();
});

describe('computed fields of applications', () => {
  it('are reported non-editable by the content manager configuration, other fields stay editable', async () => {
    const res = await auth(request(app.server).get(`/content-manager/content-types/${UID}/configuration`));
    expect(res.status).toBe(200);
    const metadatas = res.body.data.contentType.metadatas;
    for (const field of READ_ONLY) expect({ field, editable: metadatas[field].edit.editable }).toEqual({ field, editable: false });
    for (const field of ['applicantName', 'receivedDate', 'applicationStatus', 'extensionWorkingDays']) {
      expect({ field, editable: metadatas[field].edit.editable }).toEqual({ field, editable: true });
    }
  });

  it('ignore values sent through the content manager: they are recomputed', async () => {
    const created = await auth(request(app.server).post(cm)).send({
      organization: org.documentId,
      applicantType: 'naturalPerson',
      channel: 'online',
      receivedDate: '2024-03-04',
      applicationStatus: 'received',
      dueDate: '2099-01-01',
      dueDateProvisional: true,
      correctionLimit: '2099-01-02',
      missingCalendarYears: [1999],
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    const stored = async () => app.strapi.db.query(UID).findOne({ where: { documentId } });
    const first: any = await stored();
    expect(first.dueDate).toBe('2024-04-01');
    expect(first.dueDateProvisional).toBe(false);
    expect(first.correctionLimit).not.toBe('2099-01-02');
    expect(first.missingCalendarYears).not.toEqual([1999]);
    expect(first.trackingNumber).toMatch(/^430381195-YSQ-2024-\d{5}$/);

    // The edit form sends every field back, with the computed ones changed: they are recomputed, not stored.
    const updated = await auth(request(app.server).put(`${cm}/${documentId}`)).send({
      ...created.body.data,
      dueDate: '2099-01-01',
      dueDateProvisional: true,
      notes: '改了备注',
    });
    expect(updated.status).toBe(200);
    expect(await stored()).toMatchObject({ dueDate: '2024-04-01', dueDateProvisional: false, notes: '改了备注', trackingNumber: first.trackingNumber });

    // A different tracking number or fee is refused, naming the field.
    const renumbered = await auth(request(app.server).put(`${cm}/${documentId}`)).send({ trackingNumber: 'OTHER-1' });
    expect(renumbered.status).toBe(400);
    expect(renumbered.body.error.details.errors[0].path).toEqual(['trackingNumber']);
    const fee = await auth(request(app.server).put(`${cm}/${documentId}`)).send({ feeMethod: 'none', feeYuan: 50 });
    expect(fee.status).toBe(400);
    expect(fee.body.error.details.errors[0].path).toEqual(['feeYuan']);
    expect(await stored()).toMatchObject({ trackingNumber: first.trackingNumber, feeYuan: null });
  });
});
