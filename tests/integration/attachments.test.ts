/**
 * A notice's attachments on the node's disk (no S3): the public reads them with the notice, in either
 * script, and downloads them safely — PDFs and images inline, anything else (HTML, SVG …) as a download
 * under its original name, sandboxed and never sniffed.
 */
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

let app: TestApp;
let token: string;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
});
afterAll(async () => {
  await app?.stop();
});

async function upload(content: Buffer, name: string, type: string) {
  const res = await request(app.server).post('/upload').set('Authorization', `Bearer ${token}`).attach('files', content, { filename: name, contentType: type });
  expect(res.status).toBe(201);
  return res.body[0];
}

describe('attachments of a published notice', () => {
  let pdfFile: any;
  let htmlFile: any;
  let documentId: string;

  beforeAll(async () => {
    pdfFile = await upload(pdf, '壶天镇2026年财政预算.pdf', 'application/pdf');
    htmlFile = await upload(html, '说明.html', 'text/html');
    const org = await app.strapi
      .documents('api::organization.organization')
      .create({ locale: 'zh-Hans', data: { name: '附件测试局', code: 'AT001', level: 'department' } as any });
    const notice = await app.strapi.documents('api::notice.notice').create({
      locale: 'zh-Hans',
      status: 'published',
      data: {
        title: '关于公开2026年财政预算的通知',
        organization: org.documentId,
        documentType: 'announcement',
        attachments: [pdfFile.id, htmlFile.id],
      } as any,
    });
    documentId = notice.documentId;
  });

  it('are read by the public with the notice, in both scripts', async () => {
    for (const locale of ['zh-Hans', 'zh-Hant']) {
      const res = await request(app.server)
        .get(`/api/notices/${documentId}`)
        .query({ locale, populate: { attachments: { fields: ['name', 'ext', 'mime', 'size', 'url'] } } });
      expect(res.status).toBe(200);
      expect(res.body.data.attachments.map((a: any) => [a.name, a.ext, a.mime])).toEqual([
        ['壶天镇2026年财政预算.pdf', '.pdf', 'application/pdf'],
        ['说明.html', '.html', 'text/html'],
      ]);
      expect(res.body.data.attachments[0].url).toMatch(/^\/uploads\/.+\.pdf$/);
    }
  });

  it('serves a PDF inline under its name, never sniffed', async () => {
    const res = await request(app.server).get(pdfFile.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.headers['content-disposition']).toBe(`inline; filename="___2026_____.pdf"; filename*=UTF-8''${encodeURIComponent('壶天镇2026年财政预算.pdf')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(res.body).equals(pdf)).toBe(true);
  });

  it('serves HTML as a download in a sandbox, not as a page of the site', async () => {
    const res = await request(app.server).get(htmlFile.url).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('说明.html'));
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it('answers a missing file 404 without headers of a file', async () => {
    const res = await request(app.server).get('/uploads/no-such-file.pdf');
    expect(res.status).toBe(404);
    expect(res.headers['content-disposition']).toBeUndefined();
  });
});
