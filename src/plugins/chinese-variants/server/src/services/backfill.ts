import type { Core } from '@strapi/strapi';
import { pluginConfig } from './conversion';
import { pluginStore } from './store';

const CHECKPOINT_KEY = 'backfill-checkpoint';
const PAGE = 100;

export type BackfillProgress = {
  running: boolean;
  dryRun: boolean;
  types: string[];
  currentType: string | null;
  total: number;
  done: number;
  written: number;
  published: number;
  skipped: number;
  errors: Array<{ uid: string; documentId: string; locale: string; message: string }>;
  startedAt: string | null;
  finishedAt: string | null;
};

export type BackfillOptions = {
  types?: string[];
  dryRun?: boolean;
  /** Start over instead of resuming from the last checkpoint. */
  restart?: boolean;
  onProgress?: (p: BackfillProgress) => void;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let progress: BackfillProgress = {
    running: false,
    dryRun: false,
    types: [],
    currentType: null,
    total: 0,
    done: 0,
    written: 0,
    published: 0,
    skipped: 0,
    errors: [],
    startedAt: null,
    finishedAt: null,
  };
  const sync = () => strapi.plugin('chinese-variants').service('sync');

  async function sourceIds(uid: string, sourceLocale: string, afterId: number) {
    // One row per document: the draft (or the only version) in the source locale, in id order.
    const hasDP = (strapi.getModel(uid as any) as any)?.options?.draftAndPublish === true;
    return strapi.db.query(uid as any).findMany({
      where: { locale: sourceLocale, id: { $gt: afterId }, ...(hasDP ? { publishedAt: null } : {}) },
      select: ['id', 'documentId'],
      orderBy: { id: 'asc' },
      limit: PAGE,
    }) as Promise<Array<{ id: number; documentId: string }>>;
  }

  async function count(uid: string, sourceLocale: string) {
    const hasDP = (strapi.getModel(uid as any) as any)?.options?.draftAndPublish === true;
    return strapi.db.query(uid as any).count({ where: { locale: sourceLocale, ...(hasDP ? { publishedAt: null } : {}) } });
  }

  /** Types in dependency order: those others point at first (organization, category before notice). */
  function ordered(types: string[]): string[] {
    const deps = (uid: string) =>
      Object.values<any>((strapi.getModel(uid as any) as any).attributes).filter((a) => a.type === 'relation' && a.target !== uid && types.includes(a.target))
        .length;
    return [...types].sort((a, b) => deps(a) - deps(b) || a.localeCompare(b));
  }

  return {
    progress(): BackfillProgress {
      return { ...progress, errors: progress.errors.slice(0, 50) };
    },

    /**
     * Syncs every document of the given types (default: all synced types) to every target locale.
     * Idempotent (up-to-date and hand-edited targets are skipped) and resumable: a checkpoint of the
     * last finished id per type is stored, and a run picks up there unless `restart` is set.
     */
    async run(options: BackfillOptions = {}): Promise<BackfillProgress> {
      if (progress.running) throw new Error('A backfill is already running');
      const cfg = pluginConfig(strapi);
      const all: string[] = sync().syncedTypes();
      const unknown = (options.types ?? []).filter((t) => !all.includes(t));
      if (unknown.length) throw new Error(`Not a synced content type: ${unknown.join(', ')} (synced: ${all.join(', ')})`);
      const types = ordered(options.types?.length ? options.types : all);
      const store = pluginStore(strapi);
      const checkpoint: Record<string, number> = options.restart || options.dryRun ? {} : (((await store.get({ key: CHECKPOINT_KEY })) as any) ?? {});
      const locales = Object.keys(cfg.targets);

      progress = {
        running: true,
        dryRun: !!options.dryRun,
        types,
        currentType: null,
        total: 0,
        done: 0,
        written: 0,
        published: 0,
        skipped: 0,
        errors: [],
        startedAt: new Date().toISOString(),
        finishedAt: null,
      };
      try {
        for (const uid of types) progress.total += (await count(uid, cfg.sourceLocale)) * locales.length;
        options.onProgress?.(progress);
        for (const uid of types) {
          progress.currentType = uid;
          let after = checkpoint[uid] ?? 0;
          if (after > 0) {
            const hasDP = (strapi.getModel(uid as any) as any)?.options?.draftAndPublish === true;
            const already = await strapi.db.query(uid as any).count({
              where: { locale: cfg.sourceLocale, id: { $lte: after }, ...(hasDP ? { publishedAt: null } : {}) },
            });
            progress.done += already * locales.length;
            progress.skipped += already * locales.length;
          }
          for (;;) {
            const rows = await sourceIds(uid, cfg.sourceLocale, after);
            if (rows.length === 0) break;
            for (const row of rows) {
              for (const locale of locales) {
                try {
                  const r = await sync().syncTarget(uid, row.documentId, locale, { publish: 'if-source-published', dryRun: options.dryRun });
                  if (r.written) progress.written += 1;
                  else progress.skipped += 1;
                  if (r.published) progress.published += 1;
                } catch (err: any) {
                  progress.errors.push({ uid, documentId: row.documentId, locale, message: String(err?.message ?? err) });
                }
                progress.done += 1;
                options.onProgress?.(progress);
              }
              after = row.id;
            }
            if (!options.dryRun) await store.set({ key: CHECKPOINT_KEY, value: { ...checkpoint, [uid]: after } });
            checkpoint[uid] = after;
          }
        }
        // A completed run clears the checkpoint: the next run checks everything again (cheaply).
        if (!options.dryRun) await store.set({ key: CHECKPOINT_KEY, value: {} });
      } finally {
        progress.running = false;
        progress.currentType = null;
        progress.finishedAt = new Date().toISOString();
        options.onProgress?.(progress);
      }
      return this.progress();
    },

    /** Starts a run in the background (admin button); progress via progress(). */
    start(options: BackfillOptions = {}): BackfillProgress {
      if (progress.running) throw new Error('A backfill is already running');
      const started = this.run(options);
      started.catch((err: any) => strapi.log.error(`[chinese-variants] backfill failed: ${err?.message ?? err}`));
      return { ...this.progress(), running: true };
    },
  };
};
