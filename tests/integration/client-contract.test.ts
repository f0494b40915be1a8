/**
 * The public API as a portal developer uses it: the official @strapi/client against the real server,
 * reading categories, notices and annual reports in zh-Hans and zh-Hant with filters, populate and
 * pagination, and the plugins' routes through client.fetch.
 */
import { strapi as createClient, HTTPError, type StrapiClient } from '@strapi/client';
import { startStrapi, TestApp } from '../harness/strapi';
import { completeProse } from '../harness/reports';
import { listen } from '../harness/listen';

const ORG = 'CLI001';
const POLICY = 'FDZD.02.02'; // 行政规范性文件, under FDZD.02 政策文件
const STATS = 'FDZD.04'; // 统计信息
const YEAR = 2025;

let app: TestApp;
let client: StrapiClient;
let draftId: string;
let reportId: string;
const policyIds: string[] = [];
const statsIds: string[] = [];
const titles = new Map<string, string>();

const toHant = (text: string) => app.strapi.plugin('chinese-variants').service('conversion').convert('zh-Hans', 'zh-Hant', 'text', text) as Promise<string>;
const notices = () => client.collection('notices');

/** The HTTP status a client call failed with. */
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (error) {
    if (error instanceof HTTPError) return error.response.status;
    throw error;
  }
  throw new Error('the call succeeded');
}

beforeAll(async () => {
  app = await startStrapi();
  client = createClient({ baseURL: `${await listen(app)}/api` });
  const docs = app.strapi.documents;
  const org = await docs('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '测试市人民政府', code: ORG, level: 'city' } as any,
  });
  const category = async (code: string) =>
    (await app.strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code, locale: 'zh-Hans' } })).documentId;
  const seed = async (count: number, code: string, type: string, ids: string[], title: (i: number) => string) => {
    const categoryId = await category(code);
    for (let i = 0; i < count; i += 1) {
      const n = await docs('api::notice.notice').create({
        locale: 'zh-Hans',
        status: 'published',
        data: {
          title: title(i),
          organization: org.documentId,
          category: categoryId,
          documentType: type,
          releaseDate: `${YEAR}-0${ids.length + 1}-1${i}`,
        } as any,
      });
      ids.push(n.documentId);
      titles.set(n.documentId, title(i));
    }
  };
  await seed(5, POLICY, 'normative-document', policyIds, (i) => `关于进一步规范行政执法行为的实施意见（第${i + 1}号）`);
  await seed(3, STATS, 'work-update', statsIds, (i) => `${YEAR}年第${i + 1}季度国民经济运行情况统计数据发布`);
  const draft = await docs('api::notice.notice').create({
    locale: 'zh-Hans',
    data: { title: '尚未发布的规范性文件', organization: org.documentId, category: await category(POLICY), documentType: 'normative-document' } as any,
  });
  draftId = draft.documentId;
  const report = await app.strapi.plugin('disclosure').service('reports').generate({ organization: ORG, year: YEAR });
  await completeProse(app.strapi, report.documentId);
  await docs('api::annual-report.annual-report').publish({ documentId: report.documentId, locale: 'zh-Hans' });
  reportId = report.documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('disclosure categories', () => {
  it('reads a category by code in both locales, the zh-Hant one converted, with its parent in the same locale', async () => {
    const hans = await client.collection('disclosure-categories').find({ locale: 'zh-Hans', filters: { code: { $eq: POLICY } }, populate: ['parent'] });
    const hant = await client.collection('disclosure-categories').find({ locale: 'zh-Hant', filters: { code: { $eq: POLICY } }, populate: ['parent'] });
    expect(hans.data).toHaveLength(1);
    expect(hant.data).toHaveLength(1);
    expect(hans.data[0]).toMatchObject({ code: POLICY, name: '行政规范性文件', locale: 'zh-Hans', parent: { code: 'FDZD.02', locale: 'zh-Hans' } });
    expect(hant.data[0].documentId).toBe(hans.data[0].documentId);
    expect(hant.data[0].name).toBe(await toHant('行政规范性文件'));
    expect(hant.data[0].name).not.toBe(hans.data[0].name);
    expect(hant.data[0].parent).toMatchObject({ code: 'FDZD.02', locale: 'zh-Hant', name: await toHant('政策文件') });
  });

  it('pages through the whole catalogue with the totals in meta', async () => {
    const total = await app.strapi.db.query('api::disclosure-category.disclosure-category').count({ where: { locale: 'zh-Hant' } });
    const first = await client.collection('disclosure-categories').find({ locale: 'zh-Hant', sort: 'code:asc', pagination: { page: 1, pageSize: 10 } });
    expect(first.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: Math.ceil(total / 10), total });
    const codes: string[] = [];
    for (let page = 1; page <= first.meta.pagination!.pageCount!; page += 1) {
      const res = await client
        .collection('disclosure-categories')
        .find({ locale: 'zh-Hant', sort: 'code:asc', fields: ['code'], pagination: { page, pageSize: 10 } });
      codes.push(...res.data.map((c: any) => c.code));
    }
    expect(codes).toHaveLength(total);
    expect(new Set(codes).size).toBe(total);
    expect(codes).toEqual([...codes].sort());
  });
});

describe('notices', () => {
  it('filters by category code: only that category’s published notices, category populated', async () => {
    const res = await notices().find({
      locale: 'zh-Hans',
      filters: { category: { code: { $eq: POLICY } } },
      populate: ['category'],
      pagination: { pageSize: 100 },
    });
    expect(res.data.map((n) => n.documentId).sort()).toEqual([...policyIds].sort());
    expect(res.data.every((n: any) => n.category.code === POLICY)).toBe(true);
    expect(res.data.map((n) => n.documentId)).not.toContain(draftId);
    expect(res.meta.pagination?.total).toBe(5);
    const stats = await notices().find({ locale: 'zh-Hans', filters: { category: { code: { $eq: STATS } } } });
    expect(stats.data.map((n) => n.documentId).sort()).toEqual([...statsIds].sort());
  });

  it('pages with the totals in meta, newest first, each notice once', async () => {
    const all = [...policyIds, ...statsIds];
    const seen: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const res = await notices().find({
        locale: 'zh-Hans',
        filters: { organization: { code: { $eq: ORG } } },
        sort: ['releaseDate:desc', 'documentId:asc'],
        fields: ['title', 'releaseDate'],
        pagination: { page, pageSize: 3 },
      });
      expect(res.meta.pagination).toEqual({ page, pageSize: 3, pageCount: 3, total: 8 });
      expect(res.data.length).toBe(page < 3 ? 3 : 2);
      seen.push(...res.data.map((n) => n.documentId));
      const dates = res.data.map((n: any) => n.releaseDate);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(res.data.every((n: any) => n.indexNumber === undefined)).toBe(true); // fields honoured
    }
    expect(seen.sort()).toEqual(all.sort());
  });

  it('reads zh-Hant: converted titles, category and organization populated in zh-Hant', async () => {
    const res = await notices().find({
      locale: 'zh-Hant',
      filters: { category: { code: { $eq: POLICY } } },
      populate: ['category', 'organization'],
      pagination: { pageSize: 100 },
    });
    expect(res.data).toHaveLength(5);
    for (const n of res.data as any[]) {
      expect(n.locale).toBe('zh-Hant');
      expect(n.title).toBe(await toHant(titles.get(n.documentId)!));
      expect(n.title).not.toBe(titles.get(n.documentId));
      expect(n.category).toMatchObject({ code: POLICY, locale: 'zh-Hant', name: await toHant('行政规范性文件') });
      expect(n.organization).toMatchObject({ code: ORG, locale: 'zh-Hant', name: '測試市人民政府' });
    }
  });

  it('reads one notice by documentId in each locale; the same index number in both', async () => {
    const id = policyIds[0];
    const hans = await notices().findOne(id, { locale: 'zh-Hans', populate: ['category'] });
    const hant = await notices().findOne(id, { locale: 'zh-Hant', populate: ['category'] });
    expect(hans.data).toMatchObject({ documentId: id, locale: 'zh-Hans', title: titles.get(id) });
    expect(hant.data).toMatchObject({ documentId: id, locale: 'zh-Hant', title: await toHant(titles.get(id)!) });
    expect(hans.data.indexNumber).toMatch(new RegExp(`^${ORG}/${YEAR}-\\d{5}$`));
    expect(hant.data.indexNumber).toBe(hans.data.indexNumber);
    expect((hant.data as any).category.locale).toBe('zh-Hant');
  });

  it('answers a draft with 404 and refuses status=draft with 400', async () => {
    expect(await statusOf(notices().findOne(draftId, { locale: 'zh-Hans' }))).toBe(404);
    expect(await statusOf(notices().find({ status: 'draft' }))).toBe(400);
  });
});

describe('annual reports', () => {
  it('lists the published report of an organization in both locales, the zh-Hant title converted', async () => {
    const query = { filters: { organization: { code: { $eq: ORG } } }, populate: ['organization'] };
    const hans = await client.collection('annual-reports').find({ ...query, locale: 'zh-Hans' });
    const hant = await client.collection('annual-reports').find({ ...query, locale: 'zh-Hant' });
    expect(hans.data.map((r) => r.documentId)).toEqual([reportId]);
    expect(hant.data.map((r) => r.documentId)).toEqual([reportId]);
    expect(hans.data[0]).toMatchObject({ year: YEAR, organization: { code: ORG, name: '测试市人民政府' } });
    expect(hant.data[0]).toMatchObject({ year: YEAR, title: await toHant(hans.data[0].title), organization: { name: '測試市人民政府', locale: 'zh-Hant' } });
    expect(hant.data[0].title).not.toBe(hans.data[0].title);
    const other = await client.collection('annual-reports').find({ locale: 'zh-Hans', filters: { year: { $eq: YEAR - 1 } } });
    expect(other.data).toEqual([]);
  });

  it('exports it through client.fetch, the table of proactive disclosure counting the published notices', async () => {
    const res = await client.fetch(`/disclosure/annual-reports/${reportId}/export?format=json&locale=zh-Hant`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ organization: '測試市人民政府', year: YEAR, formatVersion: '2021' });
    expect(Object.keys(body.tables)).toEqual(['proactive', 'applications', 'reviewsAndLawsuits']);
    // 行政规范性文件 issued in the year: the five published normative documents, not the draft
    expect(body.tables.proactive.normativeDocuments).toMatchObject({ issued: 5, inForce: 5 });
    expect(body.tables.proactive.regulations).toMatchObject({ issued: 0 });
  });
});

describe('plugin routes through client.fetch', () => {
  it('stats count the published notices of the organization-year', async () => {
    const res = await client.fetch(`/disclosure/stats?organization=${ORG}&year=${YEAR}`);
    const body = await res.json();
    expect(body.notices.total).toBe(8);
    expect(body.notices.byDocumentType).toEqual({ 'normative-document': 5, 'work-update': 3 });
    expect(body.notices.byCategory.find((c: any) => c.code === 'FDZD.02')).toMatchObject({ count: 0, total: 5 });
    expect(await statusOf(client.fetch(`/disclosure/stats?organization=${ORG}&year=soon`))).toBe(400);
  });

  it('convert gives the same text the notices got', async () => {
    const res = await client.fetch('/chinese-variants/convert', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: 'zh-Hans', to: 'zh-Hant', format: 'text', content: titles.get(policyIds[0]) }),
    });
    const hant = await notices().findOne(policyIds[0], { locale: 'zh-Hant' });
    expect((await res.json()).content).toBe(hant.data.title);
  });
});

describe('what a portal cannot read', () => {
  it.each(['disclosure-applications', 'review-cases'])('%s has no public route', async (plural) => {
    expect([403, 404, 405]).toContain(await statusOf(client.collection(plural).find()));
  });
});
