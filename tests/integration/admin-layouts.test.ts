/**
 * The admin as the content manager configures it at bootstrap: Chinese labels, descriptions and
 * placeholders, the list columns and sort, computed fields read-only, categories named "编码 名称";
 * an administrator's own change is not undone at the next start.
 */
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { applyAdminLayouts } from '../../src/bootstrap/admin-layouts';

let app: TestApp;
let token: string;
const auth = () => ({ Authorization: `Bearer ${token}` });
const configuration = async (uid: string) => {
  const res = await request(app.server).get(`/content-manager/content-types/${uid}/configuration`).set(auth());
  expect(res.status).toBe(200);
  return res.body.data.contentType;
};

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('content manager configuration', () => {
  it('notices: the catalogue’s words, the columns an editor scans, newest first, 索引号 read-only', async () => {
    const config = await configuration('api::notice.notice');
    expect(config.metadatas.indexNumber.edit).toMatchObject({ label: '索引号', editable: false, description: expect.stringContaining('系统自动分配') });
    expect(config.metadatas.documentNumber.edit).toMatchObject({ label: '文号', placeholder: '如：壶政发〔2026〕12号' });
    expect(config.metadatas.releaseDate.edit.label).toBe('发布日期');
    expect(config.metadatas.releaseDate.list.label).toBe('发布日期');
    expect(config.layouts.list).toEqual(['title', 'indexNumber', 'organization', 'releaseDate']);
    expect(config.settings).toMatchObject({ defaultSortBy: 'releaseDate', defaultSortOrder: 'DESC' });
  });

  it('applications: computed fields read-only and explained', async () => {
    const config = await configuration('api::disclosure-application.disclosure-application');
    for (const field of ['trackingNumber', 'dueDate', 'feeYuan', 'correctionLimit']) {
      expect(config.metadatas[field].edit.editable).toBe(false);
      expect(config.metadatas[field].edit.description).toMatch(/自动/);
    }
  });

  it('categories are named by code and name, and the name follows edits', async () => {
    const config = await configuration('api::disclosure-category.disclosure-category');
    expect(config.settings.mainField).toBe('label');
    const row = await app.strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code: 'FDZD.02.02', locale: 'zh-Hans' } });
    expect(row.label).toBe(`FDZD.02.02 ${row.name}`);
    const created = await app.strapi
      .documents('api::disclosure-category.disclosure-category')
      .create({ locale: 'zh-Hans', data: { code: 'ZZ.01', name: '测试分类', label: '伪造' } as any });
    expect((created as any).label).toBe('ZZ.01 测试分类');
    const renamed = await app.strapi
      .documents('api::disclosure-category.disclosure-category')
      .update({ documentId: created.documentId, locale: 'zh-Hans', data: { name: '改名后的分类' } as any });
    expect((renamed as any).label).toBe('ZZ.01 改名后的分类');
    // not part of the public API
    const pub = await request(app.server).get(`/api/disclosure-categories/${created.documentId}`).query({ locale: 'zh-Hans' });
    expect(pub.body.data?.label).toBeUndefined();
  });

  it('leaves an administrator’s own label alone at the next start', async () => {
    const uid = 'api::notice.notice';
    const config = await configuration(uid);
    // as the admin's "Configure the view" sends it: relation metadata without the list's resolved mainField
    const metadatas = Object.fromEntries(
      Object.entries(config.metadatas as Record<string, any>).map(([k, m]) => {
        const { mainField: _resolved, ...list } = m.list ?? {};
        return [k, { ...m, list }];
      }),
    );
    metadatas.documentNumber.edit = { ...metadatas.documentNumber.edit, label: '发文字号' };
    const put = await request(app.server)
      .put(`/content-manager/content-types/${uid}/configuration`)
      .set(auth())
      .send({ layouts: config.layouts, metadatas, settings: config.settings });
    expect(put.status).toBe(200);
    await applyAdminLayouts(app.strapi);
    expect((await configuration(uid)).metadatas.documentNumber.edit.label).toBe('发文字号');
  });
});

describe('the catalogue picker and the rules’ messages', () => {
  const NOTICE = 'api::notice.notice';
  const category = (code: string) =>
    app.strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code, locale: 'zh-Hans' }, select: ['id', 'documentId'] });

  it('offers only leaf categories to a notice', async () => {
    const res = await request(app.server).get(`/content-manager/relations/${NOTICE}/category`).query({ locale: 'zh-Hans', pageSize: 100 }).set(auth());
    expect(res.status).toBe(200);
    const labels: string[] = res.body.results.map((r: any) => r.label);
    expect(labels).toEqual(expect.arrayContaining(['FDZD.02.02 行政规范性文件', 'FDZD.16 其他', 'GUIDE 政府信息公开指南']));
    expect(labels.some((l) => /^FDZD(\.02)? /.test(l))).toBe(false);
    // a search keeps the filter
    const searched = await request(app.server).get(`/content-manager/relations/${NOTICE}/category`).query({ locale: 'zh-Hans', _q: 'FDZD.02' }).set(auth());
    expect(searched.body.results.map((r: any) => r.label).sort()).toEqual(
      ['FDZD.02.01 规章', 'FDZD.02.02 行政规范性文件', 'FDZD.02.03 其他文件', 'FDZD.02.04 政策解读'].sort(),
    );
  });

  it('refuses a grouping category, and says so in the field’s Chinese name first', async () => {
    const group = await category('FDZD.02');
    const res = await request(app.server)
      .post(`/content-manager/collection-types/${NOTICE}`)
      .query({ locale: 'zh-Hans' })
      .set(auth())
      .send({ title: '分类测试', category: { connect: [{ id: group.id }] } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^“FDZD\.02 政策文件”下还有子分类，“主题分类”请选择其中最末一级的分类 \/ category FDZD\.02 has sub-categories/);
    expect(res.body.error.details.errors[0].path).toEqual(['category']);
  });

  it('names fields by their labels in Chinese before the English', async () => {
    const res = await request(app.server)
      .post(`/content-manager/collection-types/${NOTICE}`)
      .query({ locale: 'zh-Hans' })
      .set(auth())
      .send({ title: '日期测试', writtenDate: '2026-03-05', releaseDate: '2026-03-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      '“发布日期”（2026-03-01）不能早于“成文日期”（2026-03-05） / releaseDate (2026-03-01) must not be before writtenDate (2026-03-05)',
    );
  });
});

describe('a clean workspace', () => {
  it('answers the admin’s Strapi AI probe with “off” instead of a 404', async () => {
    const res = await request(app.server).get('/admin/ai-feature-config').set(auth());
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ isAiI18nConfigured: false, isAiMediaLibraryConfigured: false });
  });

  it('gives nobody the Marketplace, not even the super admin', async () => {
    const res = await request(app.server).get('/admin/users/me/permissions').set(auth());
    expect(res.status).toBe(200);
    const actions: string[] = res.body.data.map((p: any) => p.action);
    expect(actions).toContain('admin::users.read');
    expect(actions).not.toContain('admin::marketplace.read');
  });
});
