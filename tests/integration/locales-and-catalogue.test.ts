import request from 'supertest';
import { startStrapi, TestApp } from '../harness/strapi';
import { ensureLocales } from '../../src/bootstrap/locales';
import { seedCatalogue } from '../../src/bootstrap/catalogue';
import { DEFAULT_CATALOGUE } from '../../src/data/catalogue';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('locales', () => {
  it('has zh-Hans as the default locale and zh-Hant, without the placeholder en', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    const codes = (await locales.find()).map((l: any) => l.code).sort();
    expect(codes).toEqual(['zh-Hans', 'zh-Hant']);
    expect(await locales.getDefaultLocale()).toBe('zh-Hans');
  });

  it('is idempotent and leaves other locales alone', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    await locales.create({ code: 'en', name: 'English (en)' });
    await locales.setDefaultLocale({ code: 'en' });
    await ensureLocales(app.strapi);
    await ensureLocales(app.strapi);
    const codes = (await locales.find()).map((l: any) => l.code).sort();
    expect(codes).toEqual(['en', 'zh-Hans', 'zh-Hant']);
    expect(await locales.getDefaultLocale()).toBe('zh-Hans');
  });

  it('creates extra target locales on demand', async () => {
    await ensureLocales(app.strapi, ['zh-Hant', 'zh-Hant-HK']);
    const locales = app.strapi.plugin('i18n').service('locales');
    expect(await locales.findByCode('zh-Hant-HK')).toMatchObject({ code: 'zh-Hant-HK' });
  });
});

describe('default catalogue', () => {
  it('seeds every code of catalogue.md exactly once, with its parent', async () => {
    const rows = await app.strapi.db.query('api::disclosure-category.disclosure-category').findMany({
      where: { locale: 'zh-Hans' },
      populate: { parent: { select: ['code'] } },
    });
    const codes = rows.map((r: any) => r.code).sort();
    expect(codes).toEqual(DEFAULT_CATALOGUE.map((c) => c.code).sort());
    const byCode = new Map(rows.map((r: any) => [r.code, r]));
    expect((byCode.get('FDZD.02.01') as any).parent.code).toBe('FDZD.02');
    expect((byCode.get('FDZD.05') as any).parent.code).toBe('FDZD');
    expect((byCode.get('GUIDE') as any).parent).toBeNull();
    expect((byCode.get('FDZD.02.02') as any).name).toBe('行政规范性文件');
  });

  it('seeding again creates nothing and keeps an editor’s rename', async () => {
    const uid = 'api::disclosure-category.disclosure-category';
    const guide = await app.strapi.db.query(uid).findOne({ where: { code: 'GUIDE', locale: 'zh-Hans' } });
    await app.strapi.documents(uid).update({ documentId: guide.documentId, locale: 'zh-Hans', data: { name: '信息公开指南' } as any });
    expect(await seedCatalogue(app.strapi)).toBe(0);
    expect(await app.strapi.db.query(uid).count({ where: { code: 'GUIDE', locale: 'zh-Hans' } })).toBe(1);
    expect((await app.strapi.db.query(uid).findOne({ where: { code: 'GUIDE', locale: 'zh-Hans' } })).name).toBe('信息公开指南');
  });

  it('is listed anonymously through the content API', async () => {
    const res = await request(app.server).get('/api/disclosure-categories').query({ locale: 'zh-Hans', 'pagination[pageSize]': 100, sort: 'sortOrder:asc' });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(DEFAULT_CATALOGUE.length);
    expect(res.body.data.map((c: any) => c.code)).toContain('FDZD.02.02');
    expect(res.body.meta.pagination.total).toBe(DEFAULT_CATALOGUE.length);
  });
});
