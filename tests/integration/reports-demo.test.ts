/**
 * The demo data yields complete, valid annual reports for 湘乡市壶天镇人民政府: the current year in the
 * 2021 format and 2020 in the trial format.
 */
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { seedDemoData } from '../../src/bootstrap/demo-data';
import { publishDemoReports } from '../../src/bootstrap/demo-reports';
import { shanghaiYear } from '../../src/plugins/disclosure/server/src/core/working-days/calendar-date';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startStrapi();
  await seedDemoData(app.strapi);
  // as the first start does: the office's paragraphs in, then published
  await publishDemoReports(app.strapi);
  token = await adminToken(app);
});
afterAll(async () => {
  // Publishing fires entry events whose listeners (outside this module) still query for a moment on PostgreSQL.
  await new Promise((r) => setTimeout(r, 3000));
  await app?.stop();
});

describe('demo annual reports of 壶天镇', () => {
  it.each([
    ['2020 (trial format)', 2020, '2019'],
    ['the current year', shanghaiYear(), '2021'],
  ])('%s: regenerated with no error-rule failure, and publishable', async (_label, year, version) => {
    const res = await request(app.server)
      .post('/disclosure/annual-reports/generate')
      .set({ Authorization: `Bearer ${token}` })
      .send({ organization: '430381106', year });
    expect(res.status).toBe(200);
    const out = res.body.data;
    expect(out.formatVersion).toBe(version);
    expect(out.validation.failures.filter((f: any) => f.severity === 'error')).toEqual([]);
    // complete: something was published and applications were handled in the year
    const json = await request(app.server)
      .get(`/disclosure/annual-reports/${out.documentId}/export`)
      .query({ format: 'json' })
      .set({ Authorization: `Bearer ${token}` });
    expect(json.status).toBe(200);
    expect(json.body.formatVersion).toBe(version);
    expect(json.body.tables.applications.received.total).toBeGreaterThan(0);
    expect(json.body.tables.applications.closedTotal.total).toBeGreaterThan(0);
    const values = Object.values(json.body.tables).flatMap((t: any) => Object.values(t).flatMap((r: any) => Object.values(r)));
    expect(values.every((v) => typeof v === 'number')).toBe(true);

    await request(app.server)
      .post(`/disclosure/annual-reports/${out.documentId}/acknowledge-warnings`)
      .set({ Authorization: `Bearer ${token}` })
      .send({});
    await expect(app.strapi.documents('api::annual-report.annual-report').publish({ documentId: out.documentId, locale: 'zh-Hans' })).resolves.toBeTruthy();

    // what citizens read has real prose in both scripts: no placeholder, nothing contradicting the tables
    for (const locale of ['zh-Hans', 'zh-Hant']) {
      const html = await request(app.server).get(`/api/disclosure/annual-reports/${out.documentId}/export`).query({ format: 'html', locale });
      expect(html.status).toBe(200);
      expect(html.text).not.toMatch(/【待[补補]充/);
      expect(html.text).toMatch(/政務公開|政务公开/);
    }
    const prose = await request(app.server)
      .get(`/disclosure/annual-reports/${out.documentId}/prose`)
      .set({ Authorization: `Bearer ${token}` });
    expect(prose.body.data.findings).toEqual([]);
    expect(prose.body.data.placeholders).toEqual([]);
  });
});
