import type { Core } from '@strapi/strapi';

/**
 * The full-text index's tables, per dialect: one row per published document (`disclosure_search_entries`)
 * and its tokens (core/search/tokens.ts), in an FTS5 table on SQLite and a weighted `tsvector` with a GIN
 * index on PostgreSQL (chosen by measurement: npm run bench:search).
 */
export const ENTRIES = 'disclosure_search_entries';
const FTS = 'disclosure_search_fts';
/** attachments' extracted text, by file id and hash (a replaced file has a new hash) */
const FILES = 'disclosure_search_files';
const VERSION_TABLE = 'disclosure_search_version';
/** Raised when the tables' layout changes: start-up then rebuilds them (the attachment texts are kept). */
const INDEX_VERSION = 2;

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
  /** the match expression in the dialect's syntax (fts5Phrase / tsqueryPhrase, joined) */
  match: string;
  /** lower-case terms whose presence in title or number ranks a hit first */
  rankTerms: string[];
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
    await knex.raw(`ALTER TABLE ?? ADD COLUMN tsv tsvector NOT NULL`, [ENTRIES]);
    await knex.raw(`CREATE INDEX ?? ON ?? USING gin (tsv)`, [`${ENTRIES}_tsv`, ENTRIES]);
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
    const tsv = (e: SearchEntry) =>
      trx.raw(`setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'D')`, [
        e.tokens.title,
        e.tokens.number,
        e.tokens.body,
      ]);
    for (let at = 0; at < rows.length; at += 500) await trx(ENTRIES).insert(rows.slice(at, at + 500).map((row, i) => ({ ...row, tsv: tsv(entries[at + i]) })));
    return;
  }
  // one statement per table and chunk; ids matched back by document (RETURNING's order is not promised)
  for (let at = 0; at < rows.length; at += 500) {
    const chunk = rows.slice(at, at + 500);
    const inserted: Array<{ id: number; kind: string; document_id: string }> = await trx(ENTRIES).insert(chunk, ['id', 'kind', 'document_id']);
    const idOf = new Map(inserted.map((r) => [`${r.kind}|${r.document_id}`, r.id]));
    const values = entries
      .slice(at, at + 500)
      .flatMap((e) => [idOf.get(`${e.kind}|${e.documentId}`), e.tokens.title, e.tokens.number, e.tokens.body, metaTokens(e)]);
    await trx.raw(`INSERT INTO ?? (rowid, title, number, body, meta) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, [FTS, ...values]);
  }
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
 * Hits ranked: terms found in title or 文号 first, then relevance, then the newest. SQLite answers from
 * the FTS5 index alone (bm25 with title and 文号 weighted 1,000 to 1 against the body, which puts every
 * title or 文号 hit first; equal scores: the most recently indexed first), then reads the page's rows.
 */
export async function searchEntries(strapi: Core.Strapi, trx: any, query: SearchQuery): Promise<{ total: number; rows: SearchRow[] }> {
  if (isPostgres(strapi)) return searchPostgres(trx, query);
  const filters = metaMatch(query.filters);
  const match = `{title number body} : (${query.match})${filters ? ` AND ${filters}` : ''}`;
  const [{ n }] = await trx(FTS).whereRaw(`?? MATCH ?`, [FTS, match]).count({ n: '*' });
  const ids: number[] = (
    await trx(FTS)
      .select({ id: 'rowid' })
      .whereRaw(`?? MATCH ?`, [FTS, match])
      .orderByRaw(`bm25(??, 1000.0, 1000.0, 1.0, 0.0), rowid DESC`, [FTS])
      .limit(query.limit)
      .offset(query.offset)
  ).map((r: any) => Number(r.id));
  const rows: Array<SearchRow & { id: number }> = ids.length
    ? await trx(ENTRIES)
        .select({ id: 'id', ...COLUMNS })
        .whereIn('id', ids)
    : [];
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return {
    total: Number(n),
    rows: ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const { id: _id, ...rest } = row;
      return [rest];
    }),
  };
}

/** PostgreSQL: the GIN index finds the rows, the filters are columns; ranked as the SQLite search. */
async function searchPostgres(trx: any, query: SearchQuery): Promise<{ total: number; rows: SearchRow[] }> {
  const hit = '(strpos(lower(e.title), ?) > 0 OR strpos(lower(e.number), ?) > 0)::int';
  const titleHits = query.rankTerms.length ? query.rankTerms.map(() => hit).join(' + ') : '0';
  const titleBindings = query.rankTerms.flatMap((t) => [t, t]);
  const base = () => applyFilters(trx({ e: ENTRIES }).whereRaw(`e.tsv @@ to_tsquery('simple', ?)`, [query.match]), query.filters);
  const [{ n }] = await base().count({ n: '*' });
  const rows = await base()
    .select(Object.fromEntries(Object.entries(COLUMNS).map(([k, v]) => [k, `e.${v}`])))
    .orderByRaw(`${titleHits} DESC, ts_rank(e.tsv, to_tsquery('simple', ?)) DESC, e.release_date DESC NULLS LAST, e.id DESC`, [...titleBindings, query.match])
    .limit(query.limit)
    .offset(query.offset);
  return { total: Number(n), rows };
}
