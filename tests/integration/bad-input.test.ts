import fs from 'fs';
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { usingPostgres } from '../harness/database';
import { MAX_BLOCKS_DEPTH } from '../../src/plugins/chinese-variants/server/src/engine/formats/blocks';
import { MAX_BATCH, MAX_BODY_DEPTH } from '../../src/middlewares/request-guard';
import { MULTIPART_DIR } from '../../src/middlewares/multipart-cleanup';
import { HEADERS } from '../../src/plugins/disclosure/server/src/modules/applications/import/columns';
import { MAX_IMPORT_BYTES } from '../../src/plugins/disclosure/server/src/modules/applications/import/controller';
import { MAX_IMPORT_ROWS, MAX_XLSX_UNPACKED_BYTES } from '../../src/plugins/disclosure/server/src/modules/applications/import/service';
import JSZip from 'jszip';

/** Inputs that answered 5xx (issue 18): each now a 400 with a message, and the app still answers after them. */
let app: TestApp;
let token: string;

/** A blocks document `levels` lists deep, as JSON text (the client's own serializer would overflow). */
const nested = (levels: number) => `${'[{"type":"list","format":"unordered","children":'.repeat(levels)}[{"type":"text","text":"发布"}]${'}]'.repeat(levels)}`;
const json = (depth: number) => {
  let v: any = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('bad input answers 400', () => {
  it('a blocks document nested beyond the documented limit, and accepts one at it', async () => {
    const convert = (content: string) =>
      request(app.server)
        .post('/api/chinese-variants/convert')
        .set('Content-Type', 'application/json')
        .send(`{"from":"zh-Hans","to":"zh-Hant","format":"blocks","content":${content}}`);
    const deep = await convert(nested(5000));
    expect(deep.status).toBe(400);
    const over = await convert(nested(MAX_BLOCKS_DEPTH));
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain(`deeper than ${MAX_BLOCKS_DEPTH}`);
    const at = await convert(nested(MAX_BLOCKS_DEPTH - 2));
    expect(at.status).toBe(200);
    expect(JSON.stringify(at.body)).toContain('發佈');
  });

  it('a NUL character in the path, the query or the body', async () => {
    for (const res of [
      await request(app.server).get('/api/disclosure/stats').query({ organization: '\u0000', year: '2026' }),
      await request(app.server).get('/api/disclosure/annual-reports/%00/export'),
      await request(app.server).post('/admin/login').send({ email: '\u0000', password: 'x' }),
      await request(app.server)
        .post('/content-manager/collection-types/api::notice.notice')
        .set('Authorization', `Bearer ${token}`)
        .send({ title: 'a\u0000b' }),
      await request(app.server)
        .post('/content-manager/collection-types/api::notice.notice')
        .set('Authorization', `Bearer ${token}`)
        .send({ ['k\u0000']: 1 }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/空字符.*NUL/);
    }
  });

  it('a body nested deeper than the limit, and the documentation login without a password', async () => {
    const deep = await request(app.server)
      .post('/content-manager/collection-types/api::notice.notice')
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'x', extra: json(MAX_BODY_DEPTH + 5) });
    expect(deep.status).toBe(400);
    expect(deep.body.error.message).toContain(`deeper than ${MAX_BODY_DEPTH}`);
    const login = await request(app.server).post('/documentation/login').send({});
    expect(login.status).toBe(400);
    expect((await request(app.server).get('/api/disclosure/health')).status).toBe(200);
  });

  it('text beyond the documented lengths, and a spreadsheet over the import limit', async () => {
    const org = await app.strapi
      .documents('api::organization.organization')
      .create({ locale: 'zh-Hans', data: { name: '长度镇人民政府', code: '430381195', level: 'township' } as any });
    const long = await request(app.server)
      .post('/content-manager/collection-types/api::disclosure-application.disclosure-application')
      .set('Authorization', `Bearer ${token}`)
      .send({
        organization: org.documentId,
        applicantType: 'naturalPerson',
        channel: 'online',
        receivedDate: '2026-03-02',
        requestedContent: '申'.repeat(10001),
      });
    expect(long.status).toBe(400);
    const cells = (content: string) =>
      HEADERS.map(
        (h) =>
          (
            ({
              申请编号: 'LEN-1',
              机关代码: '430381195',
              申请人类型: '自然人',
              申请方式: '网上申请',
              收到申请日期: '2026-03-02',
              办理状态: '已收到',
              申请内容: content,
            }) as Record<string, string>
          )[h] ?? '',
      ).join(',');
    const file = Buffer.from([HEADERS.join(','), cells('申'.repeat(10001))].join('\n'));
    const res = await request(app.server).post('/disclosure/import').set('Authorization', `Bearer ${token}`).attach('file', file, 'long.csv');
    expect(res.status).toBe(202);
    let job: any;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      job = (await request(app.server).get(`/disclosure/import/${res.body.data.id}`).set('Authorization', `Bearer ${token}`)).body.data;
      if (job.state !== 'validating') break;
    }
    expect(job).toMatchObject({ state: 'validated', validRows: 0, rejectedRows: 1 });
    expect(job.rejected).toEqual([expect.objectContaining({ column: '申请内容', reason: expect.stringContaining('10000') })]);
    const huge = Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a');
    const refused = await request(app.server).post('/disclosure/import').set('Authorization', `Bearer ${token}`).attach('file', huge, 'huge.csv');
    expect(refused.status).toBe(413);
    expect(refused.body.error.message).toMatch(/文件超过.*over/);
  });

  it('query parameters Strapi would pass to SQL malformed, and still the ordinary ones', async () => {
    for (const q of [
      'fields[0]=__proto__',
      '_q[$ne]=1',
      'filters[title][$eq][$ne]=1',
      'filters[id][$gt]=abc',
      'filters[id][$in]=0,1,2',
      'filters[id][$eq]=99999999999',
    ]) {
      const res = await request(app.server).get(`/api/notices?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff].* \/ \S/);
    }
    for (const q of [
      'filters[id][$in][0]=1&filters[id][$in][1]=2',
      'filters[title][$contains]=通知',
      'filters[$and][0][organization][id][$eq]=1',
      'sort=releaseDate:desc',
      'fields[0]=title',
      '_q=通知',
    ]) {
      expect([q, (await request(app.server).get(`/api/notices?${q}`)).status]).toEqual([q, 200]);
    }
    const cm = await request(app.server)
      .get('/content-manager/collection-types/api::notice.notice?page=1&pageSize=10&sort=title:ASC&filters[$and][0][title][$contains]=通知&locale=zh-Hans')
      .set('Authorization', `Bearer ${token}`);
    expect(cm.status).toBe(200);
  });

  it('a truncated multipart body, on a public and an admin route, and no file is left', async () => {
    const truncated = '--XB\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n申请编号,机关代码\r\nA-1';
    for (const [path, auth] of [
      ['/api/chinese-variants/convert', false],
      ['/disclosure/import', true],
      ['/upload', true],
    ] as const) {
      let req = request(app.server).post(path).set('Content-Type', 'multipart/form-data; boundary=XB');
      if (auth) req = req.set('Authorization', `Bearer ${token}`);
      const res = await req.send(truncated);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.message).toMatch(/上传内容不完整.*incomplete/);
    }
    expect(fs.readdirSync(MULTIPART_DIR)).toEqual([]);
    expect((await request(app.server).get('/api/disclosure/health')).status).toBe(200);
  });

  it('a text/plain body to the content manager', async () => {
    const res = await request(app.server)
      .post('/content-manager/collection-types/api::notice.notice?locale=zh-Hans')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/plain')
      .send('title=x');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('what the fuzz suite found: each answered 4xx with a message, no longer 500', async () => {
    const admin = (req: request.Test) => req.set('Authorization', `Bearer ${token}`);
    const cases: [string, () => request.Test, number][] = [
      ['logical operator with a plain value', () => request(app.server).get('/api/notices?filters[$or]=1'), 400],
      ['a social-login route in capitals (users-permissions looks for a lowercase /connect/)', () => request(app.server).get('/API/CONNECT/x?page=1'), 404],
      [
        'a number filter with a value that is not one',
        () => request(app.server).get('/api/disclosure-categories?filters[sortOrder][$notIn][0]=%ED%A0%80'),
        400,
      ],
      ['unknown sort field on an admin list', () => admin(request(app.server).get('/admin/roles?sort=nope:asc')), 400],
      ['unknown field on an admin list', () => admin(request(app.server).get('/upload/files?fields[0]=nope')), 400],
      ['a write without a body', () => admin(request(app.server).post('/admin/users/batch-delete')), 400],
      ['an XML body', () => admin(request(app.server).post('/admin/roles').set('Content-Type', 'application/xml').send('<a>1</a>')), 415],
      [
        'a multipart body without boundary',
        () =>
          admin(request(app.server).post('/upload/actions/upload-from-urls').set('Content-Type', 'multipart/form-data; boundary=').send('--XB\r\n\r\n--XB--')),
        400,
      ],
      ['a prototype name as a route parameter', () => admin(request(app.server).get('/content-type-builder/content-types/__proto__')), 404],
      [
        'publish on a type without draft and publish',
        () =>
          admin(
            request(app.server)
              .post('/content-manager/collection-types/api::disclosure-application.disclosure-application/actions/bulkPublish')
              .send({ documentIds: ['x'] }),
          ),
        400,
      ],
      [
        'a JSON array to the content manager',
        () => admin(request(app.server).post('/content-manager/collection-types/api::notice.notice').send('[[1]]').set('Content-Type', 'application/json')),
        400,
      ],
      ['a webhook that does not exist, triggered', () => admin(request(app.server).post('/admin/webhooks/999/trigger')), 404],
      ['a query after a documentation asset', () => request(app.server).get('/plugins/documentation/a.pdf/?x=1'), 404],
      ['the trial licence with a trailing slash', () => admin(request(app.server).get('/admin/license-trial-time-left/')), 404],
      ['a WebDAV method', () => request(app.server).propfind('/_health'), 405],
      ['documentation login without restricted access', () => request(app.server).post('/documentation/login/').send({ password: 'abc' }), 400],
      [
        'a file in a multipart field named __proto__',
        () => admin(request(app.server).post('/upload').attach('__proto__', Buffer.from('<script>1</script>'), 'a.pdf')),
        400,
      ],
      [
        'a file over the upload limit',
        () =>
          admin(
            request(app.server)
              .post('/upload')
              .attach('files', Buffer.alloc(50 * 1024 * 1024 + 1, 1), 'big.pdf'),
          ),
        413,
      ],
      [
        'a batch over the limit',
        () =>
          admin(
            request(app.server)
              .post('/admin/webhooks/batch-delete')
              .send({ ids: Array.from({ length: MAX_BATCH + 1 }, (_, i) => i + 1) }),
          ),
        400,
      ],
      [
        'a non-integer id in a batch',
        () =>
          admin(
            request(app.server)
              .post('/admin/webhooks/batch-delete')
              .send({ ids: [1.5] }),
          ),
        usingPostgres() ? 400 : 200,
      ],
      ['a path in capitals', () => admin(request(app.server).get('/ADMIN/USERS/abc')), 400],
      ['a malformed escape in a single-type path', () => admin(request(app.server).get('/content-manager/single-types/%zz')), 404],
      ['an email template of the wrong shape', () => admin(request(app.server).put('/users-permissions/email-templates').send({ title: 'x' })), 400],
    ];
    for (const [what, req, status] of cases) {
      const res = await req();
      expect([what, res.status]).toEqual([what, status]);
      if (status >= 400) expect([what, res.body?.error?.message]).toEqual([what, expect.stringMatching(/\S/)]);
    }
    expect(fs.readdirSync(MULTIPART_DIR)).toEqual([]);
    expect((await request(app.server).get('/api/disclosure/health')).status).toBe(200);
  });

  it('an import that unpacks beyond its limit or holds too many rows fails with a message, and the app answers meanwhile', async () => {
    const settle = async (id: number) => {
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        const job = (await request(app.server).get(`/disclosure/import/${id}`).set('Authorization', `Bearer ${token}`)).body.data;
        if (job.state !== 'validating') return job;
      }
      throw new Error('still validating');
    };
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(MAX_XLSX_UNPACKED_BYTES + 1, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES);
    const a = await request(app.server).post('/disclosure/import').set('Authorization', `Bearer ${token}`).attach('file', bomb, 'bomb.xlsx');
    expect(a.status).toBe(202);
    expect(await settle(a.body.data.id)).toMatchObject({ state: 'failed', failure: expect.stringMatching(/解压后超过.*unpacks/) });
    const many = Buffer.from([HEADERS.join(','), ...Array(MAX_IMPORT_ROWS + 1).fill('x')].join('\n'));
    const b = await request(app.server).post('/disclosure/import').set('Authorization', `Bearer ${token}`).attach('file', many, 'many.csv');
    expect(b.status).toBe(202);
    expect((await request(app.server).get('/api/disclosure/health')).status).toBe(200);
    expect(await settle(b.body.data.id)).toMatchObject({ state: 'failed', failure: expect.stringMatching(new RegExp(`超过 ${MAX_IMPORT_ROWS} 行`)) });
  });
});
