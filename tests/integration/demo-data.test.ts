import request from 'supertest';
import { startStrapi, TestApp } from '../harness/strapi';
import { seedDemoData } from '../../src/bootstrap/demo-data';
import { ensureDemoAdmin } from '../../src/bootstrap/demo-admin';
import { publishDemoReports } from '../../src/bootstrap/demo-reports';
import { demoDataEnabled } from '../../src/bootstrap';
import { shanghaiYear } from '../../src/plugins/disclosure/server/src/core/working-days/calendar-date';

let app: TestApp;
let seeded: Awaited<ReturnType<typeof seedDemoData>>;

beforeAll(async () => {
  app = await startStrapi();
  seeded = await seedDemoData(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

describe('demo data', () => {
  it('is on in development, off in production and switchable off', () => {
    expect(demoDataEnabled({ NODE_ENV: 'development' })).toBe(true);
    expect(demoDataEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(demoDataEnabled({ NODE_ENV: 'development', DEMO_DATA: 'false' })).toBe(false);
  });

  it('has the city government and, under it, the township of 壶天镇', async () => {
    const res = await request(app.server).get('/api/organizations').query({ locale: 'zh-Hans', populate: 'parent', 'filters[code][$eq]': '430381106' });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({
      name: '湘乡市壶天镇人民政府',
      address: '湘乡市壶天镇人民政府',
      postcode: '411400',
      phone: '0731-56660086',
      level: 'township',
    });
    expect(res.body.data[0].parent.name).toBe('湘乡市人民政府');
  });

  it('publishes notices across the catalogue for 2020 and the current year', async () => {
    const year = shanghaiYear();
    for (const y of [2020, year]) {
      const res = await request(app.server)
        .get('/api/notices')
        .query({ locale: 'zh-Hans', 'filters[releaseDate][$gte]': `${y}-01-01`, 'filters[releaseDate][$lte]': `${y}-12-31`, populate: 'category' });
      expect(res.status).toBe(200);
      expect(res.body.meta.pagination.total).toBeGreaterThanOrEqual(20);
      expect(new Set(res.body.data.map((n: any) => n.category.code)).size).toBeGreaterThanOrEqual(10);
    }
    expect(seeded!.notices).toBeGreaterThanOrEqual(40);
  });

  it('has applications with every outcome, open ones, and some received in one year and closed in the next', async () => {
    const rows = await app.strapi.db
      .query('api::disclosure-application.disclosure-application')
      .findMany({ select: ['receivedDate', 'answeredDate', 'applicationStatus', 'outcome', 'trackingNumber'] });
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((r: any) => r.outcome).filter(Boolean)).size).toBe(21);
    expect(rows.some((r: any) => !r.outcome)).toBe(true);
    expect(rows.some((r: any) => r.answeredDate && r.answeredDate.slice(0, 4) > r.receivedDate.slice(0, 4))).toBe(true);
    expect(new Set(rows.map((r: any) => r.trackingNumber)).size).toBe(rows.length);
    expect(await app.strapi.db.query('api::review-case.review-case').count()).toBeGreaterThanOrEqual(3);
  });

  it('publishes the township’s annual reports for 2020 (trial format) and the current year', async () => {
    const years = await publishDemoReports(app.strapi);
    expect(years).toEqual([2020, shanghaiYear()]);
    const res = await request(app.server).get('/api/annual-reports').query({ locale: 'zh-Hans', sort: 'year:asc' });
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: any) => [r.year, r.formatVersion])).toEqual([
      [2020, 2019],
      [shanghaiYear(), 2021],
    ]);
    expect(res.body.data[1].tables.applications.received.total).toBeGreaterThan(0);
  });

  it('is seeded once', async () => {
    expect(await seedDemoData(app.strapi)).toBeNull();
    expect(await app.strapi.db.query('api::organization.organization').count({ where: { code: '430381106', locale: 'zh-Hans' } })).toBe(1);
  });

  it('creates the demo super-admin from ADMIN_EMAIL / ADMIN_PASSWORD once, and it can log in', async () => {
    const env = { ADMIN_EMAIL: 'Demo@Example.com', ADMIN_PASSWORD: 'Demo12345!' } as any;
    expect(await ensureDemoAdmin(app.strapi, env)).toEqual({ email: 'demo@example.com', password: 'Demo12345!' });
    expect(await ensureDemoAdmin(app.strapi, env)).toBeNull();
    const login = await request(app.server).post('/admin/login').send({ email: 'demo@example.com', password: 'Demo12345!' });
    expect(login.status).toBe(200);
    expect(login.body.data.token).toBeTruthy();
  });
});
