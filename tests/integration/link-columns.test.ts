/**
 * The link columns the counts read (a notice's organization and category documentId, an application's
 * organization documentId) are kept by database triggers from Strapi's link tables. Whatever writes
 * the links, every row's column must equal what its link table says: after each write below the drift
 * is zero, and the counts follow the relation, not a stale copy.
 */
import request from 'supertest';
import { adminToken, adminUserWithRoles, startStrapi, TestApp } from '../harness/strapi';
import {
  ensureLinkColumns,
  linkColumnDrift,
  linkColumnNames,
  LINK_COLUMNS,
  triggerNames,
  triggerStatements,
} from '../../src/plugins/disclosure/server/src/modules/storage/link-columns';

let app: TestApp;
const docs = () => app.strapi.documents;
const knex = () => app.strapi.db.connection;
const dialect = () => app.strapi.db.dialect.client as 'sqlite' | 'postgres';

async function org(code: string) {
  return (await docs()('api::organization.organization').create({ locale: 'zh-Hans', data: { code, name: `机关${code}`, level: 'township' } as any }))
    .documentId;
}
async function category(code: string) {
  return (await docs()('api::disclosure-category.disclosure-category').create({ locale: 'zh-Hans', data: { code, name: `类别${code}` } as any })).documentId;
}

/** The link columns of every row of a notice (draft and published, every locale). */
async function noticeRows(documentId: string) {
  const rows = await knex()('notices').where('document_id', documentId).select('locale', 'published_at', 'organization_document_id', 'category_document_id');
  return rows.map((r: any) => ({ locale: r.locale, published: r.published_at !== null, org: r.organization_document_id, cat: r.category_document_id }));
}

async function expectNoDrift() {
  const drift = await linkColumnDrift(app.strapi);
  expect(Object.keys(drift).sort()).toEqual([
    'disclosure_applications.organization_document_id',
    'notices.category_document_id',
    'notices.organization_document_id',
  ]);
  expect(drift).toEqual(Object.fromEntries(Object.keys(drift).map((k) => [k, 0])));
}

const publishedTotal = async (code: string) =>
  (await app.strapi.plugin('disclosure').service('stats').organizationYear({ organization: code, year: 2025 })).notices.total;

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('link columns kept by triggers', () => {
  let a: string;
  let b: string;
  let x: string;
  let noticeId: string;

  beforeAll(async () => {
    a = await org('LC-A');
    b = await org('LC-B');
    x = await category('LCX');
  });

  it('fills the columns of a new draft and of its published row', async () => {
    const draft = await docs()('api::notice.notice').create({
      locale: 'zh-Hans',
      data: { title: '链接列测试', organization: a, category: x, releaseDate: '2025-03-01' } as any,
    });
    noticeId = draft.documentId;
    expect(await noticeRows(noticeId)).toContainEqual({ locale: 'zh-Hans', published: false, org: a, cat: x });
    await docs()('api::notice.notice').publish({ documentId: noticeId, locale: 'zh-Hans' });
    expect(await noticeRows(noticeId)).toContainEqual({ locale: 'zh-Hans', published: true, org: a, cat: x });
    expect(await publishedTotal('LC-A')).toBe(1);
    await expectNoDrift();
  });

  it('follows a change of organization and a removed category: the draft at once, the published row on publish', async () => {
    await docs()('api::notice.notice').update({ documentId: noticeId, locale: 'zh-Hans', data: { organization: b, category: null } as any });
    const rows = await noticeRows(noticeId);
    expect(rows).toContainEqual({ locale: 'zh-Hans', published: false, org: b, cat: null });
    expect(rows).toContainEqual({ locale: 'zh-Hans', published: true, org: a, cat: x });
    expect(await publishedTotal('LC-A')).toBe(1);
    await docs()('api::notice.notice').publish({ documentId: noticeId, locale: 'zh-Hans' });
    expect(await noticeRows(noticeId)).toContainEqual({ locale: 'zh-Hans', published: true, org: b, cat: null });
    expect(await publishedTotal('LC-A')).toBe(0);
    expect(await publishedTotal('LC-B')).toBe(1);
    await expectNoDrift();
  });

  it('ignores values written to the columns through the Document Service', async () => {
    await docs()('api::notice.notice').update({
      documentId: noticeId,
      locale: 'zh-Hans',
      data: { title: '链接列测试（改）', organizationDocumentId: a, categoryDocumentId: x } as any,
    });
    const rows = await noticeRows(noticeId);
    expect(rows).toContainEqual({ locale: 'zh-Hans', published: false, org: b, cat: null });
    await expectNoDrift();
  });

  it('keeps the columns out of the content API', async () => {
    await docs()('api::notice.notice').publish({ documentId: noticeId, locale: 'zh-Hans' });
    const res = await request(app.server).get(`/api/notices/${noticeId}`).query({ locale: 'zh-Hans' });
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('链接列测试（改）');
    expect(res.body.data).not.toHaveProperty('organizationDocumentId');
    expect(res.body.data).not.toHaveProperty('categoryDocumentId');
    const filtered = await request(app.server).get('/api/notices').query({ 'filters[organizationDocumentId][$eq]': b });
    expect(filtered.status).toBe(400);
  });

  it('follows an application moved to another organization, and a deleted organization', async () => {
    const application = await docs()('api::disclosure-application.disclosure-application').create({
      data: { organization: a, applicantType: 'naturalPerson', channel: 'online', receivedDate: '2025-02-03' } as any,
    });
    const column = async () =>
      (await knex()('disclosure_applications').where('document_id', application.documentId).first('organization_document_id')).organization_document_id;
    expect(await column()).toBe(a);
    await docs()('api::disclosure-application.disclosure-application').update({ documentId: application.documentId, data: { organization: b } as any });
    expect(await column()).toBe(b);

    // deleting organization B takes its links (and so the copies) with it
    await docs()('api::organization.organization').delete({ documentId: b, locale: '*' });
    expect(await column()).toBeNull();
    for (const row of await noticeRows(noticeId)) expect(row.org).toBeNull();
    await expectNoDrift();
  });

  it('recreates a missing trigger at start-up and repairs the rows written without it', async () => {
    const c = await org('LC-C');
    const spec = LINK_COLUMNS.find((l) => l.uid === 'api::notice.notice' && l.relation === 'organization')!;
    const names = linkColumnNames(app.strapi, spec);
    for (const name of triggerNames(names, dialect())) {
      await knex().raw(dialect() === 'postgres' ? `DROP TRIGGER "${name}" ON "${names.link}"` : `DROP TRIGGER "${name}"`);
    }
    // without the trigger a new notice's column stays empty, and a corrupted one stays wrong
    const orphan = await docs()('api::notice.notice').create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title: '触发器缺失时写入', organization: c, releaseDate: '2025-06-01' } as any,
    });
    await knex()('notices').where('document_id', noticeId).update({ organization_document_id: c });
    expect((await linkColumnDrift(app.strapi))['notices.organization_document_id']).toBeGreaterThan(0);
    expect(await publishedTotal('LC-C')).toBe(1); // the corrupted published row, not the new notice

    const { created, repaired } = await ensureLinkColumns(app.strapi);
    expect(created).toEqual(['notices.organization_document_id']);
    expect(repaired).toBeGreaterThanOrEqual(3); // the new notice's two rows and the corrupted ones
    await expectNoDrift();
    expect((await noticeRows(orphan.documentId)).every((r) => r.org === c)).toBe(true);
    expect(await publishedTotal('LC-C')).toBe(1); // now the new notice

    // with every trigger in place the check writes nothing
    expect(await ensureLinkColumns(app.strapi)).toEqual({ created: [], repaired: 0 });
  });

  it('replaces a trigger whose SQL is outdated (an earlier version, under its old name) and repairs what it wrote', async () => {
    const d = await org('LC-D');
    const spec = LINK_COLUMNS.find((l) => l.uid === 'api::notice.notice' && l.relation === 'organization')!;
    const names = linkColumnNames(app.strapi, spec);
    for (const name of triggerNames(names, dialect())) {
      await knex().raw(dialect() === 'postgres' ? `DROP TRIGGER "${name}" ON "${names.link}"` : `DROP TRIGGER "${name}"`);
    }
    // An older release's trigger: unversioned name, SQL that copies the wrong column (the target's locale).
    const outdated = { ...names, trigger: names.triggerBase, targetDocumentId: 'locale' };
    for (const statement of triggerStatements(outdated, dialect())) await knex().raw(statement);
    const written = await docs()('api::notice.notice').create({ locale: 'zh-Hans', data: { title: '旧触发器写入', organization: d } as any });
    expect((await noticeRows(written.documentId))[0].org).toBe('zh-Hans');

    const { created } = await ensureLinkColumns(app.strapi);
    expect(created).toEqual(['notices.organization_document_id']);
    const all =
      dialect() === 'postgres'
        ? (await knex().raw('SELECT tgname AS name FROM pg_trigger')).rows
        : await knex().raw(`SELECT name FROM sqlite_master WHERE type = 'trigger'`);
    const ours = all.map((r: any) => r.name).filter((n: string) => n.startsWith(names.triggerBase));
    expect(ours.sort()).toEqual(triggerNames(names, dialect()).sort());
    expect((await noticeRows(written.documentId))[0].org).toBe(d);
    await expectNoDrift();
  });

  it('reports triggers and drift to super admins only', async () => {
    const token = await adminToken(app);
    const res = await request(app.server).get('/disclosure/storage/health').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('ok');
    expect(res.body.data.drift['notices.organization_document_id']).toBe(0);
    expect(res.body.data.triggers['notices.organization_document_id']).toMatchObject({ present: true });
    const editor = await adminUserWithRoles(app, 'storageeditor', ['strapi-editor']);
    const refused = await request(app.server).get('/disclosure/storage/health').set('Authorization', `Bearer ${editor.token}`);
    expect(refused.status).toBe(403);
    expect((await request(app.server).get('/disclosure/storage/health')).status).toBe(401);
  });

  it("fails when the shape of Strapi's metadata for these tables changes", () => {
    // What link-columns.ts and link-rows.ts read from Strapi (5.54): a change here means reviewing both.
    const shape = (uid: string, attribute: string) => {
      const jt = (app.strapi.db.metadata.get(uid as any).attributes as any)[attribute].joinTable;
      return {
        keys: Object.keys(jt).sort().join(','),
        name: jt.name,
        joinColumn: { name: jt.joinColumn.name, referencedColumn: jt.joinColumn.referencedColumn },
        inverseJoinColumn: { name: jt.inverseJoinColumn.name, referencedColumn: jt.inverseJoinColumn.referencedColumn },
        orderColumnName: jt.orderColumnName,
        inverseOrderColumnName: jt.inverseOrderColumnName,
        on: jt.on,
      };
    };
    const keys = '__internal__,inverseJoinColumn,joinColumn,name,pivotColumns';
    expect(shape('api::notice.notice', 'organization')).toEqual({
      keys,
      name: 'notices_organization_lnk',
      joinColumn: { name: 'notice_id', referencedColumn: 'id' },
      inverseJoinColumn: { name: 'organization_id', referencedColumn: 'id' },
      orderColumnName: undefined,
      inverseOrderColumnName: undefined,
      on: undefined,
    });
    expect(shape('api::notice.notice', 'category')).toEqual({
      keys,
      name: 'notices_category_lnk',
      joinColumn: { name: 'notice_id', referencedColumn: 'id' },
      inverseJoinColumn: { name: 'disclosure_category_id', referencedColumn: 'id' },
      orderColumnName: undefined,
      inverseOrderColumnName: undefined,
      on: undefined,
    });
    expect(shape('api::disclosure-application.disclosure-application', 'organization')).toEqual({
      keys,
      name: 'disclosure_applications_organization_lnk',
      joinColumn: { name: 'disclosure_application_id', referencedColumn: 'id' },
      inverseJoinColumn: { name: 'organization_id', referencedColumn: 'id' },
      orderColumnName: undefined,
      inverseOrderColumnName: undefined,
      on: undefined,
    });
    const documentId = (app.strapi.db.metadata.get('api::disclosure-application.disclosure-application' as any).attributes as any).documentId;
    expect(typeof documentId.default).toBe('function');
  });
});
