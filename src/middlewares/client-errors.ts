/**
 * Client errors that Strapi's own handlers let through as 500s (Strapi 5.54):
 * - a refusal set and then crashed on: the content manager's relation routes answer `ctx.forbidden()` from
 *   a helper whose undefined result the caller destructures. When a handler has set a 4xx explicitly and
 *   then fails with a TypeError, the 4xx it chose is the answer;
 * - a body refused by a zod schema (e.g. `PUT /admin/homepage/layout`): the ZodError is not an
 *   ApplicationError, so it became a 500; it is a 400 naming the first problem;
 * - a request's filters, sort, fields or values that @strapi/database refuses while writing the SQL
 *   (`filters[$or]=1`, `sort=nope:asc` or `fields=nope` on admin routes, which Strapi does not validate,
 *   an unparseable date, `ids: [1.5]` on PostgreSQL): the database layer's own input errors, listed below, are 400s. The project's
 *   own queries take their names from Strapi's metadata, so these can only come from a request.
 */
const DATABASE_INPUT_ERRORS = new Set(['InvalidDateFormat', 'InvalidDatetimeFormat', 'InvalidTimeFormat', 'InvalidRelationFormat', 'NotNullError']);
/** What @strapi/database 5.54's query helpers (where.js, order-by.js, join.js) and field converters throw on a malformed query. */
const QUERY_INPUT_MESSAGES = [
  /^Attribute \S+ not found on model/,
  /^Undefined attribute level operator/,
  /^Operator \S+ must be an array/,
  /^Where must be an array or an object/,
  /^Only \$and, \$or and \$not can only be used as root level operators/,
  /^Operator and non-operator keys cannot be mixed/,
  /^Only one operator key is allowed/,
  /^You cannot (?:filter|order) on/,
  /^Cannot join on non relational field/,
  /^Invalid orderBy syntax/,
  /^Cannot order by status/,
  /^Name cannot be null/,
  /^Invalid id, expected a string or integer/,
  // fields/number.js, fields/biginteger.js: a filter value that is not a number
  /^Expected a valid (?:Number|BigInteger), got/,
];
/** A column the query names does not exist (SQLite's message, PostgreSQL's undefined_column). */
const unknownColumn = (error: any) => error?.code === '42703' || /no such column/.test(String(error?.message));
/** PostgreSQL's class 22, "data exception": a value that does not fit its column (`1.5` as an integer id, a too-long string). */
const dataException = (error: any) => typeof error?.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code) && typeof error?.severity === 'string';

export function isQueryInputError(error: any): boolean {
  if (DATABASE_INPUT_ERRORS.has(error?.name) || unknownColumn(error) || dataException(error)) return true;
  return error?.constructor === Error && QUERY_INPUT_MESSAGES.some((m) => m.test(String(error.message)));
}

export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error: any) {
    if (isQueryInputError(error)) {
      ctx.status = 400;
      // The database's own message may quote the value sent: only the kind of problem is answered.
      const what = unknownColumn(error) ? 'unknown field' : dataException(error) ? `value does not fit (${error.code})` : String(error.message).slice(0, 200);
      ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: `查询条件或字段无效 / invalid query or value: ${what}`, details: {} } };
      return;
    }
    if (error?.name === 'ZodError' && Array.isArray(error.issues)) {
      const first = error.issues[0];
      const where = first?.path?.length ? first.path.join('.') : 'body';
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: `请求内容不符合要求：${where} / invalid input at ${where}: ${String(first?.message ?? '').slice(0, 200)}`,
          details: {},
        },
      };
      return;
    }
    const refused = ctx.response._explicitStatus && ctx.status >= 400 && ctx.status < 500 && ctx.body;
    if (!(error instanceof TypeError) || !refused) throw error;
  }
};
