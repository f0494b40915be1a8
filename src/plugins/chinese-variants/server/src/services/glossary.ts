import type { Core } from '@strapi/strapi';
import { DEFAULT_GLOSSARY, PROTECTED_SOURCES, type Glossary, type GlossaryTerm } from '../engine';
import { GLOSSARY_UID } from '../content-types';
import { SETTINGS_KEY, pluginStore } from './store';

type Row = {
  term: string;
  replacements?: Record<string, unknown> | null;
  enabled?: boolean | null;
  scopeType?: string | null;
  scopeDocument?: string | null;
};

/** A document a document-level term belongs to. */
export interface Scope {
  uid: string;
  documentId: string;
}

const isGlobal = (r: Row) => !r.scopeType && !r.scopeDocument;
const inScope = (r: Row, scope: Scope) => r.scopeType === scope.uid && r.scopeDocument === scope.documentId;

/** Glossary for one target locale from the stored terms (enabled ones; a replacement for the locale, else keep). */
export function glossaryForLocale(rows: readonly Row[], locale: string, version: string): Glossary {
  const terms: GlossaryTerm[] = [];
  for (const r of rows) {
    if (r.enabled === false || typeof r.term !== 'string' || r.term.trim() === '') continue;
    const replacement = r.replacements && typeof r.replacements === 'object' ? r.replacements[locale] : undefined;
    if (typeof replacement === 'string' && replacement.length > 0) terms.push({ source: r.term.trim(), replacement });
    else terms.push({ source: r.term.trim(), keep: true });
  }
  return { version: `${version}:${locale}`, terms };
}

/** The protected vocabulary is always present (s2twp refuses to run without it); stored terms win. */
export function withProtected(g: Glossary): Glossary {
  const present = new Set(g.terms.map((t) => t.source));
  const missing = DEFAULT_GLOSSARY.terms.filter((t) => !present.has(t.source));
  return missing.length === 0 ? g : { version: g.version, terms: [...missing, ...g.terms] };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { version: string; rows: Row[] } | null = null;

  return {
    /**
     * The glossary's version as stored: count, max(id), max(updatedAt) of the terms. Two cheap
     * queries (inside the caller's transaction when there is one), so a change made on any instance
     * is seen on the next conversion batch of every instance.
     */
    async version(): Promise<string> {
      const table = (strapi.getModel(GLOSSARY_UID as any) as any).collectionName;
      // One aggregate query, inside the caller's transaction when there is one (SQLite has one connection).
      const row: any = await strapi.db.transaction(async ({ trx }) =>
        strapi.db.connection(table).transacting(trx).count({ c: '*' }).max({ i: 'id' }).max({ u: 'updated_at' }).first(),
      );
      const at = row?.u ? new Date(row.u).getTime() : 0;
      return `db-${Number(row?.c ?? 0)}-${row?.i ?? 0}-${at}`;
    },

    async rows(): Promise<{ version: string; rows: Row[] }> {
      const version = await this.version();
      if (cached && cached.version === version) return cached;
      const rows = (await strapi.db.query(GLOSSARY_UID as any).findMany({
        select: ['term', 'replacements', 'enabled', 'scopeType', 'scopeDocument'],
        orderBy: { id: 'asc' },
      })) as Row[];
      cached = { version, rows };
      return cached;
    },

    /**
     * The glossary a Simplified → target conversion uses right now: the global terms, and with a
     * scope that document's own terms after them (so they win over a global term of the same source).
     */
    async forLocale(locale: string, scope?: Scope): Promise<Glossary> {
      const { version, rows } = await this.rows();
      const own = scope ? rows.filter((r) => inScope(r, scope)) : [];
      const global = rows.filter(isGlobal);
      if (own.length === 0) return withProtected(glossaryForLocale(global, locale, version));
      return withProtected(glossaryForLocale([...global, ...own], locale, `${version}:${scope?.uid}:${scope?.documentId}`));
    },

    /** The document-level terms of one document, oldest first. */
    async scoped(scope: Scope): Promise<Row[]> {
      return (await this.rows()).rows.filter((r) => inScope(r, scope));
    },

    /**
     * Adds a named set of terms once (kept as written; a store flag remembers the set, so terms an
     * editor deleted stay deleted). For other plugins too: `seedTermSet('my-set', [{ term, note }])`.
     */
    async seedTermSet(name: string, terms: ReadonlyArray<{ term: string; note?: string }>): Promise<number> {
      const store = pluginStore(strapi);
      const settings = ((await store.get({ key: SETTINGS_KEY })) as any) ?? {};
      const seededSets: Record<string, boolean> = settings.termSets ?? {};
      if (seededSets[name]) return 0;
      const existing = new Set(
        ((await strapi.db.query(GLOSSARY_UID as any).findMany({ select: ['term', 'scopeType'] })) as Row[]).filter(isGlobal).map((r) => r.term),
      );
      const fresh = [...new Map(terms.filter((t) => !existing.has(t.term)).map((t) => [t.term, t])).values()];
      if (fresh.length > 0) {
        await strapi.db.transaction(async () => {
          for (const t of fresh)
            await strapi.db
              .query(GLOSSARY_UID as any)
              .create({ data: { term: t.term, replacements: {}, enabled: true, protected: false, note: t.note ?? null } });
        });
      }
      const latest = ((await store.get({ key: SETTINGS_KEY })) as any) ?? {};
      await store.set({ key: SETTINGS_KEY, value: { ...latest, termSets: { ...(latest.termSets ?? {}), [name]: true } } });
      return fresh.length;
    },

    /** Seeds the default glossary once (a store flag remembers it, so deleted terms stay deleted). */
    async seedDefaults(): Promise<number> {
      const store = pluginStore(strapi);
      const settings = ((await store.get({ key: SETTINGS_KEY })) as any) ?? {};
      if (settings.glossarySeeded) return 0;
      const existing = new Set(
        ((await strapi.db.query(GLOSSARY_UID as any).findMany({ select: ['term', 'scopeType', 'scopeDocument'] })) as Row[])
          .filter(isGlobal)
          .map((r) => r.term),
      );
      const fresh = PROTECTED_SOURCES.filter((s) => !existing.has(s));
      if (fresh.length > 0) {
        await strapi.db.transaction(async () => {
          for (const term of fresh) {
            await strapi.documents(GLOSSARY_UID as any).create({
              data: { term, replacements: {}, enabled: true, protected: true, note: 'Official vocabulary kept as written (default glossary).' } as any,
            });
          }
        });
      }
      await store.set({ key: SETTINGS_KEY, value: { ...settings, glossarySeeded: true } });
      return fresh.length;
    },
  };
};
