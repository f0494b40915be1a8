/**
 * The portal's identity as configuration (网站信息, a single type): the public reads it in either script
 * (the Traditional version generated like any other content), nobody writes it through the content API,
 * and the demo values never replace an office's own.
 */
import request from 'supertest';
import { startStrapi, TestApp } from '../harness/strapi';
import { ensureDemoSite } from '../../src/bootstrap/demo-site';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('网站信息', () => {
  it('is read by the public in Simplified and Traditional, registration numbers as written', async () => {
    expect(await ensureDemoSite(app.strapi)).toBe(true);
    const hans = await request(app.server).get('/api/site').query({ locale: 'zh-Hans' });
    expect(hans.status).toBe(200);
    expect(hans.body.data).toMatchObject({ governmentName: '湘乡市壶天镇人民政府', siteCode: '4303810001', icpNumber: '湘ICP备00000000号' });
    const hant = await request(app.server).get('/api/site').query({ locale: 'zh-Hant' });
    expect(hant.status).toBe(200);
    expect(hant.body.data).toMatchObject({
      governmentName: '湘鄉市壺天鎮人民政府',
      organizer: '湘鄉市壺天鎮黨政綜合辦公室',
      siteCode: '4303810001',
      phone: '0731-56000000',
    });
  });

  it('keeps an office’s own values: the demo writes only when there is none', async () => {
    const site: any = await app.strapi.documents('api::site.site' as any).findFirst({ locale: 'zh-Hans' } as any);
    await app.strapi.documents('api::site.site' as any).update({ documentId: site.documentId, locale: 'zh-Hans', data: { siteCode: '4303810099' } } as any);
    expect(await ensureDemoSite(app.strapi)).toBe(false);
    expect((await request(app.server).get('/api/site').query({ locale: 'zh-Hans' })).body.data.siteCode).toBe('4303810099');
  });

  it('cannot be written or deleted through the content API', async () => {
    for (const res of [
      await request(app.server)
        .put('/api/site')
        .send({ data: { governmentName: 'x' } }),
      await request(app.server).delete('/api/site'),
    ]) {
      expect([403, 404, 405]).toContain(res.status);
    }
    expect((await request(app.server).get('/api/site').query({ locale: 'zh-Hans' })).body.data.governmentName).toBe('湘乡市壶天镇人民政府');
  });
});
