/**
 * Files behind a load balancer: two Strapi instances on one PostgreSQL database, uploads stored in an
 * S3-compatible store (s3rver, started in this process on 127.0.0.1). A file uploaded through instance A
 * is served through instance B; objects are written with a private ACL and every URL the app hands out is
 * a short-lived signed one; nothing anonymous reaches a file that is not attached to published content.
 *
 * s3rver does not enforce ACLs or signatures (a real store does), so "unreachable" is checked where the
 * app decides it: which URLs it gives out, to whom, and the ACL it writes the objects with.
 * SQLite: skipped (one writer, one node).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { ChildProcess } from 'child_process';
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { usingPostgres } from '../harness/database';
import { startSecondInstance, stopInstance } from '../harness/second-instance';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver');

const describePg = usingPostgres() ? describe : describe.skip;
const BUCKET = 'gongkai-files';
const S3_ENV = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_SIGNED_URL_SECONDS'];

let s3: any;
const acls = new Map<string, string>();
let s3Dir: string;
let app: TestApp;
let token: string;
let child: ChildProcess | undefined;
let other: string;

beforeAll(async () => {
  if (!usingPostgres()) return;
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-s3-'));
  s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
  // s3rver is a Koa app: note the canned ACL of every object written (it keeps no ACLs itself).
  s3.middleware.unshift(async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method === 'PUT') acls.set(decodeURIComponent(ctx.path), ctx.get('x-amz-acl'));
    await next();
  });
  const { port } = await s3.run();
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_SIGNED_URL_SECONDS: '300',
  });
  app = await startStrapi();
  token = await adminToken(app);
  ({ url: other, child } = await startSecondInstance());
}, 180000);
afterAll(async () => {
  await stopInstance(child);
  await app?.stop();
  await s3?.close();
  for (const name of S3_ENV) delete process.env[name];
  if (s3Dir) fs.rmSync(s3Dir, { recursive: true, force: true });
});

const signed = (url: string) => {
  const u = new URL(url);
  return { plain: `${u.origin}${u.pathname}`, signature: u.searchParams.get('X-Amz-Signature'), expires: Number(u.searchParams.get('X-Amz-Expires')) };
};

describePg('files across two instances on an S3-compatible store', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('关于公开的附件'.repeat(200)), Buffer.from('\n%%EOF\n')]);
  let file: any;

  it('a file uploaded through instance A is downloaded through instance B, by a signed URL only', async () => {
    const up = await request(app.server).post('/upload').set('Authorization', `Bearer ${token}`).attach('files', pdf, '附件.pdf');
    expect(up.status).toBe(201);
    file = up.body[0];
    expect(file.provider).toBe('aws-s3');
    // Nothing was written to the node's disk.
    expect(fs.existsSync(path.resolve(__dirname, '../../public/uploads', `${file.hash}${file.ext}`))).toBe(false);

    const viaB = await request(other).get(`/upload/files/${file.id}`).set('Authorization', `Bearer ${token}`);
    expect(viaB.status).toBe(200);
    const url = signed(viaB.body.url);
    expect(url.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(url.expires).toBe(300);
    const download = await fetch(viaB.body.url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    // The object was written with a private ACL.
    const written = [...acls.entries()].filter(([key]) => key.includes(file.hash));
    expect(written).toEqual([[expect.stringContaining(`/${BUCKET}/`), 'private']]);
  });

  it('a published notice gives the public its attachment by a signed URL; nothing else reaches the file anonymously', async () => {
    const org = await app.strapi
      .documents('api::organization.organization')
      .create({ locale: 'zh-Hans', data: { name: '附件测试局', code: 'S3001', level: 'department' } as any });
    const notice = await app.strapi.documents('api::notice.notice').create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title: '带附件的通知', organization: org.documentId, documentType: 'announcement', attachments: [file.id] } as any,
    });
    const pub = await request(other).get(`/api/notices/${notice.documentId}`).query({ populate: 'attachments' });
    expect(pub.status).toBe(200);
    const attachment = pub.body.data.attachments[0];
    const url = signed(attachment.url);
    expect(url.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(url.expires).toBeLessThanOrEqual(300);
    expect((await fetch(attachment.url)).status).toBe(200);

    // No plain object URL anywhere the public or an admin reads; the media routes refuse anonymous callers.
    for (const res of [pub, await request(other).get(`/upload/files/${file.id}`).set('Authorization', `Bearer ${token}`)]) {
      const urls = JSON.stringify(res.body).match(/https?:\/\/[^"]+/g) ?? [];
      for (const u of urls.filter((x) => x.includes(file.hash))) expect(signed(u).signature).not.toBeNull();
    }
    expect((await request(other).get(`/api/upload/files/${file.id}`)).status).toBe(403);
    expect((await request(other).get(`/upload/files/${file.id}`)).status).toBe(401);
    expect((await request(other).get('/api/upload/files')).status).toBe(403);
  });
});

if (!usingPostgres()) {
  it('files across nodes run on PostgreSQL only (see the header)', () => undefined);
}
