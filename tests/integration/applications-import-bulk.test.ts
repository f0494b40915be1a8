import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { HEADERS } from '../../src/plugins/disclosure/server/src/modules/applications/import/columns';

/**
 * The bulk write path of the import: rows written in chunks must be exactly what the Document Service
 * (with the applications middleware) would have stored, and a large confirmation must be fast.
 * APPLICATIONS_IMPORT_ROWS scales the large import (default 5,000; 50,000 for the manual measurement).
 */
const UID = 'api::disclosure-application.disclosure-application';
const ROWS = Number(process.env.APPLICATIONS_IMPORT_ROWS || 5000);
let app: TestApp;
let token: string;
let orgA: any;
let orgB: any;

const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);

/** Kinds of past applications, each with its cells (by header) and the Document Service payload it stands for. */
const KINDS: { name: string; cells: Record<string, string>; data: Record<string, unknown> }[] = [
  {
    name: 'answered',
    cells: { 办理状态: '已答复', 办理结果: '（一）予以公开', 收到申请日期: '2024-03-04', 答复日期: '2024-03-20' },
    data: { applicationStatus: 'answered', outcome: 'granted', receivedDate: '2024-03-04', answeredDate: '2024-03-20' },
  },
  {
    name: 'received',
    cells: { 办理状态: '已收到', 收到申请日期: '2024-09-27' },
    data: { applicationStatus: 'received', receivedDate: '2024-09-27' },
  },
  {
    name: 'extended',
    cells: { 办理状态: '已延期', 收到申请日期: '2024-03-04', 延长工作日数: '10', 延期批准人: '张三', 延期理由: '需要调档', 延期批准日期: '2024-03-25' },
    data: {
      applicationStatus: 'extended',
      receivedDate: '2024-03-04',
      extensionWorkingDays: 10,
      extensionApprover: '张三',
      extensionReason: '需要调档',
      extensionApprovedDate: '2024-03-25',
    },
  },
  {
    name: 'awaiting-correction',
    cells: { 办理状态: '待补正', 收到申请日期: '2024-03-04', 告知补正日期: '2024-03-06' },
    data: { applicationStatus: 'awaiting-correction', receivedDate: '2024-03-04', correctionRequestedDate: '2024-03-06' },
  },
  {
    name: 'closed',
    cells: {
      办理状态: '已终止',
      办理结果: 'other.noCorrection',
      收到申请日期: '2024-01-29',
      答复日期: '2024-02-20',
      告知补正日期: '2024-01-30',
      收到补正日期: '2024-02-05',
    },
    data: {
      applicationStatus: 'closed',
      outcome: 'other.noCorrection',
      receivedDate: '2024-01-29',
      answeredDate: '2024-02-20',
      correctionRequestedDate: '2024-01-30',
      correctionReceivedDate: '2024-02-05',
    },
  },
];

const common = (n: number) => ({
  申请人类型: '自然人',
  申请人姓名或名称: `批量申请人${n}`,
  联系方式: '13700000000',
  申请方式: '信函申请',
  申请内容: '申请公开某文件',
});
const commonData = (n: number) => ({
  applicantType: 'naturalPerson',
  applicantName: `批量申请人${n}`,
  applicantContact: '13700000000',
  channel: 'post',
  requestedContent: '申请公开某文件',
});

function csv(rows: Record<string, string>[]): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`\uFEFF${[HEADERS, ...rows.map((r) => HEADERS.map((h) => r[h] ?? ''))].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function waitFor(id: number, states: string[], timeoutMs: number) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const res = await auth(request(app.server).get(`/disclosure/import/${id}`));
    expect(res.status).toBe(200);
    if (states.includes(res.body.data.state)) return res.body.data;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`import ${id} did not reach ${states.join('/')}`);
}

async function uploadAndConfirm(file: Buffer, timeoutMs: number) {
  const res = await auth(request(app.server).post('/disclosure/import')).attach('file', file, 'past.csv');
  expect(res.status).toBe(202);
  const validated = await waitFor(res.body.data.id, ['validated', 'failed'], timeoutMs);
  expect(validated.state).toBe('validated');
  const started = Date.now();
  const confirm = await auth(request(app.server).post(`/disclosure/import/${validated.id}/confirm`));
  expect(confirm.status).toBe(202);
  const done = await waitFor(validated.id, ['done', 'failed'], timeoutMs);
  return { validated, done, ms: Date.now() - started };
}

const table = (uid: string) => app.strapi.db.metadata.get(uid as any).tableName;
const knex = () => app.strapi.db.connection;
const linkOf = () => (app.strapi.db.metadata.get(UID as any).attributes as any).organization.joinTable;

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  const orgs = app.strapi.documents('api::organization.organization');
  orgA = await orgs.create({ locale: 'zh-Hans', data: { name: '批量导入甲镇人民政府', code: '430381197', level: 'township' } as any });
  orgB = await orgs.create({ locale: 'zh-Hans', data: { name: '批量导入乙镇人民政府', code: '430381198', level: 'township' } as any });
  // A second locale of the organization: links must point at the default-locale entry, as the Document Service does.
  const hant = await orgs.findOne({ documentId: orgA.documentId, locale: 'zh-Hant' });
  if (!hant) await orgs.update({ documentId: orgA.documentId, locale: 'zh-Hant', data: { name: '批量導入甲鎮人民政府' } as any });
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

describe('bulk import write path', () => {
  it('stores each kind of row exactly as the Document Service would (columns, link, order, event)', async () => {
    const twins: Record<string, any> = {};
    for (const [i, kind] of KINDS.entries()) {
      twins[kind.name] = await app.strapi.documents(UID).create({
        data: { trackingNumber: `TWIN-DS-${i}`, organization: orgA.documentId, ...commonData(1), ...kind.data } as any,
      });
    }
    const rows = KINDS.map((kind, i) => ({ 申请编号: `TWIN-IM-${i}`, 机关代码: '430381197', ...common(1), ...kind.cells }));
    const { done } = await uploadAndConfirm(csv(rows), 120_000);
    expect(done).toMatchObject({ state: 'done', created: KINDS.length, skipped: 0 });

    const ignored = new Set(['id', 'document_id', 'tracking_number', 'created_at', 'updated_at', 'published_at']);
    const link = linkOf();
    for (const [i, kind] of KINDS.entries()) {
      const ds = await knex()(table(UID))
        .where({ tracking_number: `TWIN-DS-${i}` })
        .first();
      const im = await knex()(table(UID))
        .where({ tracking_number: `TWIN-IM-${i}` })
        .first();
      const strip = (row: any) => Object.fromEntries(Object.entries(row).filter(([k]) => !ignored.has(k)));
      expect({ kind: kind.name, ...strip(im) }).toEqual({ kind: kind.name, ...strip(ds) });
      expect(im.document_id).toMatch(/^[a-z0-9]{24}$/);
      expect(im.document_id).toHaveLength(ds.document_id.length);
      expect(im.published_at).not.toBeNull();
      expect(im.created_at).not.toBeNull();
      const dsLinks = await knex()(link.name).where({ [link.joinColumn.name]: ds.id });
      const imLinks = await knex()(link.name).where({ [link.joinColumn.name]: im.id });
      expect(imLinks).toHaveLength(dsLinks.length);
      expect(imLinks.map((l: any) => l[link.inverseJoinColumn.name])).toEqual(dsLinks.map((l: any) => l[link.inverseJoinColumn.name]));
      const events = await auth(request(app.server).get(`/disclosure/applications/${im.document_id}/events`));
      expect(events.body.data).toEqual([expect.objectContaining({ action: 'imported', toStatus: kind.data.applicationStatus, actorName: 'Test Admin' })]);
    }
    // The linked organization entry is the default-locale one, read back through Strapi.
    const stored: any = await app.strapi.db.query(UID).findOne({ where: { trackingNumber: 'TWIN-IM-0' }, populate: { organization: true } });
    expect(stored.organization).toMatchObject({ documentId: orgA.documentId, locale: 'zh-Hans' });
    // Order of the applications within the organization: each new link last, without gaps or repeats.
    if (link.inverseOrderColumnName) {
      const orders = (
        await knex()(link.name)
          .where({ [link.inverseJoinColumn.name]: stored.organization.id })
          .orderBy(link.inverseOrderColumnName)
      ).map((l: any) => Number(l[link.inverseOrderColumnName]));
      expect(orders).toEqual(orders.map((_: number, i: number) => i + 1));
    }
  }, 300_000);

  it(`confirms ${ROWS} rows quickly and completely; re-importing changes nothing`, async () => {
    const emitted: string[] = [];
    app.strapi.eventHub.on('entry.create', (e: any) => {
      if (e.uid === UID && String(e.entry?.trackingNumber).startsWith('BULK-')) emitted.push(e.entry.trackingNumber);
    });
    const rows = Array.from({ length: ROWS }, (_, n) => ({
      申请编号: `BULK-${String(n).padStart(6, '0')}`,
      机关代码: n % 3 === 0 ? '430381198' : '430381197',
      ...common(n),
      ...KINDS[n % KINDS.length].cells,
    }));
    const file = csv(rows);
    const before = Number((await knex()(table(UID)).count({ n: '*' }))[0].n);
    const { validated, done, ms } = await uploadAndConfirm(file, 1_500_000);
    console.log(`[applications-import-bulk] ${process.env.DATABASE_CLIENT || 'sqlite'}: confirmed ${ROWS} rows in ${(ms / 1000).toFixed(1)} s`);
    expect(validated).toMatchObject({ validRows: ROWS, rejectedRows: 0, alreadyImported: 0 });
    expect(done).toMatchObject({ state: 'done', processedRows: ROWS, created: ROWS, skipped: 0 });
    // Speed is measured by hand, not asserted here: tests are not timed (see the applications README).

    const bulk = () => knex()(table(UID)).where('tracking_number', 'like', 'BULK-%');
    expect(Number((await knex()(table(UID)).count({ n: '*' }))[0].n)).toBe(before + ROWS);
    expect(Number((await bulk().clone().countDistinct({ n: 'document_id' }))[0].n)).toBe(ROWS);
    expect(Number((await bulk().clone().whereNull('published_at').count({ n: '*' }))[0].n)).toBe(0);

    // Every row linked once, to the right organization.
    const link = linkOf();
    const perOrg = await knex()(link.name)
      .join(table(UID), `${table(UID)}.id`, `${link.name}.${link.joinColumn.name}`)
      .where(`${table(UID)}.tracking_number`, 'like', 'BULK-%')
      .groupBy(`${link.name}.${link.inverseJoinColumn.name}`)
      .select(`${link.name}.${link.inverseJoinColumn.name} as org`)
      .count({ n: '*' });
    const ids = async (o: any) =>
      (await app.strapi.db.query('api::organization.organization').findOne({ where: { documentId: o.documentId, locale: 'zh-Hans' }, select: ['id'] })).id;
    const byOrg = Object.fromEntries(perOrg.map((r: any) => [Number(r.org), Number(r.n)]));
    expect(byOrg).toEqual({ [await ids(orgA)]: ROWS - Math.ceil(ROWS / 3), [await ids(orgB)]: Math.ceil(ROWS / 3) });

    // The computed fields of each kind are those of its Document Service twin (first test).
    for (const [i, kind] of KINDS.entries()) {
      const twin = await knex()(table(UID))
        .where({ tracking_number: `TWIN-DS-${i}` })
        .first();
      const distinct = await bulk()
        .clone()
        .where({ application_status: kind.data.applicationStatus })
        .distinct('due_date', 'due_date_provisional', 'correction_limit', 'answered_date', 'fee_yuan');
      expect(distinct).toEqual([
        {
          due_date: twin.due_date,
          due_date_provisional: twin.due_date_provisional,
          correction_limit: twin.correction_limit,
          answered_date: twin.answered_date,
          fee_yuan: twin.fee_yuan,
        },
      ]);
    }
    expect(Number((await bulk().clone().whereNotNull('due_date').count({ n: '*' }))[0].n)).toBe(ROWS - ROWS / KINDS.length);

    // One "imported" event per application, and Strapi's entry.create for each (webhooks).
    const events = await knex()(table('plugin::disclosure.application-event'))
      .whereIn('application_document_id', bulk().clone().select('document_id'))
      .where({ action: 'imported' })
      .count({ n: '*' });
    expect(Number(events[0].n)).toBe(ROWS);
    expect(new Set(emitted).size).toBe(ROWS);

    // Re-import: everything is recognised by its tracking number; nothing is written.
    const lastUpdate = (await bulk().clone().max({ m: 'updated_at' }))[0].m;
    const again = await uploadAndConfirm(file, 1_500_000);
    expect(again.validated).toMatchObject({ validRows: ROWS, alreadyImported: ROWS });
    expect(again.done).toMatchObject({ state: 'done', created: 0, skipped: ROWS });
    expect(Number((await knex()(table(UID)).count({ n: '*' }))[0].n)).toBe(before + ROWS);
    expect((await bulk().clone().max({ m: 'updated_at' }))[0].m).toEqual(lastUpdate);
    expect(Number((await knex()(link.name).count({ n: '*' }))[0].n)).toBe(before + ROWS);
  }, 1_800_000);
});
