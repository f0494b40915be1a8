/**
 * Seeded generation of hostile requests for one route: malformed and wrongly typed bodies, huge and deeply
 * nested ones, truncated multipart, unicode edge cases, operator abuse in the query, path tricks and
 * oversized ids. Pure: the same seed gives the same cases, so a failure reproduces (`FUZZ_SEED=…`).
 */
import { fillPath, paramsOf, type Route } from '../harness/routes';

export type Rng = () => number;

/** mulberry32: small, fast and good enough to pick cases. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** encodeURIComponent, with a lone surrogate sent as its 3 UTF-8-style bytes (invalid UTF-8) instead of throwing. */
const enc = (s: string) =>
  s.replace(/[\s\S]/gu, (ch) =>
    /^[\ud800-\udfff]$/.test(ch)
      ? [0xe0 | (ch.charCodeAt(0) >> 12), 0x80 | ((ch.charCodeAt(0) >> 6) & 63), 0x80 | (ch.charCodeAt(0) & 63)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('')
      : encodeURIComponent(ch),
  );

export type Attribute = { name: string; type: string };
/** What the generator may aim at: the app's content types and a few real record ids. */
export type Target = { models: { uid: string; attributes: Attribute[] }[]; documentIds: string[] };

export type FuzzCase = { method: string; url: string; contentType?: string; body?: string; family: string };

/** Strings that have broken parsers, databases and renderers. */
const UNICODE = [
  '\u0000', // NUL: PostgreSQL text cannot hold it
  '\ud800', // lone high surrogate
  '\udc00x', // lone low surrogate
  '\u202e发布\u202c', // right-to-left override
  '\ufeff', // byte-order mark
  '\u200b\u200c\u200d', // zero-width characters
  '𠮷𪚥😀', // astral plane
  'e\u0301\u0301\u0301', // combining marks
  '\uffff\ufffe',
  '\\',
  "'; DROP TABLE notices; --",
  '${7*7}{{7*7}}<script>alert(1)</script>',
];

/** Values for a path parameter: oversized and malformed ids, traversal, encodings that do not decode. */
const PATH_VALUES = [
  '0',
  '-1',
  '1.5',
  '99999999999999999999999',
  '1e309',
  'NaN',
  '0x7fffffff',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%5c..%5cwindows',
  '%00',
  '%ED%A0%80', // a lone surrogate as UTF-8: decodes to nothing valid
  '%E2%80%AE', // RTL override
  '%EF%BB%BF', // BOM
  '%F0%9F%98%80',
  '%zz', // not a percent escape
  '%',
  '%25%32%65',
  'a'.repeat(3000),
  '__proto__',
  'constructor',
  'null',
  'undefined',
  '%5B%5D',
  '%27%20OR%201%3D1--',
  'api::notice.notice',
  'api::nope.nope',
  'plugin::users-permissions.user',
  'admin::user',
  'strapi::core-store',
];

/** Query strings aimed at Strapi's query parser and the SQL it writes. */
function queryCase(r: Rng, fields: string[]): string {
  const f = () => pick(r, [...fields, 'id', 'documentId', 'password', 'createdBy', '__proto__', 'a.b', 'x'.repeat(300)]);
  const op = () =>
    pick(r, ['$eq', '$ne', '$in', '$notIn', '$lt', '$gt', '$between', '$contains', '$startsWith', '$null', '$regex', '$or', '$and', '$not', '$eqi', '$nope']);
  const v = () => enc(pick(r, ['1', '-1', 'abc', '', '1e309', '99999999999999999999', 'true', 'null', '2026-02-30', 'not-a-date', ...UNICODE]));
  const deep = (n: number, leaf: string) => `${'[a]'.repeat(n)}${leaf}`;
  return pick(r, [
    () => `filters[${f()}][${op()}]=${v()}`,
    () => `filters[${f()}][${op()}][${op()}]=${v()}`,
    () => `filters[${op()}][0][${f()}][${op()}]=${v()}`,
    () => `filters[${f()}][${op()}][0]=${v()}&filters[${f()}][${op()}][1]=${v()}`,
    () => `filters${deep(40, '[$eq]=1')}`,
    () => `filters[createdBy][password][$startsWith]=%242`,
    () => `filters=${v()}`,
    () => `filters[$or]=${v()}`,
    () => `sort=${f()}:${pick(r, ['asc', 'desc', 'sideways', ''])}`,
    () => `sort[0]=${f()}&sort[1][${f()}]=${v()}`,
    () => `sort[${f()}]=1`,
    () => `fields=${v()}`,
    () => `fields[0]=${f()}&fields[1][a]=b`,
    () => `populate=${pick(r, ['*', '**', '__proto__', 'nope', f()])}`,
    () => `populate[${f()}][populate]${deep(25, '=*')}`,
    () => `populate[createdBy][fields][0]=password`,
    () => `populate[0]=${f()}&populate[1][${f()}]=${v()}`,
    () => `pagination[page]=${v()}&pagination[pageSize]=${v()}`,
    () => `pagination[start]=${v()}&pagination[limit]=${v()}`,
    () => `page=${v()}&pageSize=${v()}`,
    () => `pagination[pageSize]=1000000000&pagination[withCount]=maybe`,
    () => `locale=${pick(r, ['*', '../..', 'zz-ZZ', 'zh-Hant', '%00x', 'all'])}&locale[$ne]=x`,
    () => `status=${pick(r, ['draft', 'published', 'x', ''])}&status[0]=draft`,
    () => `_q=${v()}`,
    () => `_q=${encodeURIComponent('房屋'.repeat(2000))}`,
    () => `_q[0]=a&_q[1]=b`,
    () => `page=1&page=2&page[x]=3`,
    () => `${enc(pick(r, UNICODE))}=${v()}`,
    () => `format=${v()}&layout=${v()}&year=${v()}&organization=${v()}`,
    () => `a[${'b]['.repeat(30)}c]=1`,
  ])();
}

/** A value of the wrong kind for an attribute, or a right kind at an extreme. */
function wrongValue(r: Rng, type: string): unknown {
  const common: unknown[] = [null, [], {}, { $ne: 1 }, true, -1, 1.5, 1e308, '', 'x'.repeat(70_000), pick(r, UNICODE), ['a', { b: 1 }]];
  const byType: Record<string, unknown[]> = {
    string: [12, { connect: [1] }, '标题'.repeat(200)],
    text: [12, '文'.repeat(30_000)],
    richtext: [{}, '#'.repeat(5000)],
    blocks: ['text', [{ type: 'paragraph' }], [{ type: 'nope', children: 'x' }], [{ type: 'text', text: 1 }]],
    integer: ['12', 2 ** 53, -(2 ** 31) - 1, 'abc', 1.1],
    biginteger: ['1e400', 'abc', 2 ** 64],
    decimal: ['1,5', 'NaN', 1e308],
    date: ['2026-02-30', 'not-a-date', '+275760-09-13', 20260101, '0000-00-00'],
    datetime: ['2026-13-01T00:00:00Z', 'yesterday', 1e20],
    boolean: ['yes', 2, 'false'],
    enumeration: ['nope', ['announcement'], 'ANNOUNCEMENT'],
    relation: [
      'nope',
      123,
      { connect: ['x'] },
      { connect: [{ documentId: 'x', position: { before: 'y' } }] },
      { set: 'x' },
      { disconnect: [{ id: 'abc' }] },
      [{ documentId: '__proto__' }],
    ],
    media: ['x', [999999], { id: 'x' }],
    json: ['{', { a: { b: { c: [] } } }],
    uid: ['a b c', 'ü'.repeat(500)],
    email: ['not-an-email', 'a@'.repeat(100)],
    password: ['', 'x'.repeat(10_000)],
  };
  return pick(r, [...common, ...(byType[type] ?? [])]);
}

/** Nested `depth` levels of objects or arrays. */
function nest(depth: number, array: boolean): string {
  return array ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function bodyCase(r: Rng, target: Target): { family: string; contentType: string; body: string } {
  const json = (family: string, value: unknown) => ({ family, contentType: 'application/json', body: JSON.stringify(value) });
  const model = pick(r, target.models);
  const data = () => {
    const out: Record<string, unknown> = {};
    for (let i = 0, n = 1 + Math.floor(r() * 4); i < n; i++) {
      const a = pick(r, model.attributes);
      out[a.name] = wrongValue(r, a.type);
    }
    return out;
  };
  return pick(r, [
    () => ({
      family: 'malformed json',
      contentType: 'application/json',
      body: pick(r, [
        '{"a":',
        "{'a':1}",
        '[1,2',
        'nul',
        '{"a":1}}',
        '{"a":1,}',
        '\ufeff{}',
        '{"a":"\\ud800"}',
        '{"a":"\\u0000"}',
        '{"\\u0000":1}',
        '1e309',
        '"',
        '{"a":01}',
      ]),
    }),
    () => json('wrong type', pick(r, [[], 1, 'text', null, true, { data: [] }, { data: 'x' }, { data: null }, { data: { data: { data: {} } } }])),
    () => json('attributes', data()),
    () => json('attributes', { data: data() }),
    () => json('attributes', { ...data(), locale: pick(r, ['*', 'zz', 'zh-Hant', 1]), documentId: pick(r, [...target.documentIds, 'x', 1]) }),
    () =>
      json(
        'prototype',
        JSON.parse(pick(r, ['{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"data":{"__proto__":{"title":"x"}}}'])),
      ),
    () => ({ family: 'deep', contentType: 'application/json', body: nest(pick(r, [150, 199, 250, 5000]), r() < 0.5) }),
    () => ({ family: 'deep', contentType: 'application/json', body: `{"data":{"body":${nest(pick(r, [60, 120]), true)}}}` }),
    () => json('huge', { title: 'x'.repeat(pick(r, [200_000, 1_100_000])), body: [] }),
    () => json('huge', { ids: Array.from({ length: 50_000 }, (_, i) => i), documentIds: Array.from({ length: 2000 }, () => 'x') }),
    () =>
      json('unicode', {
        title: pick(r, UNICODE),
        name: pick(r, UNICODE),
        [pick(r, UNICODE)]: pick(r, UNICODE),
        email: pick(r, UNICODE),
        password: pick(r, UNICODE),
      }),
    () =>
      json('ids', { documentIds: pick(r, ['x', [null], [{}], ['99999999999999999999'], [Number.MAX_VALUE]]), ids: pick(r, ['1', [-1], [1.5], [{ $gt: 0 }]]) }),
    () => ({
      family: 'form',
      contentType: 'application/x-www-form-urlencoded',
      body: pick(r, ['a[b][c][d]=1', `${'a['.repeat(50)}=1`, 'title=%ED%A0%80', '__proto__[x]=1', 'data=%7B']),
    }),
    () => ({
      family: 'content type',
      contentType: pick(r, ['text/plain', 'application/xml', 'application/octet-stream', 'application/json; charset=gbk', 'image/png']),
      body: pick(r, ['<a>1</a>', 'title=x', '{"title":"x"}', '\u0000\u0001']),
    }),
    () => ({
      family: 'multipart',
      contentType: 'multipart/form-data; boundary=XB',
      body: '--XB\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\na,b\r\n1',
    }),
    () => ({
      family: 'multipart',
      contentType: 'multipart/form-data; boundary=XB',
      body: `--XB\r\nContent-Disposition: form-data; name="${pick(r, ['files', 'file', 'fileInfo', 'data', '__proto__'])}"; filename="${pick(r, ['../../x.sh', '..\\\\x.js', 'a\u202e.pdf', 'x'.repeat(600), 'a.html'])}"\r\nContent-Type: ${pick(r, ['text/html', 'application/javascript', 'image/svg+xml', 'application/pdf'])}\r\n\r\n<script>alert(1)</script>\r\n--XB--\r\n`,
    }),
    () => ({
      family: 'multipart',
      contentType: 'multipart/form-data; boundary=XB',
      body: `--XB\r\nContent-Disposition: form-data; name="${pick(r, ['fileInfo', 'data', 'path', 'ref', 'refId'])}"\r\n\r\n${pick(r, ['{', '{"name":1}', '[]', 'null', '\u0000', '{"folder":"x"}'])}\r\n--XB--\r\n`,
    }),
    () => ({
      family: 'multipart',
      contentType: pick(r, ['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/mixed; boundary=XB']),
      body: '--XB\r\n\r\n--XB--',
    }),
    () => ({ family: 'empty', contentType: 'application/json', body: '' }),
  ])();
}

/** A path mangled the ways proxies and routers disagree on. */
function pathTrick(r: Rng, path: string): string {
  return pick(r, [
    () => path.replace(/\//g, '//'),
    () => `${path}/`,
    () => `${path}/..`,
    () => path.replace(/\/([^/]+)$/, '/./$1'),
    () => path.replace(/\/([^/]+)$/, '%2F$1'),
    () => path.toUpperCase(),
    () => `${path};x=1`,
    () => `${path}%20`,
  ])();
}

/** `count` cases for one route. Known values sometimes stand in the path so that deeper code is reached. */
export function casesFor(route: Route, r: Rng, target: Target, count: number): FuzzCase[] {
  const safe = route.method === 'GET' || route.method === 'OPTIONS';
  const params = paramsOf(route.path);
  const fields = target.models.flatMap((m) => m.attributes.map((a) => a.name)).filter((_, i, all) => all.indexOf(_) === i);
  const out: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const families: string[] = [];
    const known = r() < 0.4;
    let path = fillPath(
      route.path,
      (name) => {
        if (known) {
          if (['model', 'uid', 'contentType'].includes(name)) return pick(r, target.models).uid;
          if (['documentId', 'id', 'sourceId'].includes(name)) return pick(r, target.documentIds);
          if (name === 'targetField') return pick(r, fields);
        }
        families.push('path value');
        return pick(r, PATH_VALUES);
      },
      pick(r, ['x', 'a/b', '..%2f..%2fpackage.json', '%00', encodeURIComponent('公开.pdf')]),
    );
    if (r() < 0.12) {
      path = pathTrick(r, path);
      families.push('path trick');
    }
    let query = '';
    if (safe || r() < 0.3) {
      query = queryCase(r, fields);
      families.push('query');
    }
    let body: ReturnType<typeof bodyCase> | undefined;
    if (!safe) {
      body = bodyCase(r, target);
      families.push(body.family);
    }
    if (!params.length && !query && !body) continue;
    out.push({
      method: route.method,
      url: query ? `${path}?${query}` : path,
      contentType: body?.contentType,
      body: body?.body,
      family: families.join(' + ') || 'known path',
    });
  }
  return out;
}
