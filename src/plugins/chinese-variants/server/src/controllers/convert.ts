import type { Core } from '@strapi/strapi';
import { ConversionError, type Format } from '../engine';
import { UnknownPairError } from '../services/conversion';
import { getService } from '../utils';

export const MAX_BODY_BYTES = 1024 * 1024;

function badRequest(ctx: any, message: string) {
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message } };
}

const convert = ({ strapi }: { strapi: Core.Strapi }) => ({
  async convert(ctx: any) {
    const length = Number(ctx.request.length ?? ctx.get('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) {
      ctx.status = 413;
      ctx.body = { data: null, error: { status: 413, name: 'PayloadTooLargeError', message: 'Request body over 1 MB' } };
      return;
    }
    const body = ctx.request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return badRequest(ctx, 'Expected a JSON object { from, to, format, content }');
    const { from, to, format, content } = body;
    if (typeof from !== 'string' || typeof to !== 'string') return badRequest(ctx, '"from" and "to" must be locale codes');
    if (typeof format !== 'string') return badRequest(ctx, '"format" must be one of text, html, markdown, blocks');
    try {
      const converted = await getService(strapi, 'conversion').convert(from, to, format as Format, content); // checked by convert()
      ctx.body = { content: converted };
    } catch (err: any) {
      if (err instanceof ConversionError || err instanceof UnknownPairError || err?.name === 'ConversionError' || err?.name === 'UnknownPairError') {
        return badRequest(ctx, err.message);
      }
      throw err;
    }
  },
});

export default convert;

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
export const freshness = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: any) {
    const { uid, documentId, locale } = ctx.query ?? {};
    const sync = getService(strapi, 'sync');
    const targets = Object.keys(getService(strapi, 'conversion').config().targets);
    if (typeof uid !== 'string' || typeof documentId !== 'string' || typeof locale !== 'string' || documentId.length > 64 || !targets.includes(locale)) {
      return badRequest(ctx, `"uid", "documentId" and "locale" (${targets.join(', ')}) are required`);
    }
    const found = sync.isSynced(uid) && (await publiclyReadable(strapi, uid)) ? await sync.freshness(uid, documentId, locale) : null;
    if (!found) {
      ctx.status = 404;
      ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'No published version of this document in this locale' } };
      return;
    }
    ctx.body = { data: found };
  },
});
