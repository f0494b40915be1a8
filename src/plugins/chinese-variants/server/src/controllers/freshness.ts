import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { fail } from './reply';

/** The public may ask about a type only when it may read it (users-permissions' Public role), when installed. */
async function publiclyReadable(strapi: Core.Strapi, uid: string): Promise<boolean> {
  if (!strapi.plugin('users-permissions')) return true;
  const n = await strapi.db
    .query('plugin::users-permissions.permission' as any)
    .count({ where: { action: { $in: [`${uid}.find`, `${uid}.findOne`] }, role: { type: 'public' } } });
  return n > 0;
}

/**
 * GET /freshness?uid=&documentId=&locale=: whether a published Traditional version is a hand edit its
 * Simplified source has changed since, so that a portal can say the page may be older. Unknown, private
 * and unpublished documents all answer the same 404.
 */
const freshness = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: any) {
    const { uid, documentId, locale } = ctx.query ?? {};
    const sync = getService(strapi, 'sync');
    const targets = Object.keys(getService(strapi, 'conversion').config().targets);
    if (typeof uid !== 'string' || typeof documentId !== 'string' || typeof locale !== 'string' || documentId.length > 64 || !targets.includes(locale)) {
      return fail(ctx, 400, `"uid", "documentId" and "locale" (${targets.join(', ')}) are required`);
    }
    const found = sync.isSynced(uid) && (await publiclyReadable(strapi, uid)) ? await sync.freshness(uid, documentId, locale) : null;
    if (!found) {
      return fail(ctx, 404, 'No published version of this document in this locale');
    }
    ctx.body = { data: found };
  },
});

export default freshness;
