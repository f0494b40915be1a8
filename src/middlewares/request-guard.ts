/**
 * Requests the app cannot store or walk safely are answered 400 here, once, instead of failing deep inside:
 * - a NUL character (URL-encoded in the path or query, or in any string or key of the body): PostgreSQL
 *   text cannot hold it, and the query failed with a 500 wherever it reached the database;
 * - a body nested deeper than MAX_BODY_DEPTH: Strapi's recursive validators overflowed the stack (500);
 * - bodies some of Strapi's own routes read without checking (BODY_RULES: 500 otherwise, Strapi 5.54);
 * - a single-type route named with a collection type (500 otherwise: `discardDraft is not a function`);
 * - query parameters Strapi's query parser passes to SQL malformed (5xx, on PostgreSQL mostly): see queryProblem;
 * - a text body (text/plain): no route reads one, and the content manager answered 500 (415 here); a body
 *   strapi::body does not parse (XML, octet-stream, a multipart body without boundary) is refused the same
 *   way, and a write without a body gets `{}`: Strapi's admin controllers read `ctx.request.body.x` and
 *   answered 500 for both (batch-delete, roles, tokens, upload-from-urls, send-email-confirmation);
 * - a path segment named like a property of Object.prototype (`__proto__`, `constructor`, `toString`):
 *   Strapi looks route parameters up in plain objects (`strapi.contentTypes[uid]`) and crashed on them;
 * - batch actions naming more than MAX_BATCH records;
 * - a body that is not a JSON object on the content manager's routes (casl crashed on `[1]`: 500);
 * - a webhook triggered that does not exist (the runner destructured null: 500);
 * - a path or query after a Swagger UI asset (`/plugins/documentation/a.pdf/?x`): the documentation plugin
 *   serves `basename(ctx.url)`, which is then no path at all (500);
 * - a method no route serves (PROPFIND, UNLOCK, …): 405 instead of koa-router's 501;
 * - publish actions on a content type without draft and publish: the content manager called a `publish`
 *   its document service does not have (500).
 * Runs after strapi::body, so the parsed body is what is checked; the walk is iterative.
 */
// Above any real body: a blocks document at its own limit (64 nodes deep) is about 130 JSON levels.
export const MAX_BODY_DEPTH = 200;
/**
 * Most records one batch action names (`ids`, `documentIds`): the admin sends at most a page (≤ 100).
 * Strapi's batch deletes work one record at a time; 50,000 ids held a request for 7 s.
 */
export const MAX_BATCH = 1000;

function bad(ctx: any, zh: string, en: string) {
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: `${zh} / ${en}`, details: {} } };
}

/** 'nul', 'depth' or null. */
export function bodyProblem(body: unknown): 'nul' | 'depth' | null {
  const stack: [unknown, number][] = [[body, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'nul';
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_BODY_DEPTH) return 'depth';
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return 'nul';
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a few of Strapi's own routes need in their body and do not check themselves. */
const BODY_RULES: { method: string; path: RegExp; ok: (body: any) => boolean; zh: string; en: string }[] = [
  { method: 'POST', path: /^\/documentation\/login$/, ok: (b) => typeof b?.password === 'string', zh: '请输入密码', en: 'a password is required' },
  {
    method: 'POST',
    path: /^\/admin\/permissions\/check$/,
    ok: (b) => Array.isArray(b?.permissions),
    zh: 'permissions 必须是数组',
    en: 'permissions must be an array',
  },
  {
    method: 'POST',
    path: /^\/(?:api\/)?email$/,
    ok: (b) => typeof b?.to === 'string' && b.to.trim() !== '',
    zh: '缺少收件人（to）',
    en: 'the recipient "to" is required',
  },
  // users-permissions stores these bodies as its settings with no check: a wrong shape crashed the route or later readers.
  {
    method: 'PUT',
    path: /^\/users-permissions\/email-templates$/,
    ok: (b) => isObject(b?.['email-templates']) && Object.values(b['email-templates']).every((t: any) => typeof t?.options?.message === 'string'),
    zh: '邮件模板格式错误',
    en: '"email-templates" must map each template to { options: { message } }',
  },
  { method: 'PUT', path: /^\/users-permissions\/providers$/, ok: (b) => isObject(b?.providers), zh: '缺少 providers', en: '"providers" must be an object' },
  {
    method: 'PUT',
    path: /^\/users-permissions\/advanced$/,
    ok: (b) => typeof b?.default_role === 'string',
    zh: '缺少默认角色（default_role）',
    en: '"default_role" is required',
  },
];

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LOGICAL = new Set(['$and', '$or', '$not']);
const LISTS = new Set(['$in', '$notIn', '$between']);
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * A reason to refuse the query, or null: `_q` that is not text, a field named `__proto__`, an operator
 * whose value is itself an operator object (`filters[title][$eq][$ne]=1`), and ids compared with
 * something that is not a whole number (`filters[id][$gt]=abc`, `filters[id][$in]=0,1` as one string).
 */
export function queryProblem(query: Record<string, unknown>): string | null {
  if (query._q !== undefined && typeof query._q !== 'string') return '_q 必须是文本 / _q must be text';
  const names = [query.fields, query.sort].flat(2).filter((v) => typeof v === 'string') as string[];
  if (names.some((n) => n.split(/[,:.]/).some((part) => FORBIDDEN_KEYS.has(part.trim())))) return '字段名无效 / invalid field name';
  const stack: [unknown, string | null][] = [[query, null]];
  while (stack.length) {
    const [value, field] = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (FORBIDDEN_KEYS.has(key)) return `参数名无效：${key} / invalid parameter name`;
      if (key.startsWith('$') && !LOGICAL.has(key)) {
        const items = Array.isArray(child) ? child : [child];
        if (!items.every(isScalar) || (!LISTS.has(key) && Array.isArray(child) && key !== '$null' && key !== '$notNull' && child.length > 1)) {
          return `筛选条件 ${key} 的值必须是单个值 / the value of ${key} must be a plain value`;
        }
        if (field === 'id' && items.some((v) => v !== null && !(/^-?\d{1,10}$/.test(String(v)) && Math.abs(Number(v)) <= 2147483647))) {
          return 'id 只能与整数比较 / id can only be compared with whole numbers';
        }
      } else stack.push([child, key.startsWith('$') ? field : key]);
    }
  }
  return null;
}

const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The methods some route of the app serves; Node also parses WebDAV and others, which koa-router answered 501. */
const SERVED_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PUBLISH_ACTION = /^\/content-manager\/collection-types\/([^/]+)\/(?:[^/]+\/)?actions\/(?:bulkPublish|bulkUnpublish|publish|unpublish|discard)$/i;

/**
 * The path as Strapi's router matches it: case-insensitive, a trailing slash ignored (koa-router's defaults),
 * so that `/DOCUMENTATION/login/` meets the same checks as `/documentation/login`.
 */
export const routePath = (path: string) => path.toLowerCase().replace(/(.)\/+$/, '$1');

/** decodeURIComponent that answers null for a malformed escape (`%zz`, a lone surrogate) instead of throwing. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function notFound(ctx: any, message: string) {
  ctx.status = 404;
  ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message, details: {} } };
}

function unsupported(ctx: any) {
  ctx.status = 415;
  ctx.body = {
    data: null,
    error: { status: 415, name: 'UnsupportedMediaTypeError', message: '请以 JSON 格式发送请求内容 / send the body as JSON (application/json)', details: {} },
  };
}

export default (_config: unknown, { strapi }: { strapi: any }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (/%00/i.test(ctx.url)) return bad(ctx, '地址中含有空字符（NUL）', 'the URL contains a NUL character');
    if (!SERVED_METHODS.includes(ctx.method)) {
      ctx.set('Allow', SERVED_METHODS.join(', '));
      ctx.status = 405;
      ctx.body = {
        data: null,
        error: { status: 405, name: 'MethodNotAllowedError', message: `不支持的请求方法 / method ${ctx.method} not allowed`, details: {} },
      };
      return;
    }
    if (ctx.path.split('/').some((segment: string) => PROTOTYPE_NAMES.has(safeDecode(segment) ?? segment))) return notFound(ctx, '没有这个地址 / not found');
    if (typeof ctx.request.body === 'string' && ctx.request.body !== '') return unsupported(ctx);
    if (ctx.request.body === undefined && WRITES.has(ctx.method)) {
      if (ctx.request.length > 0 || ctx.get('Transfer-Encoding')) {
        if (/^multipart\//i.test(ctx.get('Content-Type'))) return bad(ctx, '上传内容不完整或格式错误', 'the upload is incomplete or malformed');
        return unsupported(ctx);
      }
      ctx.request.body = {};
    }
    const problem = bodyProblem(ctx.request.body);
    if (problem === 'nul') return bad(ctx, '请求内容中含有空字符（NUL）', 'the body contains a NUL character');
    if (problem === 'depth') return bad(ctx, `请求内容嵌套超过 ${MAX_BODY_DEPTH} 层`, `the body is nested deeper than ${MAX_BODY_DEPTH} levels`);
    const batch = ctx.request.body && typeof ctx.request.body === 'object' ? [ctx.request.body.ids, ctx.request.body.documentIds] : [];
    if (batch.some((list) => Array.isArray(list) && list.length > MAX_BATCH)) {
      return bad(ctx, `一次最多处理 ${MAX_BATCH} 条记录`, `at most ${MAX_BATCH} records per batch action`);
    }
    const problem2 = queryProblem(ctx.query ?? {});
    if (problem2) return bad(ctx, problem2.split(' / ')[0], problem2.split(' / ')[1]);
    const path = routePath(ctx.path);
    const rule = BODY_RULES.find((r) => r.method === ctx.method && r.path.test(path));
    if (rule && !rule.ok(ctx.request.body)) return bad(ctx, rule.zh, rule.en);
    if (ctx.method === 'POST' && path === '/documentation/login') {
      // Without restricted access the plugin keeps no password, and its login compared with undefined (500).
      const config = await strapi.store({ type: 'plugin', name: 'documentation', key: 'config' }).get();
      if (!config?.restrictedAccess || typeof config.password !== 'string')
        return bad(ctx, '接口文档未设访问密码，无需登录', 'the documentation has no password: no login needed');
    }
    if (path.startsWith('/content-manager/') && WRITES.has(ctx.method) && !isObject(ctx.request.body)) {
      return bad(ctx, '请求内容必须是 JSON 对象', 'the body must be a JSON object');
    }
    const webhook = /^\/admin\/webhooks\/(\d{1,10})\/trigger$/.exec(path)?.[1];
    if (webhook !== undefined && ctx.method === 'POST' && !(await strapi.get('webhookStore').findWebhook(Number(webhook)))) {
      return notFound(ctx, `没有这个 Webhook / no webhook ${webhook}`);
    }
    if (path.startsWith('/plugins/documentation/') && (ctx.querystring || ctx.path.endsWith('/'))) return notFound(ctx, '没有这个文件 / no such file');
    // The router matches /API/CONNECT/x, but users-permissions then looks for a lowercase "/connect/" in the URL (500).
    if (path.startsWith('/api/connect/') && !ctx.path.startsWith('/api/connect/')) return notFound(ctx, '没有这个登录方式 / no such provider');
    const publishing = PUBLISH_ACTION.exec(path)?.[1];
    if (publishing !== undefined && strapi.contentType(safeDecode(publishing) ?? '')?.options?.draftAndPublish !== true) {
      return bad(ctx, '此类型没有草稿和发布', 'this content type has no draft and publish');
    }
    const single = /^\/content-manager\/single-types\/([^/]+)/.exec(path)?.[1];
    if (single !== undefined && strapi.contentType(safeDecode(single) ?? '')?.kind !== 'singleType') {
      return notFound(ctx, `没有这个单一类型 / no single type ${single.slice(0, 100)}`);
    }
    return next();
  };
