/**
 * The disclosure plugin depends on chinese-variants through its public service only: with that plugin
 * switched off (CHINESE_VARIANTS=false) the app starts, counts and exports its reports in Simplified, and a
 * Traditional export answers 404 saying why.
 */
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

let app: TestApp;
let token: string;

beforeAll(async () => {
  process.env.CHINESE_VARIANTS = 'false';
  app = await startStrapi();
  token = await adminToken(app);
});
afterAll(async () => {
  await app?.stop();
  delete process.env.CHINESE_VARIANTS;
});

describe('without chinese-variants', () => {
  it('exports reports in Simplified only, and its own routes are gone', async () => {
    expect(app.strapi.plugin('chinese-variants')).toBeUndefined();
    const org = await app.strapi
      .documents('api::organization.organization')
      .create({ locale: 'zh-Hans', data: { code: 'NV001', name: '无繁体镇人民政府', level: 'township' } as any });
    await app.strapi.documents('api::notice.notice').create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title: '只有简体的通知', organization: org.documentId, documentType: 'announcement', releaseDate: '2025-03-01' } as any,
    });
    const stats = await request(app.server).get('/api/disclosure/stats').query({ organization: 'NV001', year: 2025 });
    expect([stats.status, stats.body.notices.total]).toEqual([200, 1]);
    const generated = await request(app.server)
      .post('/disclosure/annual-reports/generate')
      .set('Authorization', `Bearer ${token}`)
      .send({ organization: 'NV001', year: 2025 });
    expect(generated.status).toBe(200);
    const id = generated.body.data.documentId;
    const url = `/disclosure/annual-reports/${id}/export`;
    const hans = await request(app.server).get(url).query({ format: 'html', locale: 'zh-Hans' }).set('Authorization', `Bearer ${token}`);
    expect(hans.status).toBe(200);
    expect(hans.text).toContain('主动公开政府信息情况');
    const hant = await request(app.server).get(url).query({ format: 'html', locale: 'zh-Hant' }).set('Authorization', `Bearer ${token}`);
    expect(hant.status).toBe(404);
    expect(hant.body.error.message).toMatch(/未配置简繁转换.*chinese-variants/);
    // No such route: the portal's catch-all serves GET only, so a POST there is a 405.
    const convert = await request(app.server).post('/api/chinese-variants/convert').send({ from: 'zh-Hans', to: 'zh-Hant', format: 'text', content: '发布' });
    expect([404, 405]).toContain(convert.status);
  });
});
