/**
 * Requests the app cannot store or walk safely are answered 400 here, once, instead of failing deep inside:
 * - a NUL character (URL-encoded in the path or query, or in any string or key of the body): PostgreSQL
 *   text cannot hold it, and the query failed with a 500 wherever it reached the database;
 * - a body nested deeper than MAX_BODY_DEPTH: Strapi's recursive validators overflowed the stack (500);
 * - `POST /documentation/login` without a password: the documentation plugin answers 500 (Strapi 5.54).
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

export default () => async (ctx: any, next: () => Promise<void>) => {
  if (/%00/i.test(ctx.url)) return bad(ctx, '地址中含有空字符（NUL）', 'the URL contains a NUL character');
  const problem = bodyProblem(ctx.request.body);
  if (problem === 'nul') return bad(ctx, '请求内容中含有空字符（NUL）', 'the body contains a NUL character');
  if (problem === 'depth') return bad(ctx, `请求内容嵌套超过 ${MAX_BODY_DEPTH} 层`, `the body is nested deeper than ${MAX_BODY_DEPTH} levels`);
  if (ctx.method === 'POST' && ctx.path === '/documentation/login' && typeof ctx.request.body?.password !== 'string') {
    return bad(ctx, '请输入密码', 'a password is required');
  }
  return next();
};
