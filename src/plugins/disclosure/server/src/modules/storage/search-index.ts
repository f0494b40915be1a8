import type { Core } from '@strapi/strapi';
import { fts5Phrase, phraseOf, runsPattern, runsText, tsqueryTokens } from '../../core/search';

/**
 * The full-text index's tables, per dialect: one row per published document (`disclosure_search_entries`)
 * and its tokens (core/search/tokens.ts), in an FTS5 table on SQLite; on PostgreSQL as position-free
 * `tsvector`s with GIN indexes, which find the candidates exactly (no recheck), and the text's runs kept
 * in the row, on which `strpos` confirms each phrase (chosen by measurement: npm run bench:search).
 */
export const ENTRIES = 'disclosure_search_entries';
const FTS = 'disclosure_search_fts';
/** attachments' extracted text, by file id and hash (a replaced file has a new hash) */
const FILES = 'disclosure_search_files';
const VERSION_TABLE = 'disclosure_search_version';
/** Raised when the tables' layout changes: start-up then rebuilds them (the attachment texts are kept). */
const INDEX_VERSION = 3;
/**
 * Counting stops here: a search reports "more than 1,000" rather than read every hit of a common word,
 * and pages end there (a reader narrows the search long before).
 */
export const SEARCH_COUNT_CAP = 1000;

export interface SearchEntry {
  kind: 'notice' | 'report';
  documentId: string;
  title: string;
  number: string;
  body: string;
  organizationDocumentId: string | null;
  categoryDocumentId: string | null;
  year: number | null;
  documentType: string | null;
  releaseDate: string | null;
  /** the tokens of title, number and body (indexTokens) */
  tokens: { title: string; number: string; body: string };
}

export interface SearchFilters {
  kind?: string;
  organizationDocumentId?: string;
  categoryDocumentIds?: string[];
  year?: number;
  documentType?: string;
}

export interface SearchQuery {
  /** every term must be found; each as any of its alternatives (as typed, as converted) */
  terms: string[][];
  filters: SearchFilters;
  limit: number;
  offset: number;
}

export interface SearchRow {
  kind: string;
  documentId: string;
  title: string;
  number: string;
  body: string;
  releaseDate: string | null;
}

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** Creates the tables when missing (idempotent, run at start-up). */
export async function ensureSearchTables(strapi: Core.Strapi): Promise<boolean> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(FILES))) {
    await knex.schema.createTable(FILES, (t) => {
      t.string('file_key', 200).primary();
      t.text('text').notNullable();
    });
  }
  if (!(await knex.schema.hasTable(VERSION_TABLE))) await knex.schema.createTable(VERSION_TABLE, (t) => t.integer('version').notNullable());
  const current = await knex(VERSION_TABLE).first('version');
  if (current?.version === INDEX_VERSION && (await knex.schema.hasTable(ENTRIES))) return false;
  await knex.schema.dropTableIfExists(ENTRIES);
  if (!isPostgres(strapi)) await knex.raw(`DROP TABLE IF EXISTS ??`, [FTS]);
  await knex(VERSION_TABLE).del();
  await knex(VERSION_TABLE).insert({ version: INDEX_VERSION });
  await knex.schema.createTable(ENTRIES, (t) => {
    t.increments('id');
    t.string('kind', 16).notNullable();
    t.string('document_id', 64).notNullable();
    t.text('title').notNullable();
    t.text('number').notNullable();
    t.text('body').notNullable();
    t.string('organization_document_id', 64).nullable();
    t.string('category_document_id', 64).nullable();
    t.integer('year').nullable();
    t.string('document_type', 64).nullable();
    t.string('release_date', 10).nullable();
    t.unique(['kind', 'document_id']);
  });
  if (isPostgres(strapi)) {
    // the runs stay in the row (MAIN): confirming a phrase then reads no TOAST; the display text moves out first
    await knex.raw(
      `ALTER TABLE ?? ADD COLUMN tsv tsvector NOT NULL, ADD COLUMN tsv_title tsvector NOT NULL,
         ADD COLUMN runs text NOT NULL, ADD COLUMN title_runs text NOT NULL,
         ALTER COLUMN runs SET STORAGE MAIN, ALTER COLUMN title_runs SET STORAGE MAIN`,
      [ENTRIES],
    );
    await createBulkIndexes(strapi);
    await knex.raw(`CREATE INDEX ?? ON ?? (release_date DESC NULLS LAST, id DESC)`, [`${ENTRIES}_recent`, ENTRIES]);
  } else {
    // Contentless (the text is in the entries table; rowid = entries.id). `meta` holds the filters as
    // tokens, so that a filtered search is answered from the index alone; prefix='1' indexes one-character
    // prefixes, which a term ending in one character (…12号) asks for.
    await knex.raw(`CREATE VIRTUAL TABLE ?? USING fts5(title, number, body, meta, content='', contentless_delete=1, tokenize='unicode61', prefix='1')`, [FTS]);
  }
  return true;
}

const token = (prefix: string, value: unknown) =>
  `${prefix}${String(value)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;

/** An entry's filter values as FTS5 tokens (documentIds are lower-case letters and digits). */
function metaTokens(e: Pick<SearchEntry, 'kind' | 'organizationDocumentId' | 'categoryDocumentId' | 'year' | 'documentType'>): string {
  return [
    token('k', e.kind),
    e.organizationDocumentId ? token('o', e.organizationDocumentId) : '',
    e.categoryDocumentId ? token('c', e.categoryDocumentId) : '',
    e.year ? token('y', e.year) : '',
    e.documentType ? token('t', e.documentType) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The filters as an FTS5 expression on `meta` ('' for none). */
function metaMatch(f: SearchFilters): string {
  const any = (prefix: string, values: unknown[]) => `meta : (${values.map((v) => `"${token(prefix, v)}"`).join(' OR ')})`;
  const parts: string[] = [];
  if (f.kind) parts.push(any('k', [f.kind]));
  if (f.organizationDocumentId) parts.push(any('o', [f.organizationDocumentId]));
  if (f.categoryDocumentIds) parts.push(f.categoryDocumentIds.length ? any('c', f.categoryDocumentIds) : 'meta : "cnone"');
  if (f.year) parts.push(any('y', [f.year]));
  if (f.documentType) parts.push(any('t', [f.documentType]));
  return parts.join(' AND ');
}

const GIN_INDEXES = [
  [`${ENTRIES}_tsv`, 'tsv'],
  [`${ENTRIES}_tsv_title`, 'tsv_title'],
] as const;

/** PostgreSQL: drops the GIN indexes before a bulk load (createBulkIndexes builds them again, much faster than row by row). */
export async function dropBulkIndexes(strapi: Core.Strapi) {
  if (!isPostgres(strapi)) return;
  for (const [name] of GIN_INDEXES) await strapi.db.connection.raw(`DROP INDEX IF EXISTS ??`, [name]);
}

export async function createBulkIndexes(strapi: Core.Strapi) {
  if (!isPostgres(strapi)) {
    await strapi.db.connection.raw(`INSERT INTO ?? (??) VALUES ('optimize')`, [FTS, FTS]);
    return;
  }
  await strapi.db.connection.transaction(async (trx: any) => {
    await trx.raw(`SET LOCAL maintenance_work_mem = '512MB'`);
    for (const [name, column] of GIN_INDEXES) await trx.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? USING gin (??)`, [name, ENTRIES, column]);
  });
}

/** Replaces a document's entry (none: removes it), inside the caller's transaction. */
export async function putEntry(strapi: Core.Strapi, trx: any, kind: SearchEntry['kind'], documentId: string, entry: SearchEntry | null) {
  const old = await trx(ENTRIES).where({ kind, document_id: documentId }).first('id');
  if (old) {
    if (!isPostgres(strapi)) await trx.raw(`DELETE FROM ?? WHERE rowid = ?`, [FTS, old.id]);
    await trx(ENTRIES).where({ id: old.id }).del();
  }
  if (entry) await insertEntries(strapi, trx, [entry]);
}

/** Adds entries of documents not yet in the index (one statement per table and 500 entries). */
export async function insertEntries(strapi: Core.Strapi, trx: any, entries: readonly SearchEntry[]) {
  if (!entries.length) return;
  const rows = entries.map((entry) => ({
    kind: entry.kind,
    document_id: entry.documentId,
    title: entry.title,
    number: entry.number,
    body: entry.body,
    organization_document_id: entry.organizationDocumentId,
    category_document_id: entry.categoryDocumentId,
    year: entry.year,
    document_type: entry.documentType,
    release_date: entry.releaseDate,
  }));
  if (isPostgres(strapi)) {
    const vector = (tokens: string) => trx.raw(`strip(to_tsvector('simple', ?))`, [tokens]);
    const columns = (e: SearchEntry) => ({
      tsv: vector(`${e.tokens.title} ${e.tokens.number} ${e.tokens.body}`),
      tsv_title: vector(`${e.tokens.title} ${e.tokens.number}`),
      runs: runsText(e.title, e.number, e.body),
      title_runs: runsText(e.title, e.number),
    });
    for (let at = 0; at < rows.length; at += 500)
      await trx(ENTRIES).insert(rows.slice(at, at + 500).map((row, i) => ({ ...row, ...columns(entries[at + i]) })));
    return;
  }
  // SQLite: the id (the FTS5 rowid) orders by release date, so that FTS5 yields the newest hits first
  // and stops at the page's end; one statement per table and chunk
  const next = new Map<number, number>();
  for (let at = 0; at < rows.length; at += 500) {
    const chunk: Array<(typeof rows)[number] & { id: number }> = [];
    for (const row of rows.slice(at, at + 500)) {
      const day = dayOf(row.release_date);
      let id = next.get(day);
      if (id === undefined) {
        const [{ last }] = await trx(ENTRIES)
          .where('id', '>=', day * PER_DAY)
          .andWhere('id', '<', (day + 1) * PER_DAY)
          .max({ last: 'id' });
        id = last === null ? day * PER_DAY : Number(last) + 1;
      }
      next.set(day, id + 1);
      chunk.push({ ...row, id });
    }
    await trx(ENTRIES).insert(chunk);
    const values = entries.slice(at, at + 500).flatMap((e, i) => [chunk[i].id, e.tokens.title, e.tokens.number, e.tokens.body, metaTokens(e)]);
    await trx.raw(`INSERT INTO ?? (rowid, title, number, body, meta) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, [FTS, ...values]);
  }
}

/** SQLite entry ids: the release day (days since 1970; none: 0) times PER_DAY, plus the entry's place that day. */
const PER_DAY = 2 ** 22;
function dayOf(releaseDate: string | null): number {
  const t = releaseDate ? Date.parse(`${releaseDate}T00:00:00Z`) : NaN;
  return Number.isFinite(t) && t >= 0 ? Math.floor(t / 86_400_000) : 0;
}

export async function cachedFileText(trx: any, key: string): Promise<string | null> {
  const row = await trx(FILES).where({ file_key: key }).first('text');
  return row ? row.text : null;
}

export async function storeFileText(trx: any, key: string, text: string) {
  await trx(FILES).insert({ file_key: key, text }).onConflict('file_key').merge();
}

/** The documents of a kind in the index (for the start-up consistency check). */
export async function indexedDocumentIds(trx: any, kind: SearchEntry['kind']): Promise<string[]> {
  return (await trx(ENTRIES).where({ kind }).select('document_id')).map((r: any) => r.document_id);
}

function applyFilters(q: any, f: SearchFilters) {
  if (f.kind) q.where('e.kind', f.kind);
  if (f.organizationDocumentId) q.where('e.organization_document_id', f.organizationDocumentId);
  if (f.categoryDocumentIds) q.whereIn('e.category_document_id', f.categoryDocumentIds);
  if (f.year) q.where('e.year', f.year);
  if (f.documentType) q.where('e.document_type', f.documentType);
  return q;
}

const COLUMNS = { kind: 'kind', documentId: 'document_id', title: 'title', number: 'number', body: 'body', releaseDate: 'release_date' };

/**
 * Hits in two tiers, each newest first: those whose title or 文号 holds every term, then the others;
 * counted up to SEARCH_COUNT_CAP. SQLite answers from the FTS5 index alone (its rowids order by release
 * date), then reads the page's rows.
 */
export async function searchEntries(strapi: Core.Strapi, trx: any, query: SearchQuery): Promise<{ total: number; capped: boolean; rows: SearchRow[] }> {
  const limit = Math.max(0, Math.min(query.limit, SEARCH_COUNT_CAP - query.offset));
  if (isPostgres(strapi)) return searchPostgres(trx, query, limit);
  const all = fts5Match(query, '{title number body}');
  const inTitle = fts5Match(query, '{title number}');
  const matching = (match: string) => trx(FTS).whereRaw(`?? MATCH ?`, [FTS, match]);
  const page = async (match: string, n: number, offset: number): Promise<number[]> =>
    n > 0 ? (await matching(match).select({ id: 'rowid' }).orderBy('rowid', 'desc').limit(n).offset(offset)).map((r: any) => Number(r.id)) : [];
  const total = await countCapped(trx, matching(all));
  const titleTotal = await countCapped(trx, matching(inTitle));
  const ids = query.offset < titleTotal ? await page(inTitle, limit, query.offset) : [];
  if (ids.length < limit && titleTotal <= SEARCH_COUNT_CAP)
    ids.push(...(await page(`(${all}) NOT (${inTitle})`, limit - ids.length, Math.max(0, query.offset - titleTotal))));
  const rows: Array<SearchRow & { id: number }> = ids.length
    ? await trx(ENTRIES)
        .select({ id: 'id', ...COLUMNS })
        .whereIn('id', ids)
    : [];
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return {
    ...capped(total),
    rows: ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const { id: _id, ...rest } = row;
      return [rest];
    }),
  };
}

/** FTS5 MATCH: every term (any of its alternatives) in the given columns, and the filters. */
function fts5Match(query: Pick<SearchQuery, 'terms' | 'filters'>, columns = '{title number body}'): string {
  const phrases = query.terms.map((alts) =>
    alts
      .map(phraseOf)
      .filter((p): p is NonNullable<typeof p> => !!p)
      .map(fts5Phrase),
  );
  const filters = metaMatch(query.filters);
  const text = phrases.map((alts) => (alts.length > 1 ? `(${alts.join(' OR ')})` : alts[0])).join(' AND ');
  return `${columns} : (${text})${filters ? ` AND ${filters}` : ''}`;
}

/** Every hit's documentId, unranked and not capped (checks against a scan, exports). */
export async function allHits(strapi: Core.Strapi, trx: any, query: Pick<SearchQuery, 'terms' | 'filters'>): Promise<string[]> {
  if (isPostgres(strapi)) {
    const match = postgresMatch(query.terms);
    return (
      await applyFilters(trx({ e: ENTRIES }), query.filters)
        .whereRaw(...match.tokens('tsv'))
        .whereRaw(...match.runs('runs'))
        .select('e.document_id')
    ).map((r: any) => r.document_id);
  }
  const ids = trx(FTS)
    .select('rowid')
    .whereRaw(`?? MATCH ?`, [FTS, fts5Match(query)]);
  return (await trx(ENTRIES).whereIn('id', ids).select('document_id')).map((r: any) => r.document_id);
}

/** A query's rows counted up to SEARCH_COUNT_CAP + 1 (enough to tell "more"). */
async function countCapped(trx: any, q: any): Promise<number> {
  const [{ n }] = await trx
    .from(
      q
        .select(trx.raw('1'))
        .limit(SEARCH_COUNT_CAP + 1)
        .as('hits'),
    )
    .count({ n: '*' });
  return Number(n);
}

const capped = (n: number) => ({ total: Math.min(n, SEARCH_COUNT_CAP), capped: n > SEARCH_COUNT_CAP });

/**
 * PostgreSQL's "holds every term", as SQL on the entries aliased `e`: `tokens(vector)`, every token in the
 * position-free vector (the GIN index answers it exactly), and `runs(column)`, each term's phrase in the
 * runs (exact by itself, read from the row). `exactTokens`: every phrase is one token, so the tokens alone
 * are exact.
 */
function postgresMatch(terms: string[][]) {
  const phrases = terms.map((alts) => alts.map(phraseOf).filter((p): p is NonNullable<typeof p> => !!p));
  const tsquery = phrases
    .map((alts) => {
      const parts = alts.map(tsqueryTokens);
      return parts.length > 1 ? `(${parts.join(' | ')})` : parts[0];
    })
    .join(' & ');
  const patterns = terms.map((alts) => alts.flatMap((a) => runsPattern(a) ?? []));
  return {
    tokens: (vector: string): [string, unknown[]] => [`?? @@ to_tsquery('simple', ?)`, [`e.${vector}`, tsquery]],
    runs: (column: string): [string, unknown[]] => [
      patterns.map((alts) => `(${alts.map(() => `strpos(??, ?) > 0`).join(' OR ')})`).join(' AND '),
      patterns.flatMap((alts) => alts.flatMap((p) => [`e.${column}`, p])),
    ],
    exactTokens: phrases.every((alts) => alts.every((p) => p.tokens.length === 1 && !p.prefix)),
  };
}

/**
 * PostgreSQL, in two tiers, each newest first: hits whose title or 文号 holds every term, then the others.
 * The planner's estimate of the candidates (GIN tokens) against the table's size chooses the plan: a
 * common word walks the (release_date, id) index, confirming phrases on the row's runs, and stops at the
 * page's end; a rarer one reads the rows the GIN index names and sorts them. A common single-token word
 * (several times the cap by the planner's statistics, no filter) is not counted.
 */
async function searchPostgres(trx: any, query: SearchQuery, limit: number): Promise<{ total: number; capped: boolean; rows: SearchRow[] }> {
  const match = postgresMatch(query.terms);
  const filtered = () => applyFilters(trx({ e: ENTRIES }), query.filters);
  const hits = () =>
    filtered()
      .whereRaw(...match.tokens('tsv'))
      .whereRaw(...match.runs('runs'));
  const titleHits = () =>
    filtered()
      .whereRaw(...match.tokens('tsv_title'))
      .whereRaw(...match.runs('title_runs'));
  const [titleRuns, titleRunsBindings] = match.runs('title_runs');
  const columns = Object.fromEntries(Object.entries(COLUMNS).map(([k, v]) => [k, `e.${v}`]));
  const newest = (q: any, n: number, offset: number) => q.orderByRaw('e.release_date DESC NULLS LAST, e.id DESC').limit(n).offset(offset);

  const estimate = await planRows(
    trx,
    filtered()
      .select(trx.raw('1'))
      .whereRaw(...match.tokens('tsv')),
  );
  const size = await tableRows(trx);
  const unfiltered = !Object.values(query.filters).some((v) => v !== undefined);
  const common = match.exactTokens && unfiltered && estimate >= 10 * SEARCH_COUNT_CAP;
  const total = common ? SEARCH_COUNT_CAP + 1 : await countCapped(trx, hits());
  const inTitle = await countCapped(trx, titleHits());
  const rows: SearchRow[] = limit && query.offset < inTitle ? await newest(titleHits().select(columns), limit, query.offset) : [];
  // none outside the title tier when it holds every hit
  if (rows.length < limit && inTitle <= SEARCH_COUNT_CAP && inTitle < total) {
    const n = limit - rows.length;
    const offset = Math.max(0, query.offset - inTitle);
    // walking reads about (offset + n) / density rows; the GIN way reads every candidate
    const walk = ((offset + n) * Math.max(size, 1)) / Math.max(estimate, 1) < estimate;
    const others = walk
      ? newest(
          filtered()
            .whereRaw(...match.runs('runs'))
            .whereRaw(`NOT (${titleRuns})`, titleRunsBindings)
            .select(columns),
          n,
          offset,
        )
      : newest(
          trx
            .withMaterialized(
              'c',
              hits()
                .whereRaw(`NOT (${titleRuns})`, titleRunsBindings)
                .select([...Object.values(COLUMNS), 'id'].map((c) => `e.${c}`)),
            )
            .from({ e: 'c' })
            .select(columns),
          n,
          offset,
        );
    rows.push(...(await others));
  }
  return { ...capped(total), rows };
}

/** The planner's estimate of a query's rows (EXPLAIN, nothing run). */
async function planRows(trx: any, q: any): Promise<number> {
  const { sql, bindings } = q.toSQL();
  const result = await trx.raw(`EXPLAIN (FORMAT JSON) ${sql}`, bindings);
  return Number(result.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']);
}

/** The entries table's size as the statistics have it (0 before the first ANALYZE). */
async function tableRows(trx: any): Promise<number> {
  const result = await trx.raw(`SELECT reltuples FROM pg_class WHERE oid = ?::regclass`, [ENTRIES]);
  return Math.max(0, Number(result.rows[0]?.reltuples ?? 0));
}
