import type { Core } from '@strapi/strapi';
import { blocksText, excerpt, highlight, indexTokens, queryTerms } from '../../core/search';
import { shanghaiDate, toIsoDate } from '../../core/working-days';
import { sourceLocale } from '../stats/service';
import { attachmentText } from './attachments';
import {
  allHits,
  createBulkIndexes,
  dropBulkIndexes,
  ensureSearchTables,
  indexedDocumentIds,
  insertEntries,
  putEntry,
  searchEntries,
  type SearchEntry,
  type SearchFilters,
} from '../storage/search-index';

/** The content types searched, and how each becomes an entry. */
export const SEARCHED = {
  notice: 'api::notice.notice',
  report: 'api::annual-report.annual-report',
} as const;
export type Kind = keyof typeof SEARCHED;
export const KIND_OF: Record<string, Kind> = Object.fromEntries(Object.entries(SEARCHED).map(([k, uid]) => [uid, k as Kind]));

const CATEGORY = 'api::disclosure-category.disclosure-category';
const ORGANIZATION = 'api::organization.organization';

export interface SearchParams {
  q: string;
  locale: string;
  page: number;
  pageSize: number;
  kind?: Kind;
  organization?: string;
  category?: string;
  year?: number;
  documentType?: string;
}

export interface SearchHit {
  kind: Kind;
  documentId: string;
  title: string;
  /** the title with the query's words in <mark>, the rest escaped */
  titleHtml: string;
  documentNumber: string | null;
  releaseDate: string | null;
  /** about 120 characters around the first hit in the text, marked and escaped as titleHtml */
  excerptHtml: string;
}

type Converter = {
  convert(from: string, to: string, format: 'text', content: unknown): Promise<unknown>;
  config(): { sourceLocale: string; targets: Record<string, string> };
};

const converter = (strapi: Core.Strapi) => strapi.plugin('chinese-variants')?.service('conversion') as Converter | undefined;

/** Text in another script through chinese-variants' service (as written when the plugin or pair is missing). */
export async function convertText(strapi: Core.Strapi, from: string, to: string, text: string): Promise<string> {
  const c = converter(strapi);
  if (!c || from === to || !text) return text;
  try {
    return String(await c.convert(from, to, 'text', text));
  } catch {
    return text; // a pair the converter does not know: shown as written
  }
}

/** The published source-locale version of a document as an index entry (null: nothing published). */
async function entryOf(strapi: Core.Strapi, kind: Kind, documentId: string): Promise<SearchEntry | null> {
  const locale = sourceLocale(strapi);
  const where = { documentId, locale, publishedAt: { $notNull: true } };
  if (kind === 'notice') {
    const n: any = await strapi.db.query(SEARCHED.notice).findOne({ where, populate: { attachments: true } });
    if (!n) return null;
    const files: string[] = [];
    for (const file of n.attachments ?? []) {
      const text = await attachmentText(strapi, file);
      if (text) files.push(`${file.name}\n${text}`);
    }
    const body = [n.summary, blocksText(n.body), n.keywords, ...files].filter(Boolean).join('\n');
    return {
      kind,
      documentId,
      title: n.title ?? '',
      number: n.documentNumber ?? '',
      body,
      organizationDocumentId: n.organizationDocumentId ?? null,
      categoryDocumentId: n.categoryDocumentId ?? null,
      year: toIsoDate(n.releaseDate) ? Number(toIsoDate(n.releaseDate)!.slice(0, 4)) : null,
      documentType: n.documentType ?? null,
      releaseDate: toIsoDate(n.releaseDate),
      tokens: { title: indexTokens(n.title), number: indexTokens(n.documentNumber), body: indexTokens(body) },
    };
  }
  const r: any = await strapi.db.query(SEARCHED.report).findOne({ where, populate: { organization: { select: ['documentId'] } } });
  if (!r) return null;
  const body = [blocksText(r.overview), blocksText(r.problems), blocksText(r.otherMatters)].filter(Boolean).join('\n');
  const released = r.publishedAt ? shanghaiDate(new Date(r.publishedAt)) : null;
  return {
    kind,
    documentId,
    title: r.title ?? '',
    number: '',
    body,
    organizationDocumentId: r.organization?.documentId ?? null,
    categoryDocumentId: null,
    year: released ? Number(released.slice(0, 4)) : null,
    documentType: null,
    releaseDate: released,
    tokens: { title: indexTokens(r.title), number: '', body: indexTokens(body) },
  };
}

export class UnknownFilterError extends Error {
  constructor(
    readonly field: string,
    readonly zh: string,
    en: string,
  ) {
    super(en);
  }
}

const searchService = ({ strapi }: { strapi: Core.Strapi }) => {
  // until start-up has made the tables, writes leave the index alone: ensure() then brings it in line
  let ready = false;
  return {
    /** Brings one document's entry in line with its published source version (inside the caller's transaction, if any). */
    async reindex(kind: Kind, documentId: string) {
      if (!ready) return;
      await strapi.db.transaction(async ({ trx }) => putEntry(strapi, trx, kind, documentId, await entryOf(strapi, kind, documentId)));
    },

    /** A bulk load (imports, benchmarks): the index structures are built once at its end, not row by row. */
    async bulkLoad(load: () => Promise<void>) {
      await dropBulkIndexes(strapi);
      try {
        await load();
      } finally {
        await createBulkIndexes(strapi);
      }
    },

    /** Adds documents not yet indexed, many at a time (bulk loads: imports, benchmarks). */
    async indexMany(entries: ReadonlyArray<Omit<SearchEntry, 'tokens'>>) {
      const full = entries.map((e) => ({ ...e, tokens: { title: indexTokens(e.title), number: indexTokens(e.number), body: indexTokens(e.body) } }));
      await strapi.db.transaction(({ trx }) => insertEntries(strapi, trx, full));
    },

    /**
     * Start-up: creates the tables, and (re)indexes the documents published but not indexed or indexed but
     * no longer published, so that content written before the index existed, or by an import, is found.
     */
    async ensure({ reconcile = true }: { reconcile?: boolean } = {}) {
      await ensureSearchTables(strapi);
      ready = true;
      const changed: Record<string, number> = {};
      if (!reconcile) return changed;
      for (const [kind, uid] of Object.entries(SEARCHED) as [Kind, string][]) {
        const published = new Set(
          (
            await strapi.db.query(uid as any).findMany({ where: { locale: sourceLocale(strapi), publishedAt: { $notNull: true } }, select: ['documentId'] })
          ).map((r: any) => r.documentId as string),
        );
        const indexed = new Set(await strapi.db.transaction(({ trx }) => indexedDocumentIds(trx, kind)));
        const stale = [...published].filter((id) => !indexed.has(id)).concat([...indexed].filter((id) => !published.has(id)));
        for (const id of stale) await this.reindex(kind, id);
        if (stale.length) changed[kind] = stale.length;
      }
      return changed;
    },

    /** `total` counts up to SEARCH_COUNT_CAP; `capped`: there are more */
    async search(params: SearchParams): Promise<{ hits: SearchHit[]; total: number; capped: boolean; terms: string[]; searchedAs: string[] }> {
      const { typed, converted, terms: alternatives } = await this.alternatives(params.q, params.locale);
      const filters = await this.filtersOf(params);
      const { total, capped, rows } = await strapi.db.transaction(({ trx }) =>
        searchEntries(strapi, trx, { terms: alternatives, filters, limit: params.pageSize, offset: (params.page - 1) * params.pageSize }),
      );
      const hits = await this.present(rows, params.locale, alternatives);
      return { hits, total, capped, terms: typed, searchedAs: converted.filter((c, i) => c !== typed[i]) };
    },

    /** The query's terms, each with its alternatives: as typed and as converted into the source's script. */
    async alternatives(q: string, locale: string) {
      const source = sourceLocale(strapi);
      const typed = queryTerms(q);
      // from the page's script (or, on a source page, the first target's)
      const targets = Object.keys(converter(strapi)?.config().targets ?? {});
      const from = locale !== source ? locale : targets[0];
      const converted = await Promise.all(typed.map((t) => (from ? convertText(strapi, from, source, t) : t)));
      return { typed, converted, terms: typed.map((t, i) => [...new Set([converted[i], t])]) };
    },

    /** Every hit's documentId in the source locale, unranked and not capped (checks against a scan, exports). */
    async allHits(params: Pick<SearchParams, 'q' | 'locale'> & Partial<SearchParams>): Promise<string[]> {
      const { terms } = await this.alternatives(params.q, params.locale);
      const filters = await this.filtersOf({ page: 1, pageSize: 1, ...params });
      return strapi.db.transaction(({ trx }) => allHits(strapi, trx, { terms, filters }));
    },

    /** Codes in the query to the documentIds the index keeps (a category with everything below it). */
    async filtersOf(params: SearchParams): Promise<SearchFilters> {
      const filters: SearchFilters = { kind: params.kind, year: params.year, documentType: params.documentType };
      if (params.organization) {
        const org: any = await strapi.db.query(ORGANIZATION).findOne({ where: { code: params.organization }, select: ['documentId'] });
        if (!org)
          throw new UnknownFilterError('organization', `没有编码为“${params.organization}”的机构。`, `No organization has the code "${params.organization}".`);
        filters.organizationDocumentId = org.documentId;
      }
      if (params.category) {
        const all: any[] = await strapi.db.query(CATEGORY).findMany({ select: ['documentId', 'code'], populate: { parent: { select: ['documentId'] } } });
        const root = all.find((c) => c.code === params.category);
        if (!root)
          throw new UnknownFilterError('category', `没有编码为“${params.category}”的目录类别。`, `No catalogue category has the code "${params.category}".`);
        const ids = new Set<string>([root.documentId]);
        for (let grew = true; grew;) {
          grew = false;
          for (const c of all) if (c.parent && ids.has(c.parent.documentId) && !ids.has(c.documentId)) grew = !!ids.add(c.documentId);
        }
        filters.categoryDocumentIds = [...ids];
      }
      return filters;
    },

    /** Titles and numbers in the asked locale (its published version, else converted), excerpts converted and marked. */
    async present(rows: Awaited<ReturnType<typeof searchEntries>>['rows'], locale: string, alternatives: string[][]): Promise<SearchHit[]> {
      const source = sourceLocale(strapi);
      const localized = new Map<string, { title?: string }>();
      if (locale !== source) {
        for (const [kind, uid] of Object.entries(SEARCHED)) {
          const ids = rows.filter((r) => r.kind === kind).map((r) => r.documentId);
          if (!ids.length) continue;
          const select = kind === 'notice' ? ['documentId', 'title', 'documentNumber'] : ['documentId', 'title'];
          const found = await strapi.db.query(uid as any).findMany({ where: { documentId: { $in: ids }, locale, publishedAt: { $notNull: true } }, select });
          for (const f of found as any[]) localized.set(`${kind}|${f.documentId}`, f);
        }
      }
      const marks = async (terms: string[]) =>
        locale === source ? terms : [...terms, ...(await Promise.all(terms.map((t) => convertText(strapi, source, locale, t))))];
      const terms = await marks(alternatives.flat());
      return Promise.all(
        rows.map(async (r) => {
          const own = localized.get(`${r.kind}|${r.documentId}`);
          const title = own?.title ?? (await convertText(strapi, source, locale, r.title));
          // 文号 is not localized: converted like any text the reader sees
          const number = r.number ? await convertText(strapi, source, locale, r.number) : null;
          const text = await convertText(strapi, source, locale, excerpt(r.body, alternatives.flat()));
          return {
            kind: r.kind as Kind,
            documentId: r.documentId,
            title,
            titleHtml: highlight(title, terms),
            documentNumber: number,
            releaseDate: r.releaseDate,
            excerptHtml: highlight(text, terms),
          };
        }),
      );
    },
  };
};

export type SearchService = ReturnType<typeof searchService>;
export default searchService;
