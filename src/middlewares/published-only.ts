import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Strapi's REST API serves drafts to anyone who adds `?status=draft`. On a disclosure portal a draft is
 * not yet public information, so the public routes answer only published versions and say so.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const status = ctx.query?.status;
    if (status !== undefined && status !== 'published') {
      throw new errors.ValidationError('Only published content is available here: remove "status" or set it to "published".', {
        errors: [{ path: ['status'], message: 'must be "published"', name: 'ValidationError' }],
      });
    }
    return next();
  };
};
