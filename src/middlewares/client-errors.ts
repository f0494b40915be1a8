/**
 * Client errors that Strapi's own handlers let through as 500s (Strapi 5.54):
 * - a refusal set and then crashed on: the content manager's relation routes answer `ctx.forbidden()` from
 *   a helper whose undefined result the caller destructures. When a handler has set a 4xx explicitly and
 *   then fails with a TypeError, the 4xx it chose is the answer;
 * - a body refused by a zod schema (e.g. `PUT /admin/homepage/layout`): the ZodError is not an
 *   ApplicationError, so it became a 500; it is a 400 naming the first problem.
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error: any) {
    if (error?.name === 'ZodError' && Array.isArray(error.issues)) {
      const first = error.issues[0];
      const where = first?.path?.length ? first.path.join('.') : 'body';
      ctx.status = 400;
      ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: `请求内容不符合要求：${where} / invalid input at ${where}: ${String(first?.message ?? '').slice(0, 200)}`, details: {} } };
      return;
    }
    const refused = ctx.response._explicitStatus && ctx.status >= 400 && ctx.status < 500 && ctx.body;
    if (!(error instanceof TypeError) || !refused) throw error;
  }
};
