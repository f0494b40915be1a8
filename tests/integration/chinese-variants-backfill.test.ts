/**
 * chinese-variants backfill: content written before the plugin (sync off) gets its zh-Hant versions;
 * a second run writes nothing; --dry-run writes nothing; a run resumes from its checkpoint; the admin
 * button runs it in the background with progress; the npm script does the same from a shell.
 */
import path from 'path';
import { execFile } from 'child_process';
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

const NOTICE = 'api::notice.notice';
const ORG = 'api::organization.organization';

let app: TestApp;
let token: string;
const docs = (uid: string) => app.strapi.documents(uid as any);
const count = (uid: string, where: any) => app.strapi.db.query(uid as any).count({ where });
const backfill = () => app.strapi.plugin('chinese-variants').service('backfill');
const setSync = (on: boolean) => app.strapi.config.set('plugin::chinese-variants.sync', on);
const noticeIds: string[] = [];
let orgId: string;

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  setSync(false);
  const org = await docs(ORG).create({ locale: 'zh-Hans', data: { name: '湘乡市档案馆', code: 'BF001', level: 'department' } as any });
  orgId = org.documentId;
  for (let i = 0; i < 6; i += 1) {
    const n = await docs(NOTICE).create({
      locale: 'zh-Hans',
      data: { title: `历史通知第${i}号：关于档案开放的说明`, organization: orgId, documentType: 'announcement' } as any,
    });
    if (i % 2 === 0) await docs(NOTICE).publish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    noticeIds.push(n.documentId);
  }
  setSync(true);
});
afterAll(async () => {
  await app?.stop();
});

describe('backfill', () => {
  it('dry run: reports the work and writes nothing', async () => {
    const p = await backfill().run({ dryRun: true, types: [NOTICE] });
    expect(p.written).toBe(6);
    expect(await count(NOTICE, { locale: 'zh-Hant' })).toBe(0);
  });

  it('resumes after its checkpoint, then a full run fills the rest; published sources give published targets', async () => {
    const first = await app.strapi.db.query(NOTICE as any).findOne({ where: { documentId: noticeIds[2], locale: 'zh-Hans', publishedAt: null } });
    await app.strapi.store({ type: 'plugin', name: 'chinese-variants' }).set({ key: 'backfill-checkpoint', value: { [NOTICE]: first.id } });
    let p = await backfill().run({ types: [NOTICE] });
    expect(p.errors).toEqual([]);
    expect(p.written).toBe(3); // notices 3, 4, 5; 0–2 were before the checkpoint
    expect(await count(NOTICE, { locale: 'zh-Hant', publishedAt: null })).toBe(3);

    p = await backfill().run({}); // checkpoint cleared by the completed run: everything, all types
    expect(p.errors).toEqual([]);
    expect(await count(NOTICE, { locale: 'zh-Hant', publishedAt: null })).toBe(6);
    expect(await count(NOTICE, { locale: 'zh-Hant', publishedAt: { $notNull: true } })).toBe(3);
    expect(await count(ORG, { locale: 'zh-Hant', documentId: orgId })).toBe(1);
    const t: any = await docs(NOTICE).findOne({ documentId: noticeIds[0], locale: 'zh-Hant', status: 'published', populate: ['organization'] } as any);
    expect(t.title).toBe('歷史通知第0號：關於檔案開放的說明');
    expect(t.organization).toMatchObject({ locale: 'zh-Hant', name: '湘鄉市檔案館' });
  });

  it('is idempotent: a second run writes nothing and leaves hand edits alone', async () => {
    await docs(NOTICE).update({ documentId: noticeIds[1], locale: 'zh-Hant', data: { title: '人工校訂' } } as any);
    const before = await count(NOTICE, { locale: 'zh-Hant' });
    const p = await backfill().run({});
    expect(p.written).toBe(0);
    expect(p.errors).toEqual([]);
    expect(await count(NOTICE, { locale: 'zh-Hant' })).toBe(before);
    const t: any = await docs(NOTICE).findOne({ documentId: noticeIds[1], locale: 'zh-Hant' } as any);
    expect(t.title).toBe('人工校訂');
  });

  it('admin button: runs in the background, progress visible on the status route', async () => {
    setSync(false);
    const extra = await docs(NOTICE).create({ locale: 'zh-Hans', data: { title: '后台回填', organization: orgId, documentType: 'announcement' } as any });
    setSync(true);
    const start = await request(app.server).post('/chinese-variants/backfill').set('Authorization', `Bearer ${token}`).send({ type: NOTICE });
    expect(start.status).toBe(202);
    expect(start.body.data.running).toBe(true);
    let progress: any;
    for (let i = 0; i < 100; i += 1) {
      const res = await request(app.server).get('/chinese-variants/backfill').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      progress = res.body.data;
      if (!progress.running) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(progress).toMatchObject({ running: false, written: 1, total: 7, done: 7 });
    expect(await count(NOTICE, { documentId: extra.documentId, locale: 'zh-Hant' })).toBe(1);
    expect((await request(app.server).post('/chinese-variants/backfill').send({})).status).toBe(401);
  });

  it('npm script (scripts/variants-backfill.js): progress bar, --type and --dry-run, on the same database', async () => {
    setSync(false);
    const extra = await docs(NOTICE).create({ locale: 'zh-Hans', data: { title: '脚本回填', organization: orgId, documentType: 'announcement' } as any });
    setSync(true);
    const run = (args: string[]) =>
      new Promise<{ code: number; out: string }>((resolve) => {
        execFile(
          process.execPath,
          [path.resolve(__dirname, '../../scripts/variants-backfill.js'), ...args],
          { env: { ...process.env, VARIANTS_BACKFILL_SKIP_COMPILE: 'true', DEMO_DATA: 'false' }, timeout: 90000 },
          (err, stdout, stderr) => resolve({ code: err ? ((err as any).code ?? 1) : 0, out: `${stdout}${stderr}` }),
        );
      });
    let r = await run(['--type', NOTICE, '--dry-run']);
    expect(r.out).toContain('Dry run: would write 1');
    expect(r.code).toBe(0);
    expect(await count(NOTICE, { documentId: extra.documentId, locale: 'zh-Hant' })).toBe(0);
    r = await run(['--type', NOTICE]);
    expect(r.out).toMatch(/Written 1, published 0/);
    expect(r.out).toMatch(/\d+\/\d+/); // the progress bar
    expect(await count(NOTICE, { documentId: extra.documentId, locale: 'zh-Hant' })).toBe(1);
    r = await run(['--type', 'api::nope.nope']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Not a synced content type');
  }, 240000);
});
