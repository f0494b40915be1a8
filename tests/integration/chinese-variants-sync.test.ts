/**
 * chinese-variants sync: every source action mirrored to zh-Hant, relations in zh-Hant, hand-edit
 * protection and regeneration, the loop guard, concurrent publishes, glossary changes without restart.
 */
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';

const NOTICE = 'api::notice.notice';
const ORG = 'api::organization.organization';
const CATEGORY = 'api::disclosure-category.disclosure-category';
const GLOSSARY = 'plugin::chinese-variants.glossary-term';

let app: TestApp;
let token: string;
let orgId: string;
let categoryId: string;

const docs = (uid: string) => app.strapi.documents(uid as any);
const rows = (uid: string, documentId: string, locale: string) =>
  app.strapi.db.query(uid as any).findMany({ where: { documentId, locale }, select: ['id', 'title', 'publishedAt'] as any });
const draftOf = (documentId: string, locale = 'zh-Hant') =>
  docs(NOTICE).findOne({ documentId, locale, status: 'draft', populate: ['organization', 'category'] } as any);
const publishedOf = (documentId: string, locale = 'zh-Hant') => docs(NOTICE).findOne({ documentId, locale, status: 'published' } as any);
const adminGet = (path: string) => request(app.server).get(`/chinese-variants${path}`).set('Authorization', `Bearer ${token}`);
const adminPost = (path: string, body: any) => request(app.server).post(`/chinese-variants${path}`).set('Authorization', `Bearer ${token}`).send(body);
const status = async (documentId: string, uid = NOTICE) => {
  const res = await adminGet('/status').query({ uid, documentId });
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.data.targets.map((t: any) => [t.locale, t.status]));
};

const body = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

async function newNotice(title: string, extra: any = {}) {
  return docs(NOTICE).create({
    locale: 'zh-Hans',
    data: {
      title,
      summary: `${title}的摘要`,
      body: body(`${title}：关于进一步优化营商环境的通知`),
      organization: orgId,
      category: categoryId,
      documentType: 'announcement',
      ...extra,
    },
  } as any);
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  const org = await docs(ORG).create({ locale: 'zh-Hans', data: { name: '湘乡市发展和改革局', code: 'CV001', level: 'department' } as any });
  orgId = org.documentId;
  const category = await app.strapi.db.query(CATEGORY as any).findOne({ where: { code: 'FDZD.16', locale: 'zh-Hans' } });
  categoryId = category.documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('sync of the source locale to zh-Hant', () => {
  it('create: a converted zh-Hant draft, relations pointing at zh-Hant versions created first', async () => {
    const n = await newNotice('关于开展网络安全检查的通知');
    const t: any = await draftOf(n.documentId);
    expect(t).toBeTruthy();
    expect(t.locale).toBe('zh-Hant');
    expect(t.title).toBe('關於開展網絡安全檢查的通知');
    expect(t.summary).toBe('關於開展網絡安全檢查的通知的摘要');
    expect(t.body[0].children[0].text).toBe('關於開展網絡安全檢查的通知：關於進一步優化營商環境的通知');
    expect(t.organization).toMatchObject({ documentId: orgId, locale: 'zh-Hant', name: '湘鄉市發展和改革局' });
    expect(t.category).toMatchObject({ documentId: categoryId, locale: 'zh-Hant' });
    expect(t.indexNumber).toBeTruthy(); // non-localized fields: i18n's copy
    expect(await publishedOf(n.documentId)).toBeNull();
    expect(await status(n.documentId)).toEqual({ 'zh-Hant': 'generated' });
    expect(await status(orgId, ORG)).toEqual({ 'zh-Hant': 'generated' });
  });

  it('publish: zh-Hant published and readable over the content API with its zh-Hant category', async () => {
    const n = await newNotice('关于发布信息公开指南的通知');
    await docs(NOTICE).publish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    const p: any = await publishedOf(n.documentId);
    expect(p.title).toBe('關於發佈信息公開指南的通知');

    const res = await request(app.server).get(`/api/notices/${n.documentId}`).query({ locale: 'zh-Hant', populate: 'category' });
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('關於發佈信息公開指南的通知');
    expect(res.body.data.locale).toBe('zh-Hant');
    expect(res.body.data.category).toMatchObject({ documentId: categoryId, locale: 'zh-Hant' });
    const source = await request(app.server).get(`/api/notices/${n.documentId}`).query({ locale: 'zh-Hans', populate: 'category' });
    const converted = await app.strapi.plugin('chinese-variants').service('conversion').convert('zh-Hans', 'zh-Hant', 'text', source.body.data.category.name);
    expect(res.body.data.category.name).toBe(converted);
  });

  it('create with status published publishes zh-Hant too', async () => {
    const n = await newNotice('关于征集意见的公告', {});
    await docs(NOTICE).update({ documentId: n.documentId, locale: 'zh-Hans', status: 'published', data: { title: '关于征集意见的公告（更新）' } } as any);
    const p: any = await publishedOf(n.documentId);
    expect(p.title).toBe('關於徵集意見的公告（更新）');
  });

  it('update: the zh-Hant draft follows; the published zh-Hant waits for the next publish', async () => {
    const n = await newNotice('关于调整办公时间的通知');
    await docs(NOTICE).publish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    await docs(NOTICE).update({ documentId: n.documentId, locale: 'zh-Hans', data: { title: '关于调整冬季办公时间的通知' } } as any);
    expect(((await draftOf(n.documentId)) as any).title).toBe('關於調整冬季辦公時間的通知');
    expect(((await publishedOf(n.documentId)) as any).title).toBe('關於調整辦公時間的通知');
    await docs(NOTICE).publish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    expect(((await publishedOf(n.documentId)) as any).title).toBe('關於調整冬季辦公時間的通知');
  });

  it('discardDraft: the zh-Hant draft goes back to the published text', async () => {
    const n = await newNotice('关于春节放假安排的通知');
    await docs(NOTICE).publish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    await docs(NOTICE).update({ documentId: n.documentId, locale: 'zh-Hans', data: { title: '草稿标题' } } as any);
    expect(((await draftOf(n.documentId)) as any).title).toBe('草稿標題');
    await docs(NOTICE).discardDraft({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    expect(((await draftOf(n.documentId)) as any).title).toBe('關於春節放假安排的通知');
    expect(await status(n.documentId)).toEqual({ 'zh-Hant': 'generated' });
  });

  it('unpublish: zh-Hant unpublished, its draft kept', async () => {
    const n = await newNotice('关于撤回的通知');
    await docs(NOTICE).publish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    expect(await publishedOf(n.documentId)).toBeTruthy();
    await docs(NOTICE).unpublish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    expect(await publishedOf(n.documentId)).toBeNull();
    expect(await draftOf(n.documentId)).toBeTruthy();
  });

  it('delete: the generated zh-Hant version is removed with its source', async () => {
    const n = await newNotice('关于删除的通知');
    await docs(NOTICE).publish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    await docs(NOTICE).delete({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    expect(await rows(NOTICE, n.documentId, 'zh-Hant')).toEqual([]);
    expect(await app.strapi.db.query('plugin::chinese-variants.sync-record' as any).count({ where: { targetDocumentId: n.documentId } })).toBe(0);
  });

  it('multi-locale publish (locale "*" or a list naming zh-Hans) is mirrored to zh-Hant', async () => {
    // '*': a source created while the sync was off has no zh-Hant yet; it is created and published
    app.strapi.config.set('plugin::chinese-variants.sync', false);
    let n: any;
    try {
      n = await newNotice('关于全部语言发布的通知');
    } finally {
      app.strapi.config.set('plugin::chinese-variants.sync', true);
    }
    expect(await rows(NOTICE, n.documentId, 'zh-Hant')).toEqual([]);
    await docs(NOTICE).publish({ documentId: n.documentId, locale: '*' } as any);
    expect(((await publishedOf(n.documentId)) as any)?.title).toBe('關於全部語言發佈的通知');
    expect(((await publishedOf(n.documentId, 'zh-Hans')) as any)?.title).toBe('关于全部语言发布的通知');

    // a list naming the source: the generated zh-Hant is published with it, once
    const m = await newNotice('关于列表发布的通知');
    const result: any = await docs(NOTICE).publish({ documentId: m.documentId, locale: ['zh-Hans'] } as any);
    expect(result.entries[0].locale).toBe('zh-Hans');
    expect(((await publishedOf(m.documentId)) as any)?.title).toBe('關於列表發佈的通知');
    expect((await rows(NOTICE, m.documentId, 'zh-Hant')).filter((r: any) => r.publishedAt !== null)).toHaveLength(1);
    expect(await status(m.documentId)).toEqual({ 'zh-Hant': 'generated' });

    // a hand-edited zh-Hant is still left alone by a list that does not name it
    await docs(NOTICE).update({ documentId: m.documentId, locale: 'zh-Hant', data: { title: '人工校訂的列表通知' } } as any);
    await docs(NOTICE).update({ documentId: m.documentId, locale: 'zh-Hans', data: { title: '关于列表发布的通知（修订）' } } as any);
    await docs(NOTICE).publish({ documentId: m.documentId, locale: ['zh-Hans'] } as any);
    expect(((await publishedOf(m.documentId)) as any)?.title).toBe('關於列表發佈的通知');
    expect(((await publishedOf(m.documentId, 'zh-Hans')) as any)?.title).toBe('关于列表发布的通知（修订）');
  });

  it('multi-locale delete naming only zh-Hans removes the generated zh-Hant too', async () => {
    const n = await newNotice('关于列表删除的通知');
    await docs(NOTICE).delete({ documentId: n.documentId, locale: ['zh-Hans'] } as any);
    expect(await rows(NOTICE, n.documentId, 'zh-Hans')).toEqual([]);
    expect(await rows(NOTICE, n.documentId, 'zh-Hant')).toEqual([]);
    expect(await app.strapi.db.query('plugin::chinese-variants.sync-record' as any).count({ where: { targetDocumentId: n.documentId } })).toBe(0);
  });

  it('non-draft-and-publish types (organization) follow create and update', async () => {
    const org = await docs(ORG).create({ locale: 'zh-Hans', data: { name: '湘乡市数据资源局', code: 'CV002', level: 'department' } as any });
    expect(((await docs(ORG).findOne({ documentId: org.documentId, locale: 'zh-Hant' } as any)) as any).name).toBe('湘鄉市數據資源局');
    await docs(ORG).update({ documentId: org.documentId, locale: 'zh-Hans', data: { address: '湘乡市东山街道' } } as any);
    expect(((await docs(ORG).findOne({ documentId: org.documentId, locale: 'zh-Hant' } as any)) as any).address).toBe('湘鄉市東山街道');
  });
});

describe('hand edits are sacred', () => {
  it('a hand edit survives later updates and publishes of the source, which mark it stale', async () => {
    const n = await newNotice('关于开展专项整治的通知');
    await docs(NOTICE).publish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    await docs(NOTICE).update({ documentId: n.documentId, locale: 'zh-Hant', data: { title: '關於開展專項整治之通知（人工校訂）' } } as any);
    await docs(NOTICE).publish({ documentId: n.documentId, locale: 'zh-Hant' } as any);
    expect(await status(n.documentId)).toEqual({ 'zh-Hant': 'edited' });

    await docs(NOTICE).update({ documentId: n.documentId, locale: 'zh-Hans', data: { title: '关于开展专项整治行动的通知' } } as any);
    await docs(NOTICE).publish({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    expect(((await draftOf(n.documentId)) as any).title).toBe('關於開展專項整治之通知（人工校訂）');
    expect(((await publishedOf(n.documentId)) as any).title).toBe('關於開展專項整治之通知（人工校訂）');
    expect(await status(n.documentId)).toEqual({ 'zh-Hant': 'stale' });
    // the public may learn that the published Traditional page is older than its source (and nothing else)
    const fresh = await request(app.server).get('/api/chinese-variants/freshness').query({ uid: NOTICE, documentId: n.documentId, locale: 'zh-Hant' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.data).toEqual({ locale: 'zh-Hant', sourceLocale: 'zh-Hans', status: 'stale' });
    const draftOnly = await newNotice('尚未发布的通知');
    for (const query of [
      { uid: NOTICE, documentId: draftOnly.documentId, locale: 'zh-Hant' },
      { uid: NOTICE, documentId: 'nosuchdocument', locale: 'zh-Hant' },
      { uid: 'api::disclosure-application.disclosure-application', documentId: n.documentId, locale: 'zh-Hant' },
    ]) {
      expect((await request(app.server).get('/api/chinese-variants/freshness').query(query)).status).toBe(404);
    }
    expect((await request(app.server).get('/api/chinese-variants/freshness').query({ uid: NOTICE, documentId: n.documentId, locale: 'fr' })).status).toBe(400);
    // what changed in the source since the version the edit was based on, word by word
    const changes = (await adminGet('/status').query({ uid: NOTICE, documentId: n.documentId })).body.data.targets[0].sourceChanges;
    expect(changes).toEqual([
      {
        field: 'title',
        parts: [
          { op: 'same', text: '关于开展专项整治' },
          { op: 'added', text: '行动' },
          { op: 'same', text: '的通知' },
        ],
      },
    ]);

    // keep my edits: no longer stale, still protected
    let res = await adminPost('/keep', { uid: NOTICE, documentId: n.documentId, locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    expect(await status(n.documentId)).toEqual({ 'zh-Hant': 'edited' });
    await docs(NOTICE).update({ documentId: n.documentId, locale: 'zh-Hans', data: { summary: '新的摘要' } } as any);
    expect(((await draftOf(n.documentId)) as any).title).toBe('關於開展專項整治之通知（人工校訂）');
    expect(await status(n.documentId)).toEqual({ 'zh-Hant': 'stale' });
    // measured from the version kept, not from the first one
    const kept = (await adminGet('/status').query({ uid: NOTICE, documentId: n.documentId })).body.data.targets[0].sourceChanges;
    expect(kept).toEqual([
      {
        field: 'summary',
        parts: [
          { op: 'removed', text: '关于开展专项整治的通知的' },
          { op: 'added', text: '新的' },
          { op: 'same', text: '摘要' },
        ],
      },
    ]);

    // regenerate: the conversion of the source replaces the edit, published because the source is
    res = await adminPost('/regenerate', { uid: NOTICE, documentId: n.documentId, locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    expect(((await draftOf(n.documentId)) as any).title).toBe('關於開展專項整治行動的通知');
    expect(((await draftOf(n.documentId)) as any).summary).toBe('新的摘要');
    expect(((await publishedOf(n.documentId)) as any).title).toBe('關於開展專項整治行動的通知');
    expect(await status(n.documentId)).toEqual({ 'zh-Hant': 'generated' });

    // and it is synced again from then on
    await docs(NOTICE).update({ documentId: n.documentId, locale: 'zh-Hans', data: { title: '关于开展专项整治行动的补充通知' } } as any);
    expect(((await draftOf(n.documentId)) as any).title).toBe('關於開展專項整治行動的補充通知');
  });

  it('a hand-edited target is not deleted with its source', async () => {
    const n = await newNotice('关于保留的通知');
    await docs(NOTICE).update({ documentId: n.documentId, locale: 'zh-Hant', data: { title: '人工版本' } } as any);
    await docs(NOTICE).delete({ documentId: n.documentId, locale: 'zh-Hans' } as any);
    expect((await rows(NOTICE, n.documentId, 'zh-Hant')).map((r: any) => r.title)).toEqual(['人工版本']);
  });

  it('admin routes: preview of the converted text, 400 on bad input, 401 without a token', async () => {
    const n = await newNotice('关于预览的通知');
    const res = await adminGet('/preview').query({ uid: NOTICE, documentId: n.documentId, locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('關於預覽的通知');
    expect((await adminGet('/status').query({ uid: 'api::nope.nope', documentId: 'x' })).status).toBe(400);
    expect((await adminPost('/regenerate', { uid: NOTICE, documentId: n.documentId, locale: 'ja' })).status).toBe(400);
    expect((await request(app.server).get('/chinese-variants/status').query({ uid: NOTICE, documentId: n.documentId })).status).toBe(401);
  });
});

describe('loop guard and concurrency', () => {
  it('one source update causes exactly one zh-Hant write, and target writes never write back', async () => {
    const calls: string[] = [];
    app.strapi.documents.use(async (ctx: any, next: any) => {
      if (ctx.uid === NOTICE) calls.push(`${ctx.action}:${ctx.params?.locale ?? '-'}`);
      return next();
    });
    const n = await newNotice('关于循环保护的通知');
    calls.length = 0;
    await docs(NOTICE).update({ documentId: n.documentId, locale: 'zh-Hans', data: { title: '关于循环保护的通知（二）' } } as any);
    expect(calls.filter((c) => c.startsWith('update:'))).toEqual(['update:zh-Hans', 'update:zh-Hant']);
    calls.length = 0;
    await docs(NOTICE).update({ documentId: n.documentId, locale: 'zh-Hant', data: { title: '手改' } } as any);
    expect(calls).toEqual(['update:zh-Hant']);
    expect(((await docs(NOTICE).findOne({ documentId: n.documentId, locale: 'zh-Hans' } as any)) as any).title).toBe('关于循环保护的通知（二）');
  });

  it('concurrent publishes of one document: exactly one zh-Hant draft and one published version', async () => {
    const n = await newNotice('关于并发发布的通知');
    await Promise.all(
      Array.from({ length: 6 }, () =>
        docs(NOTICE)
          .publish({ documentId: n.documentId, locale: 'zh-Hans' } as any)
          .catch(() => undefined),
      ),
    );
    const hant = await rows(NOTICE, n.documentId, 'zh-Hant');
    expect(hant.filter((r: any) => r.publishedAt === null)).toHaveLength(1);
    expect(hant.filter((r: any) => r.publishedAt !== null)).toHaveLength(1);
    expect(hant[0].title).toBe('關於併發發佈的通知');
  });

  it('publish through the content manager (HTTP, inside its transaction), also concurrently', async () => {
    const n = await newNotice('关于编辑发布的通知');
    // concurrent requests need a listening server (supertest would listen once per request)
    if (!app.server.listening) await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${app.server.address().port}`;
    const publish = () =>
      request(base)
        .post(`/content-manager/collection-types/${NOTICE}/${n.documentId}/actions/publish`)
        .query({ locale: 'zh-Hans' })
        .set('Authorization', `Bearer ${token}`)
        .send({});
    const res = await publish();
    expect(res.status).toBe(200);
    expect(res.body.data.locale).toBe('zh-Hans');
    expect(res.body.data.title).toBe('关于编辑发布的通知');
    expect(((await publishedOf(n.documentId)) as any).title).toBe('關於編輯發佈的通知');
    const all = await Promise.all(Array.from({ length: 4 }, () => publish()));
    expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const hant = await rows(NOTICE, n.documentId, 'zh-Hant');
    expect(hant.filter((r: any) => r.publishedAt === null)).toHaveLength(1);
    expect(hant.filter((r: any) => r.publishedAt !== null)).toHaveLength(1);
    const hans = await rows(NOTICE, n.documentId, 'zh-Hans');
    expect(hans.filter((r: any) => r.publishedAt !== null)).toHaveLength(1);
  });

  it('concurrent creates of notices sharing a new organization create one zh-Hant organization', async () => {
    const org = await app.strapi.db
      .transaction(async () => null)
      .then(() => docs(ORG).create({ locale: 'zh-Hans', data: { name: '湘乡市并发测试局', code: 'CV003', level: 'department' } as any }));
    await app.strapi.db.query('plugin::chinese-variants.sync-record' as any).deleteMany({ where: { targetDocumentId: org.documentId } });
    await docs(ORG).delete({ documentId: org.documentId, locale: 'zh-Hant' } as any);
    await Promise.all(Array.from({ length: 4 }, (_, i) => newNotice(`并发通知${i}`, { organization: org.documentId })));
    expect(await app.strapi.db.query(ORG as any).count({ where: { documentId: org.documentId, locale: 'zh-Hant' } })).toBe(1);
  });
});

describe('glossary', () => {
  it('is seeded with the protected vocabulary, visible in the content manager', async () => {
    expect(await app.strapi.db.query(GLOSSARY as any).count({ where: { protected: true } })).toBeGreaterThanOrEqual(117);
    const res = await request(app.server).get(`/content-manager/collection-types/${GLOSSARY}`).set('Authorization', `Bearer ${token}`).query({ pageSize: 1 });
    expect(res.status).toBe(200);
    expect(res.body.pagination.total).toBeGreaterThanOrEqual(117);
  });

  it('a change takes effect on the next conversion, without restart', async () => {
    const convert = () =>
      request(app.server).post('/api/chinese-variants/convert').send({ from: 'zh-Hans', to: 'zh-Hant', format: 'text', content: '龙山县网络' });
    expect((await convert()).body.content).toBe('龍山縣網絡');
    const term = await docs(GLOSSARY).create({ data: { term: '龙山县', replacements: { 'zh-Hant': '龍山縣（湘）' } } as any });
    expect((await convert()).body.content).toBe('龍山縣（湘）網絡');
    await docs(GLOSSARY).update({ documentId: term.documentId, data: { enabled: false } } as any);
    expect((await convert()).body.content).toBe('龍山縣網絡');
    await docs(GLOSSARY).delete({ documentId: term.documentId } as any);
    expect((await convert()).body.content).toBe('龍山縣網絡');

    // and in the sync
    const t2 = await docs(GLOSSARY).create({ data: { term: '壶天镇', replacements: { 'zh-Hant': '壺天鎮（测）' } } as any });
    const n = await newNotice('壶天镇公告');
    expect(((await draftOf(n.documentId)) as any).title).toBe('壺天鎮（测）公告');

    // generated targets are re-converted with the new glossary on their next sync (here: a backfill run)
    await docs(GLOSSARY).update({ documentId: t2.documentId, data: { replacements: { 'zh-Hant': '壺天鎮（新）' } } } as any);
    await app.strapi.plugin('chinese-variants').service('sync').syncTarget(NOTICE, n.documentId, 'zh-Hant', { publish: 'if-source-published' });
    expect(((await draftOf(n.documentId)) as any).title).toBe('壺天鎮（新）公告');
  });
});
