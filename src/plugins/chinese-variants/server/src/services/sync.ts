import type { Core } from '@strapi/strapi';
import { RECORD_UID } from '../content-types';
import { pluginConfig } from './conversion';
import { contentHash, isLocalizedType, populateFor, sourceTexts, targetData } from './fields';
import { fieldChanges } from '../engine/text-diff';
import { inSync, syncContext, withSyncLock } from './lock';

export type TargetStatus = 'generated' | 'edited' | 'stale' | 'missing';
export type SourceAction = 'create' | 'update' | 'publish' | 'unpublish' | 'discardDraft' | 'delete';

type SyncRecord = {
  id: number;
  recordKey: string;
  writtenHash: string | null;
  sourceHash: string | null;
  sourceText: Record<string, string> | null;
  manual: boolean | null;
  sourceVersionAt: string | null;
  targetVersionAt: string | null;
  glossaryVersion: string | null;
};

const iso = (v: unknown): string | null => (v ? new Date(v as any).toISOString() : null);

export const recordKey = (uid: string, documentId: string, locale: string) => `${uid}|${documentId}|${locale}`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversion = () => strapi.plugin('chinese-variants').service('conversion');
  const hasDP = (uid: string) => (strapi.getModel(uid as any) as any)?.options?.draftAndPublish === true;

  function syncedTypes(): string[] {
    const cfg = pluginConfig(strapi);
    const all = Object.keys(strapi.contentTypes as unknown as Record<string, unknown>).filter((uid) => uid.startsWith('api::') && isLocalizedType(strapi, uid));
    return cfg.contentTypes
      ? cfg.contentTypes.filter((uid) => (strapi.contentTypes as unknown as Record<string, unknown>)[uid] && isLocalizedType(strapi, uid))
      : all;
  }

  /** The draft (or only) version of a document in a locale, with its synced fields populated. */
  async function loadVersion(uid: string, documentId: string, locale: string) {
    return strapi.documents(uid as any).findOne({
      documentId,
      locale,
      ...(hasDP(uid) ? { status: 'draft' as const } : {}),
      populate: populateFor(strapi, uid) as any,
    });
  }

  /** updatedAt of the draft (or only) version, as a string; null when there is none. */
  async function versionAt(uid: string, documentId: string, locale: string): Promise<string | null> {
    const row = await strapi.db.query(uid as any).findOne({
      where: { documentId, locale, ...(hasDP(uid) ? { publishedAt: null } : {}) },
      select: ['updatedAt'],
    });
    return row?.updatedAt ? new Date(row.updatedAt).toISOString() : null;
  }

  async function hasPublished(uid: string, documentId: string, locale: string): Promise<boolean> {
    if (!hasDP(uid)) return true;
    const n = await strapi.db.query(uid as any).count({ where: { documentId, locale, publishedAt: { $notNull: true } } });
    return n > 0;
  }

  async function findRecord(uid: string, documentId: string, locale: string): Promise<SyncRecord | null> {
    return strapi.db.query(RECORD_UID as any).findOne({ where: { recordKey: recordKey(uid, documentId, locale) } });
  }

  async function saveRecord(uid: string, documentId: string, locale: string, values: Partial<SyncRecord>) {
    const key = recordKey(uid, documentId, locale);
    const existing = await strapi.db.query(RECORD_UID as any).findOne({ where: { recordKey: key }, select: ['id'] });
    const data = { ...values, syncedAt: new Date() };
    if (existing) await strapi.db.query(RECORD_UID as any).update({ where: { id: existing.id }, data });
    else {
      await strapi.documents(RECORD_UID as any).create({
        data: { recordKey: key, targetUid: uid, targetDocumentId: documentId, locale, manual: false, ...data } as any,
      });
    }
  }

  /** Status of one target version against the current source. */
  function statusOf(target: any, record: SyncRecord | null, sourceHash: string, targetHash: string | null): TargetStatus {
    if (!target) return 'missing';
    if (!record) return 'edited'; // a version the sync never wrote
    if (record.sourceHash !== sourceHash) return 'stale';
    return record.manual === true || record.writtenHash !== targetHash ? 'edited' : 'generated';
  }

  /**
   * Brings one target version in step with the source draft, unless it was edited by hand.
   * Creates it when missing. Returns what happened. Runs under the document's lock.
   */
  async function syncTarget(
    uid: string,
    documentId: string,
    locale: string,
    opts: { force?: boolean; publish?: 'always' | 'if-source-published' | 'never'; dryRun?: boolean } = {},
  ): Promise<{ status: TargetStatus; written: boolean; published: boolean }> {
    const cfg = pluginConfig(strapi);
    return withSyncLock(strapi, `${uid}|${documentId}`, async () => {
      const ctx = syncContext();
      const visitKey = `${uid}|${documentId}|${locale}`;
      if (ctx?.visiting.has(visitKey)) return { status: 'generated' as TargetStatus, written: false, published: false };
      ctx?.visiting.add(visitKey);
      try {
        const record = await findRecord(uid, documentId, locale);
        const glossaryVersion: string = await strapi.plugin('chinese-variants').service('glossary').version();
        // Fast path: neither draft changed since the last check (no populate, no hashing).
        if (record && record.manual !== true && !opts.force && record.sourceVersionAt && record.targetVersionAt) {
          const [srcAt, tgtAt] = [await versionAt(uid, documentId, cfg.sourceLocale), await versionAt(uid, documentId, locale)];
          if (srcAt === record.sourceVersionAt && tgtAt === record.targetVersionAt && record.glossaryVersion === glossaryVersion) {
            return { status: 'generated' as TargetStatus, written: false, published: await publishTarget(uid, documentId, locale, false, opts) };
          }
        }
        const source = await loadVersion(uid, documentId, cfg.sourceLocale);
        if (!source) return { status: 'missing' as TargetStatus, written: false, published: false };
        const sourceHash = contentHash(strapi, uid, source);
        const target = await loadVersion(uid, documentId, locale);
        const targetHash = target ? contentHash(strapi, uid, target) : null;
        const edited = !!target && (!record || record.manual === true || record.writtenHash !== targetHash);

        if (edited && !opts.force) {
          // Hand edit (or a version the sync never wrote): left alone, remembered, stale when the source moved on.
          if (!opts.dryRun && (!record || record.manual !== true)) {
            await saveRecord(uid, documentId, locale, {
              manual: true,
              writtenHash: record?.writtenHash ?? null,
              sourceHash: record ? record.sourceHash : sourceHash,
              sourceText: record ? record.sourceText : sourceTexts(strapi, uid, source),
            });
          }
          const status: TargetStatus = !record || record.sourceHash === sourceHash ? 'edited' : 'stale';
          return { status, written: false, published: false };
        }

        let written = false;
        const upToDate =
          !!target &&
          !!record &&
          record.sourceHash === sourceHash &&
          record.writtenHash === targetHash &&
          record.glossaryVersion === glossaryVersion &&
          !opts.force;
        if (!upToDate) {
          if (opts.dryRun) return { status: target ? 'stale' : 'missing', written: true, published: false } as any;
          const run = await conversion().batch(cfg.sourceLocale, locale, { uid, documentId });
          const data = await targetData(strapi, uid, source, run, (targetUid, ids) => mapRelation(targetUid, ids, locale));
          await strapi.documents(uid as any).update({ documentId, locale, data } as any);
          const stored = await loadVersion(uid, documentId, locale);
          await saveRecord(uid, documentId, locale, {
            writtenHash: contentHash(strapi, uid, stored),
            sourceHash,
            sourceText: sourceTexts(strapi, uid, source),
            manual: false,
            sourceVersionAt: iso(source.updatedAt),
            targetVersionAt: iso(stored?.updatedAt),
            glossaryVersion,
          });
          written = true;
        } else if (!opts.dryRun && record && (record.sourceVersionAt !== iso(source.updatedAt) || record.targetVersionAt !== iso(target?.updatedAt))) {
          await saveRecord(uid, documentId, locale, { sourceVersionAt: iso(source.updatedAt), targetVersionAt: iso(target?.updatedAt) });
        }
        const published = await publishTarget(uid, documentId, locale, written, opts);
        return { status: 'generated' as TargetStatus, written, published };
      } finally {
        ctx?.visiting.delete(visitKey);
      }
    });
  }

  async function publishTarget(uid: string, documentId: string, locale: string, written: boolean, opts: { publish?: string; dryRun?: boolean }) {
    if (!hasDP(uid) || opts.dryRun || !opts.publish || opts.publish === 'never') return false;
    const cfg = pluginConfig(strapi);
    if (opts.publish !== 'always') {
      if (!(await hasPublished(uid, documentId, cfg.sourceLocale))) return false;
      if (!written && (await hasPublished(uid, documentId, locale))) return false;
    }
    await strapi.documents(uid as any).publish({ documentId, locale } as any);
    return true;
  }

  /**
   * Relations in a target version point at the target locale's versions of the related documents,
   * which are created first when missing (synced types) and left out otherwise.
   */
  async function mapRelation(targetUid: string, ids: string[], locale: string) {
    if (!isLocalizedType(strapi, targetUid)) return ids.map((documentId) => ({ documentId }));
    const synced = syncedTypes().includes(targetUid);
    const out: Array<Record<string, string>> = [];
    for (const documentId of ids) {
      const exists = (await strapi.db.query(targetUid as any).count({ where: { documentId, locale } })) > 0;
      if (!exists && synced) {
        await syncTarget(targetUid, documentId, locale, { publish: 'if-source-published' });
      }
      if (exists || (await strapi.db.query(targetUid as any).count({ where: { documentId, locale } })) > 0) {
        out.push({ documentId, locale });
      }
    }
    return out;
  }

  /**
   * After a delete of the source: a target deleted by the same call (`deleted`: '*' or a list naming
   * it) only loses its record; any other target is deleted when generated and kept when hand-made.
   */
  async function removeTargets(uid: string, documentId: string, deleted: string | string[]) {
    const cfg = pluginConfig(strapi);
    for (const locale of Object.keys(cfg.targets)) {
      const deletedToo = deleted === '*' || (Array.isArray(deleted) && deleted.includes(locale));
      await withSyncLock(strapi, `${uid}|${documentId}`, async () => {
        const record = await findRecord(uid, documentId, locale);
        if (!deletedToo) {
          const target = await loadVersion(uid, documentId, locale);
          if (target) {
            const edited = !record || record.manual === true || record.writtenHash !== contentHash(strapi, uid, target);
            if (edited) return; // a hand-made version outlives its source
            await strapi.documents(uid as any).delete({ documentId, locale } as any);
          }
        }
        if (record) await strapi.db.query(RECORD_UID as any).delete({ where: { id: record.id } });
      });
    }
  }

  return {
    syncedTypes,
    isSynced(uid: string): boolean {
      return syncedTypes().includes(uid);
    },
    inSync,
    syncTarget,

    /** Mirrors an action on the source locale to every target locale. */
    async afterSourceAction(uid: string, documentId: string, action: SourceAction, params: any = {}) {
      const cfg = pluginConfig(strapi);
      const locales = Object.keys(cfg.targets);
      const published = params.status === 'published';
      for (const locale of locales) {
        try {
          switch (action) {
            case 'create':
            case 'update':
            case 'discardDraft':
              await syncTarget(uid, documentId, locale, { publish: published ? 'always' : 'never' });
              break;
            case 'publish':
              await syncTarget(uid, documentId, locale, { publish: 'always' });
              break;
            case 'unpublish':
              // A withdrawn source withdraws every Traditional version, hand-edited or not.
              await withSyncLock(strapi, `${uid}|${documentId}`, async () => {
                if (await hasPublished(uid, documentId, locale)) await strapi.documents(uid as any).unpublish({ documentId, locale } as any);
              });
              break;
            default:
              break;
          }
        } catch (err: any) {
          strapi.log.error(`[chinese-variants] ${action} ${uid} ${documentId} → ${locale} failed: ${err?.message ?? err}`);
          if (process.env.CHINESE_VARIANTS_STRICT === 'true') throw err;
        }
      }
      if (action === 'delete') await removeTargets(uid, documentId, params.locale ?? cfg.sourceLocale);
    },

    /**
     * Publish of the source: target drafts brought in step first, then one publish call for the
     * source and every generated target (one pass of Strapi's publish instead of one per locale),
     * all under the document's lock, so racing publishes cannot leave duplicate versions. The
     * locales the caller named are published as asked ('*': every locale, as Strapi does, with the
     * targets' drafts in step and missing ones created first); generated targets are added to a list.
     */
    async publishWithTargets(uid: string, documentId: string, params: any, next: () => Promise<any>) {
      const cfg = pluginConfig(strapi);
      return withSyncLock(strapi, `${uid}|${documentId}`, async () => {
        const eligible: string[] = [];
        for (const locale of Object.keys(cfg.targets)) {
          try {
            const r = await syncTarget(uid, documentId, locale, { publish: 'never' });
            if (r.status === 'generated') eligible.push(locale);
          } catch (err: any) {
            strapi.log.error(`[chinese-variants] publish ${uid} ${documentId} → ${locale} failed: ${err?.message ?? err}`);
            if (process.env.CHINESE_VARIANTS_STRICT === 'true') throw err;
          }
        }
        const original = params.locale;
        const requested: string[] | '*' = original === '*' ? '*' : Array.isArray(original) ? original : [original ?? cfg.sourceLocale];
        if (requested === '*' || eligible.length === 0 || !hasDP(uid)) return next();
        params.locale = [...requested, ...eligible.filter((l) => !requested.includes(l))];
        try {
          const result = await next();
          if (Array.isArray(result?.entries)) {
            // callers read entries[0] as the published source
            result.entries.sort((a: any, b: any) => Number(b?.locale === cfg.sourceLocale) - Number(a?.locale === cfg.sourceLocale));
          }
          return result;
        } finally {
          params.locale = original;
        }
      });
    },

    /**
     * Status of the target locales of a document (all, or `locales`); `changes: false` skips the word diff
     * of stale targets, which only the editor's panel shows.
     */
    async status(uid: string, documentId: string, { locales, changes = true }: { locales?: string[]; changes?: boolean } = {}) {
      const cfg = pluginConfig(strapi);
      const source = await loadVersion(uid, documentId, cfg.sourceLocale);
      const sourceHash = source ? contentHash(strapi, uid, source) : '';
      const out: Array<{
        locale: string;
        conversion: string;
        status: TargetStatus;
        published: boolean;
        /** stale targets: what changed in the source since the version the target was based on (null: not known) */
        sourceChanges?: ReturnType<typeof fieldChanges> | null;
      }> = [];
      for (const [locale, conv] of Object.entries(cfg.targets)) {
        if (locales && !locales.includes(locale)) continue;
        const target = await loadVersion(uid, documentId, locale);
        const record = await findRecord(uid, documentId, locale);
        const targetHash = target ? contentHash(strapi, uid, target) : null;
        const status = source ? statusOf(target, record, sourceHash, targetHash) : target ? 'edited' : 'missing';
        const sourceChanges =
          status === 'stale' && changes ? (record?.sourceText ? fieldChanges(record.sourceText, sourceTexts(strapi, uid, source)) : null) : undefined;
        out.push({ locale, conversion: conv, status, published: target ? await hasPublished(uid, documentId, locale) : false, sourceChanges });
      }
      return { uid, documentId, sourceLocale: cfg.sourceLocale, exists: !!source, targets: out };
    },

    /**
     * For readers of a published target version: its status against the source (a `stale` one is a hand
     * edit the source has changed since). null when the target has no published version.
     */
    async freshness(uid: string, documentId: string, locale: string) {
      if (!(await hasPublished(uid, documentId, locale))) return null;
      const { sourceLocale, targets } = await this.status(uid, documentId, { locales: [locale], changes: false });
      const target = targets.find((t) => t.locale === locale);
      return target ? { locale, sourceLocale, status: target.status } : null;
    },

    /** Re-converts a generated target's draft (after a glossary change for this document); a hand edit is left alone. */
    async resync(uid: string, documentId: string, locale: string) {
      const r = await syncTarget(uid, documentId, locale, { publish: 'never' });
      return { status: r.status, written: r.written };
    },

    /** Overwrites a target with the conversion of the source (hand edits discarded); publishes it when the source is published. */
    async regenerate(uid: string, documentId: string, locale: string) {
      return syncTarget(uid, documentId, locale, { force: true, publish: 'if-source-published' });
    },

    /** Keeps the hand edit: no longer stale, still protected from later syncs. */
    async keepEdits(uid: string, documentId: string, locale: string) {
      const cfg = pluginConfig(strapi);
      return withSyncLock(strapi, `${uid}|${documentId}`, async () => {
        const source = await loadVersion(uid, documentId, cfg.sourceLocale);
        const target = await loadVersion(uid, documentId, locale);
        if (!source || !target) return { status: target ? 'edited' : 'missing' };
        const record = await findRecord(uid, documentId, locale);
        await saveRecord(uid, documentId, locale, {
          manual: true,
          sourceHash: contentHash(strapi, uid, source),
          sourceText: sourceTexts(strapi, uid, source),
          writtenHash: record?.writtenHash ?? null,
        });
        return { status: 'edited' as TargetStatus };
      });
    },

    /** Converted preview of the source's synced text fields (nothing written). */
    async preview(uid: string, documentId: string, locale: string) {
      const cfg = pluginConfig(strapi);
      const source = await loadVersion(uid, documentId, cfg.sourceLocale);
      if (!source) return null;
      const run = await conversion().batch(cfg.sourceLocale, locale, { uid, documentId });
      const data = await targetData(strapi, uid, source, run, async (_t, ids) => ids.map((documentId) => ({ documentId })));
      for (const [k, v] of Object.entries(data)) if (v && typeof v === 'object' && 'set' in (v as any)) delete data[k];
      return data;
    },
  };
};
