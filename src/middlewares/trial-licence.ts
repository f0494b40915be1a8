import { routePath } from './request-guard';

/**
 * `GET /admin/license-trial-time-left` asks Strapi's licence server about the licence key of this
 * install, also when there is no trial licence at all (the key is then "undefined"): a call to the outside
 * from a government server for nothing, and a 500 where the network is closed. Without a trial licence the
 * answer is given here: there is no trial.
 */
export default (_config: unknown, { strapi }: { strapi: any }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method === 'GET' && routePath(ctx.path) === '/admin/license-trial-time-left' && !strapi.ee?.isTrial) {
      ctx.status = 404;
      ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: '本站没有试用许可证 / this install has no trial licence', details: {} } };
      return;
    }
    return next();
  };
