import type { Core } from '@strapi/strapi';
import { canOnDocument } from '../access';
import { getService } from '../utils';
import { fail } from './reply';

const BACKFILL_KEYS = ['type', 'types', 'dryRun', 'restart'];

const admin = ({ strapi }: { strapi: Core.Strapi }) => {
  const sync = () => getService(strapi, 'sync');
  const conversion = () => getService(strapi, 'conversion');

  /** uid, documentId and (optionally) locale from the request, checked against the config. */
  function target(ctx: any, needLocale: boolean): { uid: string; documentId: string; locale: string } | null {
    const src = { ...(ctx.query ?? {}), ...(ctx.params ?? {}), ...(ctx.request.body ?? {}) };
    const { uid, documentId, locale } = src;
    if (typeof uid !== 'string' || !sync().isSynced(uid)) {
      fail(ctx, 400, `"uid" must be a synced content type (${sync().syncedTypes().join(', ')})`);
      return null;
    }
    if (typeof documentId !== 'string' || documentId === '') {
      fail(ctx, 400, '"documentId" is required');
      return null;
    }
    const targets = Object.keys(conversion().config().targets);
    if (needLocale && !targets.includes(locale)) {
      fail(ctx, 400, `"locale" must be a target locale (${targets.join(', ')})`);
      return null;
    }
    return { uid, documentId, locale };
  }

  /** target() plus the content manager's right on that document (read: source locale; update: the target locale). */
  async function allowed(ctx: any, needLocale: boolean, action: 'read' | 'update') {
    const t = target(ctx, needLocale);
    if (!t) return null;
    const locale = action === 'update' ? t.locale : conversion().config().sourceLocale;
    if (!(await canOnDocument(strapi, ctx, t.uid, t.documentId, locale, action))) {
      // Same answer for a document that does not exist and one the caller may not see: nothing is learnt.
      fail(ctx, 403, '您无权查看或修改此文档。You may not read or change this document.');
      return null;
    }
    return t;
  }

  return {
    async config(ctx: any) {
      const cfg = conversion().config();
      ctx.body = { data: { sourceLocale: cfg.sourceLocale, targets: cfg.targets, contentTypes: sync().syncedTypes(), sync: cfg.sync } };
    },

    async status(ctx: any) {
      const t = await allowed(ctx, false, 'read');
      if (!t) return;
      ctx.body = { data: await sync().status(t.uid, t.documentId) };
    },

    async preview(ctx: any) {
      const t = await allowed(ctx, true, 'read');
      if (!t) return;
      const data = await sync().preview(t.uid, t.documentId, t.locale);
      if (!data) return fail(ctx, 404, 'No source version of this document');
      ctx.body = { data };
    },

    async regenerate(ctx: any) {
      const t = await allowed(ctx, true, 'update');
      if (!t) return;
      const r = await sync().regenerate(t.uid, t.documentId, t.locale);
      ctx.body = { data: { ...r, ...(await sync().status(t.uid, t.documentId)) } };
    },

    async keep(ctx: any) {
      const t = await allowed(ctx, true, 'update');
      if (!t) return;
      const r = await sync().keepEdits(t.uid, t.documentId, t.locale);
      if (r.status === 'missing') return fail(ctx, 404, 'No target version to keep');
      ctx.body = { data: await sync().status(t.uid, t.documentId) };
    },

    /** Places where the conversion chose a character's form without context, for the editor to confirm. */
    async ambiguities(ctx: any) {
      const t = await allowed(ctx, true, 'read');
      if (!t) return;
      const data = await getService(strapi, 'review').list(t.uid, t.documentId, t.locale);
      if (!data) return fail(ctx, 404, '没有该文档的简体版本。 No source version of this document.');
      ctx.body = { data };
    },

    /** An editor's choice for one listed place: becomes a term of this document's glossary. */
    async resolveAmbiguity(ctx: any) {
      const body = ctx.request.body ?? {};
      if (typeof body.field !== 'string' || body.field === '') return fail(ctx, 400, '缺少字段名 field。 "field" is required.');
      if (!Number.isInteger(body.index) || body.index < 0) return fail(ctx, 400, '位置 index 必须是非负整数。 "index" must be a non-negative integer.');
      if (typeof body.choice !== 'string' || body.choice === '') return fail(ctx, 400, '缺少所选写法 choice。 "choice" is required.');
      const t = await allowed(ctx, true, 'update');
      if (!t) return;
      const review = getService(strapi, 'review');
      const r = await review.resolve(t.uid, t.documentId, t.locale, { field: body.field, index: body.index, choice: body.choice });
      ctx.body = { data: { ...r, ...(await review.list(t.uid, t.documentId, t.locale)) } };
    },

    async backfillStart(ctx: any) {
      const body = ctx.request.body ?? {};
      // A malformed body is refused, never read as "convert everything".
      if (typeof body !== 'object' || Array.isArray(body)) return fail(ctx, 400, '请求体必须是 JSON 对象。The body must be a JSON object.');
      const unknown = Object.keys(body).filter((k) => !BACKFILL_KEYS.includes(k));
      if (unknown.length)
        return fail(ctx, 400, `未知字段：${unknown.join(', ')}。Unknown fields: ${unknown.join(', ')} (accepted: ${BACKFILL_KEYS.join(', ')}).`);
      for (const k of ['dryRun', 'restart']) {
        if (body[k] !== undefined && typeof body[k] !== 'boolean') return fail(ctx, 400, `${k} 必须是 true 或 false。${k} must be a boolean.`);
      }
      if (body.type !== undefined && body.types !== undefined) return fail(ctx, 400, '只能给出 type 或 types 之一。Give type or types, not both.');
      const requested = body.type !== undefined ? [body.type] : body.types;
      if (
        requested !== undefined &&
        (!Array.isArray(requested) || requested.length === 0 || requested.some((u: unknown) => typeof u !== 'string' || !sync().isSynced(u)))
      ) {
        return fail(ctx, 400, `type/types 必须是同步的内容类型。type/types must name synced content types (${sync().syncedTypes().join(', ')}).`);
      }
      const types = requested;
      const backfill = getService(strapi, 'backfill');
      try {
        ctx.status = 202;
        ctx.body = { data: backfill.start({ types, dryRun: body.dryRun === true, restart: body.restart === true }) };
      } catch (err: any) {
        fail(ctx, 409, err.message);
      }
    },

    async backfillStatus(ctx: any) {
      ctx.body = { data: getService(strapi, 'backfill').progress() };
    },
  };
};

export default admin;
