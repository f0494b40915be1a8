/** The one error body of the plugin's routes, shaped as Strapi's own ({ data: null, error }). */
const ERROR_NAMES: Record<number, string> = {
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  413: 'PayloadTooLargeError',
};

export function fail(ctx: any, status: number, message: string, details?: Record<string, unknown>) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: ERROR_NAMES[status] ?? 'ValidationError', message, ...(details ? { details } : {}) } };
}
