/**
 * Requests the app cannot store or walk safely are answered 400 here, once, instead of failing deep inside:
 * - a NUL character (URL-encoded in the path or query, or in any string or key of the body): PostgreSQL
 *   text cannot hold it, and the query failed with a 500 wherever it reached the database;
 * - a body nested deeper than MAX_BODY_DEPTH: Strapi's recursive validators overflowed the stack (500);
 * - bodies some of Strapi's own routes read without checking (BODY_RULES: 500 otherwise, Strapi 5.54);
 * - a single-type route named with a collection type (500 otherwise: `discardDraft is not a function`);
 * - query parameters Strapi's query parser passes to SQL malformed (5xx, on PostgreSQL mostly): see queryProblem;
 * - a text body (text/plain): no route reads one, and the content manager answered 500 (415 here).
 * Runs after strapi::body, so the parsed body is what is checked; the walk is iterative.
 */
// Above any real body: a blocks document at its own limit (64 nodes deep) is about 130 JSON levels.
export const MAX_BODY_DEPTH = 200;

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

/** What a few of Strapi's own routes need in their body and do not check themselves. */
const BODY_RULES: { method: string; path: RegExp; ok: (body: any) => boolean; zh: string; en: string }[] = [
  { method: 'POST', path: /^\/documentation\/login$/, ok: (b) => typeof b?.password === 'string', zh: '请输入密码', en: 'a password is required' },
  { method: 'POST', path: /^\/admin\/permissions\/check$/, ok: (b) => Array.isArray(b?.permissions), zh: 'permissions 必须是数组', en: 'permissions must be an array' },
  { method: 'POST', path: /^\/(?:api\/)?email$/, ok: (b) => typeof b?.to === 'string' && b.to.trim() !== '', zh: '缺少收件人（to）', en: 'the recipient "to" is required' },
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

export default (_config: unknown, { strapi }: { strapi: any }) => async (ctx: any, next: () => Promise<void>) => {
  if (/%00/i.test(ctx.url)) return bad(ctx, '地址中含有空字符（NUL）', 'the URL contains a NUL character');
  if (typeof ctx.request.body === 'string' && ctx.request.body !== '') {
    ctx.status = 415;
    ctx.body = { data: null, error: { status: 415, name: 'UnsupportedMediaTypeError', message: '请以 JSON 格式发送请求内容 / send the body as JSON (application/json)', details: {} } };
    return;
  }
  const problem = bodyProblem(ctx.request.body);
  if (problem === 'nul') return bad(ctx, '请求内容中含有空字符（NUL）', 'the body contains a NUL character');
  if (problem === 'depth') return bad(ctx, `请求内容嵌套超过 ${MAX_BODY_DEPTH} 层`, `the body is nested deeper than ${MAX_BODY_DEPTH} levels`);
  const problem2 = queryProblem(ctx.query ?? {});
  if (problem2) return bad(ctx, problem2.split(' / ')[0], problem2.split(' / ')[1]);
  const rule = BODY_RULES.find((r) => r.method === ctx.method && r.path.test(ctx.path));
  if (rule && !rule.ok(ctx.request.body)) return bad(ctx, rule.zh, rule.en);
  const single = /^\/content-manager\/single-types\/([^/]+)/.exec(ctx.path)?.[1];
  if (single !== undefined && strapi.contentType(decodeURIComponent(single))?.kind !== 'singleType') {
    ctx.status = 404;
    ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: `没有这个单一类型 / no single type ${single.slice(0, 100)}`, details: {} } };
    return;
  }
  return next();
};
