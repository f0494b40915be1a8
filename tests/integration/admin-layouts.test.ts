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
    expect(config.layouts.list).toEqual(['title', 'indexNumber', 'organization', 'releaseDate', 'documentType']);
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
