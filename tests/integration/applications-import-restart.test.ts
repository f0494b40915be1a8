import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

/**
 * Import jobs left running by a previous process: the first Strapi writes job rows as a process that dies
 * mid-import would have left them, stops; a second Strapi boots on the same database and must take them over.
 */
const UID = 'api::disclosure-application.disclosure-application';
const JOB_UID = 'plugin::disclosure.import-job';
const CHUNK_UID = 'plugin::disclosure.import-chunk';
let first: TestApp;
let second: Core.Strapi | null = null;

const row = (n: number) => ({
  trackingNumber: `RESTART-${n}`,
  organizationCode: '430381199',
  applicantType: 'naturalPerson',
  applicantName: `重启申请人${n}`,
  applicantContact: null,
  channel: 'online',
  receivedDate: '2024-03-04',
  requestedContent: null,
  applicationStatus: 'answered',
  outcome: 'granted',
  answeredDate: '2024-03-20',
  correctionRequestedDate: null,
  correctionReceivedDate: null,
  extensionWorkingDays: null,
  extensionApprover: null,
  extensionReason: null,
  extensionApprovedDate: null,
  line: n + 1,
});

/** Boots Strapi again on the database of `first` (same SQLite file / PostgreSQL database). */
async function restart(): Promise<Core.Strapi> {
  const appDir = path.resolve(__dirname, '../..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  return strapi;
}

const ids: Record<string, number> = {};
let userId: number;

beforeAll(async () => {
  first = await startStrapi();
  await adminToken(first);
  userId = (await first.strapi.db.query('admin::user').findOne({ where: { firstname: 'Test' }, select: ['id'] })).id;
  await first.strapi.documents('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '重启镇人民政府', code: '430381199', level: 'township' } as any,
  });
  const jobs = first.strapi.db.query(JOB_UID as any);
  const long = new Date(Date.now() - 10 * 60_000);
  // Half written: rows 1–2 committed (with their progress) before the process died.
  const rows = [1, 2, 3, 4, 5].map(row);
  const chunk = (jobId: number, jobRows: unknown[]) => first.strapi.db.query(CHUNK_UID as any).create({ data: { jobId, seq: 0, rows: jobRows } });
  ids.importing = (
    await jobs.create({
      data: { filename: 'a.csv', state: 'importing', totalRows: 5, validRows: 5, processedRows: 0, userId, runner: 'dead-process', heartbeatAt: long },
    })
  ).id;
  await chunk(ids.importing, rows);
  const { line, organizationCode, ...fields } = row(1);
  const organization = (await first.strapi.db.query('api::organization.organization').findOne({ where: { code: organizationCode } })).documentId;
  const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
  await first.strapi.documents(UID).create({ data: { ...data, organization } as any });
  await jobs.update({ where: { id: ids.importing }, data: { processedRows: 1, created: 1 } });
  // Validation running when the process died (no heartbeat at all: a job from before heartbeats existed).
  ids.validating = (await jobs.create({ data: { filename: 'b.xlsx', state: 'validating', userId, processedRows: 500, totalRows: 2000 } })).id;
  // A job whose process is still alive elsewhere (fresh heartbeat): left alone.
  ids.live = (
    await jobs.create({ data: { filename: 'c.csv', state: 'importing', totalRows: 1, validRows: 1, userId, runner: 'live-process', heartbeatAt: new Date() } })
  ).id;
  await chunk(ids.live, [row(9)]);
  // Finished and validated jobs are not touched.
  ids.validated = (await jobs.create({ data: { filename: 'd.csv', state: 'validated', totalRows: 1, validRows: 1, userId } })).id;
  await chunk(ids.validated, [row(10)]);
  await first.strapi.destroy();
  second = await restart();
}, 300_000);

afterAll(async () => {
  await second?.destroy();
  await first?.database.drop();
});

async function job(id: number) {
  return second!.db.query(JOB_UID as any).findOne({ where: { id } });
}

async function until(id: number, states: string[]) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const j = await job(id);
    if (states.includes(j.state)) return j;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} stayed ${(await job(id)).state}`);
}

describe('import jobs after a restart', () => {
  it('resumes a write left running, from its committed progress, without duplicates', async () => {
    const done = await until(ids.importing, ['done', 'failed']);
    expect(done).toMatchObject({ state: 'done', processedRows: 5, created: 5, skipped: 0, failure: null });
    expect(await second!.db.query(UID).count({ where: { trackingNumber: { $startsWith: 'RESTART-' } } })).toBe(5);
    // The stored rows (applicants' data) go once the import is done.
    expect(await second!.db.query(CHUNK_UID as any).count({ where: { jobId: ids.importing } })).toBe(0);
    // The resumed rows' events name the admin who confirmed the import.
    const stored: any = await second!.db.query(UID).findOne({ where: { trackingNumber: 'RESTART-4' } });
    const events: any[] = await second!.db
      .query('plugin::disclosure.application-event' as any)
      .findMany({ where: { applicationDocumentId: stored.documentId } });
    expect(events).toEqual([expect.objectContaining({ action: 'imported', actorId: userId, actorName: 'Test Admin' })]);
  });

  it('marks a validation left running as failed, with a message saying to upload again, over HTTP too', async () => {
    const failed = await job(ids.validating);
    expect(failed.state).toBe('failed');
    expect(failed.failure).toMatch(/重新上传|upload the file again/);
    const token = await adminToken({ strapi: second!, server: second!.server.httpServer } as any);
    const res = await request(second!.server.httpServer).get(`/disclosure/import/${ids.validating}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'failed', failure: expect.stringContaining('interrupted') });
  });

  it('leaves a job with a live heartbeat and a validated job alone', async () => {
    expect(await job(ids.live)).toMatchObject({ state: 'importing', runner: 'live-process', processedRows: 0 });
    expect(await job(ids.validated)).toMatchObject({ state: 'validated' });
    expect(await second!.db.query(UID).count({ where: { trackingNumber: { $in: ['RESTART-9', 'RESTART-10'] } } })).toBe(0);
  });
});
