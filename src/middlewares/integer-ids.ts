import { routePath } from './request-guard';

/**
 * Strapi's own routes (admin and content API) whose `:id` is a numeric primary key. On PostgreSQL a
 * non-numeric id reaches SQL as is (500); for `PUT /upload/folders/:id` the failed query escapes the upload plugin's transaction as an
 * unhandled rejection and the request never answers (Strapi 5.54). One check at the edge answers 400.
 * The words are the routes' fixed siblings (`/admin/users/me`, `…/batch-delete`, `/api/users/count`).
 */
const ROUTES = [
  /^\/upload\/(?:files|folders)\/([^/]+)/,
  /^\/admin\/(?:users|roles|webhooks|api-tokens|admin-tokens|transfer\/tokens)\/([^/]+)/,
  /^\/users-permissions\/roles\/([^/]+)/,
  /^\/api\/upload\/files\/([^/]+)/,
  /^\/api\/users\/([^/]+)/,
  /^\/api\/users-permissions\/roles\/([^/]+)/,
  /^\/i18n\/locales\/([^/]+)/,
];
const WORDS = new Set(['me', 'batch-delete', 'count']);
const INTEGER = /^[1-9]\d{0,9}$/;

export default () => async (ctx: any, next: () => Promise<void>) => {
  const path = routePath(ctx.path);
  for (const route of ROUTES) {
    const id = route.exec(path)?.[1];
    if (id !== undefined && !WORDS.has(id) && !(INTEGER.test(id) && Number(id) <= 2147483647)) {
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: { status: 400, name: 'ValidationError', message: `编号必须是正整数：${id.slice(0, 40)} / the id must be a positive integer`, details: {} },
      };
      return;
    }
  }
  return next();
};
