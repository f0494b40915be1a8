import type { Core } from '@strapi/strapi';

function fail(ctx: any, status: number, message: string) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 404 ? 'NotFoundError' : 'ValidationError', message } };
}

const admin = ({ strapi }: { strapi: Core.Strapi }) => {
  const sync = () => strapi.plugin('chinese-variants').service('sync');
  const conversion = () => strapi.plugin('chinese-variants').service('conversion');

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

  return {
    async config(ctx: any) {
      const cfg = conversion().config();
      ctx.body = { data: { sourceLocale: cfg.sourceLocale, targets: cfg.targets, contentTypes: sync().syncedTypes(), sync: cfg.sync } };
    },

    async status(ctx: any) {
      const t = target(ctx, false);
      if (!t) return;
      ctx.body = { data: await sync().status(t.uid, t.documentId) };
    },

    async preview(ctx: any) {
      const t = target(ctx, true);
      if (!t) return;
      const data = await sync().preview(t.uid, t.documentId, t.locale);
      if (!data) return fail(ctx, 404, 'No source version of this document');
      ctx.body = { data };
    },

    async regenerate(ctx: any) {
      const t = target(ctx, true);
      if (!t) return;
      const r = await sync().regenerate(t.uid, t.documentId, t.locale);
      ctx.body = { data: { ...r, ...(await sync().status(t.uid, t.documentId)) } };
    },

    async keep(ctx: any) {
      const t = target(ctx, true);
      if (!t) return;
      const r = await sync().keepEdits(t.uid, t.documentId, t.locale);
      if (r.status === 'missing') return fail(ctx, 404, 'No target version to keep');
      ctx.body = { data: await sync().status(t.uid, t.documentId) };
    },

    async backfillStart(ctx: any) {
      const body = ctx.request.body ?? {};
      const types = body.type ? [body.type] : Array.isArray(body.types) ? body.types : undefined;
      const backfill = strapi.plugin('chinese-variants').service('backfill');
      try {
        ctx.status = 202;
        ctx.body = { data: backfill.start({ types, dryRun: body.dryRun === true, restart: body.restart === true }) };
      } catch (err: any) {
        fail(ctx, 409, err.message);
      }
    },

    async backfillStatus(ctx: any) {
      ctx.body = { data: strapi.plugin('chinese-variants').service('backfill').progress() };
    },
  };
};

export default admin;
