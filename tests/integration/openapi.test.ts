/**
 * The OpenAPI document of @strapi/plugin-documentation: the content types' read routes and the
 * plugins' public routes with their parameters, bodies and responses; nothing of applications or
 * review cases. The plugins' documented shapes are checked against what the server really answers.
 */
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { startStrapi, TestApp } from '../harness/strapi';
import { completeProse } from '../harness/reports';

let app: TestApp;
let doc: any;
// A version of our own: every test file's boot rewrites the default version's file in src/extensions.
const version = `9.${process.pid}.${Date.now() % 1_000_000}`;
const YEAR = 2025;
let reportId: string;

const documentation = () => app.strapi.plugin('documentation').service('documentation');

function resolve(schema: any): any {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components.schemas[name];
  if (!target) throw new Error(`dangling $ref ${schema.$ref}`);
  return resolve(target);
}

/** Where `value` departs from `schema` (types, required keys, enums, nested properties/items). */
function mismatches(schemaOrRef: any, value: any, at = '$'): string[] {
  const schema = resolve(schemaOrRef);
  if (value === null) return schema.nullable ? [] : [`${at}: null`];
  if (schema.oneOf) {
    return schema.oneOf.some((s: any) => mismatches(s, value, at).length === 0) ? [] : [`${at}: matches no oneOf branch`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in enum`];
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const out = (schema.required ?? []).filter((k: string) => !(k in value)).map((k: string) => `${at}.${k}: missing`);
      for (const [k, v] of Object.entries(value)) {
        const sub = schema.properties?.[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : null);
        if (sub) out.push(...mismatches(sub, v, `${at}.${k}`));
      }
      return out;
    }
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((v, i) => (schema.items ? mismatches(schema.items, v, `${at}[${i}]`) : []));
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'string':
    case 'boolean':
      return typeof value === schema.type ? [] : [`${at}: not a ${schema.type}`];
    default:
      return [];
  }
}

const operation = (p: string, method: string) => {
  const op = doc.paths[p]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${p} is not documented`);
  return op;
};
const param = (op: any, name: string) => op.parameters.find((p: any) => p.name === name);
const jsonSchemaOf = (response: any) => response.content['application/json'].schema;

beforeAll(async () => {
  app = await startStrapi();
  await documentation().generateFullDoc(version);
  doc = JSON.parse(fs.readFileSync(path.join(documentation().getFullDocumentationPath(), version, 'full_documentation.json'), 'utf8'));

  const org = await app.strapi.documents('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '文档县人民政府', code: 'DOC001', level: 'county' } as any,
  });
  const category = await app.strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code: 'FDZD.16', locale: 'zh-Hans' } });
  for (const [i, type] of ['announcement', 'announcement', 'work-update'].entries()) {
    await app.strapi.documents('api::notice.notice').create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title: `公告${i}`, organization: org.documentId, category: category.documentId, documentType: type, releaseDate: `${YEAR}-0${i + 3}-01` } as any,
    });
  }
  const report = await app.strapi.plugin('disclosure').service('reports').generate({ organization: 'DOC001', year: YEAR });
  await completeProse(app.strapi, report.documentId);
  await app.strapi.documents('api::annual-report.annual-report').publish({ documentId: report.documentId, locale: 'zh-Hans' });
  reportId = report.documentId;
});
afterAll(async () => {
  if (app) await documentation().deleteDocumentation(version);
  await app?.stop();
});

describe('the document', () => {
  it('is OpenAPI 3 for the /api server, needs no credentials and is served at /documentation', async () => {
    expect(doc.openapi).toBe('3.0.0');
    expect(doc.servers).toEqual([{ url: '/api', description: 'This server' }]);
    expect(doc.security).toEqual([]);
    expect(doc.info).toMatchObject({ title: 'Gongkai content API', license: { name: 'MIT' } });
    expect(doc.info.contact).toBeUndefined();
    const res = await request(app.server).get(`/documentation/v${version}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
    const served = JSON.parse(/spec: (\{.*\}),\s*dom_id/s.exec(res.text)![1]);
    expect(served).toEqual(doc);
  });

  it.each(['organizations', 'disclosure-categories', 'notices', 'annual-reports'])('has the read routes of /%s only', (plural) => {
    const list = operation(`/${plural}`, 'get');
    for (const name of ['locale', 'filters', 'populate', 'sort', 'pagination[page]', 'pagination[pageSize]']) expect(param(list, name)).toBeDefined();
    expect(resolve(jsonSchemaOf(list.responses['200'])).properties).toMatchObject({ data: { type: 'array' }, meta: { type: 'object' } });
    const one = operation(`/${plural}/{id}`, 'get');
    expect(param(one, 'id')).toMatchObject({ in: 'path', required: true, description: 'The entry’s documentId' });
    expect(param(one, 'locale')).toMatchObject({ in: 'query' });
    expect(param(one, 'populate')).toMatchObject({ in: 'query' });
    expect(resolve(jsonSchemaOf(one.responses['200'])).properties.data).toBeDefined();
    for (const p of [`/${plural}`, `/${plural}/{id}`]) expect(Object.keys(doc.paths[p])).toEqual(['get']);
  });

  it('describes the notice with its catalogue metadata and relations', () => {
    const notice = resolve({ $ref: '#/components/schemas/Notice' });
    for (const field of ['title', 'indexNumber', 'documentNumber', 'documentType', 'releaseDate', 'validity', 'organization', 'category']) {
      expect(notice.properties[field]).toBeDefined();
    }
    expect(notice.properties.documentType.enum).toContain('normative-document');
    // the attachments the portal lists: name, type, size and URL of each file
    const attachment = notice.properties.attachments.items;
    for (const field of ['name', 'ext', 'mime', 'size', 'url']) expect(attachment.properties[field]).toBeDefined();
  });

  it('has no path or schema of applications or review cases, nor of Strapi’s own plugins', () => {
    const paths = Object.keys(doc.paths);
    // the online application routes take a submission and answer its progress, never a stored application
    const online = (p: string) => p.startsWith('/disclosure/online-applications');
    expect(paths.filter((p) => /application|review-case/i.test(p) && !online(p))).toEqual([]);
    expect(Object.keys(doc.components.schemas).filter((s) => /DisclosureApplication|ReviewCase/i.test(s))).toEqual([]);
    const stored = {
      ...doc,
      paths: Object.fromEntries(Object.entries(doc.paths).filter(([p]) => !online(p))),
      components: { ...doc.components, schemas: { ...doc.components.schemas } },
    };
    delete stored.components.schemas.OnlineApplicationSubmission;
    expect(JSON.stringify(stored)).not.toMatch(/applicantName|applicantContact|requestedContent/);
    const statusFields = Object.keys(doc.components.schemas.OnlineApplicationStatus.properties.data.properties);
    expect(statusFields.filter((f) => /applicant|requested|idNumber|phone|email|address/i.test(f))).toEqual([]);
    expect(paths.filter((p) => /^\/(upload|auth|users|connect)/.test(p))).toEqual([]);
    expect(paths.sort()).toEqual(
      [
        '/annual-reports',
        '/annual-reports/{id}',
        '/chinese-variants/convert',
        '/chinese-variants/freshness',
        '/chinese-variants/health',
        '/disclosure-categories',
        '/disclosure-categories/{id}',
        '/disclosure/annual-reports/{documentId}/export',
        '/disclosure/comments/{kind}/{documentId}',
        '/disclosure/health',
        '/disclosure/helpful/{kind}/{documentId}',
        '/disclosure/online-applications',
        '/disclosure/online-applications/correction',
        '/disclosure/online-applications/file',
        '/disclosure/online-applications/form',
        '/disclosure/online-applications/lookup',
        '/disclosure/search',
        '/disclosure/stats',
        '/notices',
        '/notices/{id}',
        '/organizations',
        '/organizations/{id}',
        '/site',
      ].sort(),
    );
    // the portal's identity is read-only
    expect(Object.keys(doc.paths['/site'])).toEqual(['get']);
  });
});

describe('POST /api/chinese-variants/convert', () => {
  const p = '/chinese-variants/convert';

  it('documents its body { from, to, format, content } and its 200, 400 and 413 answers', () => {
    const op = operation(p, 'post');
    expect(op.security).toEqual([]);
    const body = resolve(op.requestBody.content['application/json'].schema);
    expect(op.requestBody.required).toBe(true);
    expect(body.required.sort()).toEqual(['content', 'format', 'from', 'to']);
    expect(body.properties.format.enum).toEqual(['text', 'html', 'markdown', 'blocks']);
    expect(resolve(jsonSchemaOf(op.responses['200'])).required).toEqual(['content']);
    for (const status of ['400', '413']) expect(jsonSchemaOf(op.responses[status])).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('answers as documented', async () => {
    const op = operation(p, 'post');
    const requestBody = { from: 'zh-Hans', to: 'zh-Hant', format: 'text', content: '政府信息公开' };
    expect(mismatches(op.requestBody.content['application/json'].schema, requestBody)).toEqual([]);
    const ok = await request(app.server).post(`/api${p}`).send(requestBody);
    expect(ok.status).toBe(200);
    expect(ok.body.content).toContain('公開');
    expect(mismatches(jsonSchemaOf(op.responses['200']), ok.body)).toEqual([]);
    const blocks = [{ type: 'paragraph', children: [{ type: 'text', text: '公开' }] }];
    const okBlocks = await request(app.server)
      .post(`/api${p}`)
      .send({ ...requestBody, format: 'blocks', content: blocks });
    expect(mismatches(jsonSchemaOf(op.responses['200']), okBlocks.body)).toEqual([]);
    expect(Array.isArray(okBlocks.body.content)).toBe(true);

    const bad = await request(app.server)
      .post(`/api${p}`)
      .send({ ...requestBody, format: 'pdf' });
    expect(bad.status).toBe(400);
    expect(mismatches(jsonSchemaOf(op.responses['400']), bad.body)).toEqual([]);
    const big = await request(app.server)
      .post(`/api${p}`)
      .send({ ...requestBody, content: '公'.repeat(400_000) });
    expect(big.status).toBe(413);
    expect(mismatches(jsonSchemaOf(op.responses['413']), big.body)).toEqual([]);
  });
});

describe('GET /api/disclosure/stats', () => {
  const p = '/disclosure/stats';

  it('documents organization and year (required), includeSubOrganizations and the counts', () => {
    const op = operation(p, 'get');
    expect(param(op, 'organization')).toMatchObject({ in: 'query', required: true, schema: { type: 'string' } });
    expect(param(op, 'year')).toMatchObject({ in: 'query', required: true, schema: { type: 'integer' } });
    expect(param(op, 'includeSubOrganizations')).toMatchObject({ in: 'query', required: false, schema: { type: 'boolean' } });
    const stats = resolve(jsonSchemaOf(op.responses['200']));
    expect(stats.required).toEqual(['organization', 'year', 'includeSubOrganizations', 'notices']);
    const counts = resolve(stats.properties.notices);
    expect(counts.required).toEqual(['total', 'byCategory', 'uncategorised', 'byMonth', 'byDocumentType']);
    expect(resolve(counts.properties.byCategory.items).required).toEqual(['code', 'name', 'parent', 'count', 'total']);
    for (const status of ['400', '404']) expect(jsonSchemaOf(op.responses[status])).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('answers as documented', async () => {
    const op = operation(p, 'get');
    const ok = await request(app.server).get(`/api${p}`).query({ organization: 'DOC001', year: YEAR });
    expect(ok.status).toBe(200);
    expect(ok.body.notices.total).toBe(3);
    expect(ok.body.notices.byDocumentType).toEqual({ announcement: 2, 'work-update': 1 });
    expect(mismatches(jsonSchemaOf(op.responses['200']), ok.body)).toEqual([]);
    const bad = await request(app.server).get(`/api${p}`).query({ organization: 'DOC001', year: 'last' });
    expect(bad.status).toBe(400);
    expect(mismatches(jsonSchemaOf(op.responses['400']), bad.body)).toEqual([]);
    const missing = await request(app.server).get(`/api${p}`).query({ organization: 'NOPE', year: YEAR });
    expect(missing.status).toBe(404);
    expect(mismatches(jsonSchemaOf(op.responses['404']), missing.body)).toEqual([]);
  });
});

describe('GET /api/disclosure/search', () => {
  const p = '/disclosure/search';

  it('documents q (required), the filters and the hits, and answers as documented', async () => {
    const op = operation(p, 'get');
    expect(param(op, 'q')).toMatchObject({ in: 'query', required: true, schema: { type: 'string' } });
    for (const name of ['locale', 'page', 'pageSize', 'kind', 'organization', 'category', 'year', 'documentType']) expect(param(op, name).required).toBe(false);
    const ok = await request(app.server).get(`/api${p}`).query({ q: '公告', organization: 'DOC001', locale: 'zh-Hant' });
    expect(ok.status).toBe(200);
    expect(ok.body.meta.pagination.total).toBe(3);
    expect(mismatches(jsonSchemaOf(op.responses['200']), ok.body)).toEqual([]);
    const bad = await request(app.server).get(`/api${p}`).query({ q: '' });
    expect(bad.status).toBe(400);
    expect(mismatches(jsonSchemaOf(op.responses['400']), bad.body)).toEqual([]);
  });
});

describe('/api/disclosure/helpful/{kind}/{documentId}', () => {
  const p = '/disclosure/helpful/{kind}/{documentId}';

  it('documents the count and the vote, and answers as documented', async () => {
    const [get, post] = [operation(p, 'get'), operation(p, 'post')];
    expect(post.requestBody.content['application/json'].schema.required).toEqual(['voter']);
    const notice = (await request(app.server).get('/api/notices').query({ locale: 'zh-Hans' })).body.data[0];
    const url = `/api/disclosure/helpful/notice/${notice.documentId}`;
    const voted = await request(app.server).post(url).send({ voter: 'openapi-test-voter-0001' });
    expect(voted.status).toBe(201);
    expect(mismatches(jsonSchemaOf(post.responses['201']), voted.body)).toEqual([]);
    const count = await request(app.server).get(url);
    expect(mismatches(jsonSchemaOf(get.responses['200']), count.body)).toEqual([]);
    const bad = await request(app.server).post(url).send({});
    expect(bad.status).toBe(400);
    expect(mismatches(jsonSchemaOf(post.responses['400']), bad.body)).toEqual([]);
  });

  it('documents 留言, and answers as documented', async () => {
    const p2 = '/disclosure/comments/{kind}/{documentId}';
    const [get, post] = [operation(p2, 'get'), operation(p2, 'post')];
    expect(post.requestBody.content['application/json'].schema.required).toEqual(['nickname', 'text']);
    const notice = (await request(app.server).get('/api/notices').query({ locale: 'zh-Hans' })).body.data[0];
    const url = `/api/disclosure/comments/notice/${notice.documentId}`;
    const sent = await request(app.server).post(url).send({ nickname: '甲', text: '内容' });
    expect(sent.status).toBe(202);
    expect(mismatches(jsonSchemaOf(post.responses['202']), sent.body)).toEqual([]);
    const [queued] = await app.strapi.db.query('plugin::disclosure.comment' as any).findMany({});
    await app.strapi
      .documents('plugin::disclosure.comment' as any)
      .update({ documentId: queued.documentId, data: { moderation: 'approved', reply: '答复' } as any });
    const list = await request(app.server).get(url);
    expect(list.body.data).toHaveLength(1);
    expect(mismatches(jsonSchemaOf(get.responses['200']), list.body)).toEqual([]);
  });
});

describe('GET /api/disclosure/annual-reports/{documentId}/export', () => {
  const p = '/disclosure/annual-reports/{documentId}/export';
  const url = (id: string) => `/api/disclosure/annual-reports/${id}/export`;

  it('documents documentId, format, locale and a response per format', () => {
    const op = operation(p, 'get');
    expect(param(op, 'documentId')).toMatchObject({ in: 'path', required: true, schema: { type: 'string' } });
    expect(param(op, 'format').schema.enum).toEqual(['html', 'json', 'csv', 'xlsx', 'docx', 'pdf']);
    expect(param(op, 'locale').schema.enum).toEqual(['zh-Hans', 'zh-Hant']);
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(
      [
        'application/json',
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/zip',
        'text/csv',
        'text/html',
      ].sort(),
    );
    expect(op.responses['200'].content['application/zip'].schema).toEqual({ type: 'string', format: 'binary' });
    for (const status of ['400', '404']) expect(jsonSchemaOf(op.responses[status])).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('answers every format with a documented media type, and JSON in the documented shape', async () => {
    const op = operation(p, 'get');
    const documented = Object.keys(op.responses['200'].content);
    for (const format of param(op, 'format').schema.enum) {
      for (const locale of param(op, 'locale').schema.enum) {
        const res = await request(app.server).get(url(reportId)).query({ format, locale }).buffer(true);
        expect(res.status).toBe(200);
        expect(documented).toContain(String(res.headers['content-type']).split(';')[0]);
      }
    }
    const json = await request(app.server).get(url(reportId)).query({ format: 'json', locale: 'zh-Hant' });
    expect(json.body).toMatchObject({ organization: '文檔縣人民政府', year: YEAR });
    expect(mismatches(op.responses['200'].content['application/json'].schema, json.body)).toEqual([]);
    const single = await request(app.server).get(url(reportId)).query({ format: 'csv', layout: 'single' });
    expect(single.headers['content-type']).toMatch(/^text\/csv/);

    const bad = await request(app.server).get(url(reportId)).query({ format: 'odt' });
    expect(bad.status).toBe(400);
    expect(mismatches(jsonSchemaOf(op.responses['400']), bad.body)).toEqual([]);
    const missing = await request(app.server).get(url('nosuchreport000000000000'));
    expect(missing.status).toBe(404);
    expect(mismatches(jsonSchemaOf(op.responses['404']), missing.body)).toEqual([]);
  });
});
