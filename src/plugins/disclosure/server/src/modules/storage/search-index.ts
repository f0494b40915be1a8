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
  if (await knex.schema.hasTable(ENTRIES)) return false;
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
    // contentless: the text is in the entries table; rowid = entries.id
    await knex.raw(`CREATE VIRTUAL TABLE ?? USING fts5(title, number, body, content='', contentless_delete=1, tokenize='unicode61')`, [FTS]);
  }
  return true;
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

/** Adds entries of documents not yet in the index (one statement per table on PostgreSQL, per row on SQLite). */
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
    await trx(ENTRIES).insert(rows.map((row, i) => ({ ...row, tsv: tsv(entries[i]) })));
    return;
  }
  for (const [i, row] of rows.entries()) {
    const [inserted] = await trx(ENTRIES).insert(row, ['id']);
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    const { title, number, body } = entries[i].tokens;
    await trx.raw(`INSERT INTO ?? (rowid, title, number, body) VALUES (?, ?, ?, ?)`, [FTS, id, title, number, body]);
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

/** Hits ranked: terms found in title or number first, then relevance, then the newest. */
export async function searchEntries(strapi: Core.Strapi, trx: any, query: SearchQuery): Promise<{ total: number; rows: SearchRow[] }> {
  const pg = isPostgres(strapi);
  const hit = pg ? '(strpos(lower(e.title), ?) > 0 OR strpos(lower(e.number), ?) > 0)::int' : '(instr(lower(e.title), ?) > 0 OR instr(lower(e.number), ?) > 0)';
  const titleHits = query.rankTerms.length ? query.rankTerms.map(() => hit).join(' + ') : '0';
  const titleBindings = query.rankTerms.flatMap((t) => [t, t]);
  const base = () =>
    pg
      ? applyFilters(trx({ e: ENTRIES }).whereRaw(`e.tsv @@ to_tsquery('simple', ?)`, [query.match]), query.filters)
      : applyFilters(trx({ e: ENTRIES }).join({ f: FTS }, 'f.rowid', 'e.id').whereRaw(`?? MATCH ?`, [FTS, query.match]), query.filters);
  const [{ n }] = await base().count({ n: '*' });
  const rank = pg ? `ts_rank(e.tsv, to_tsquery('simple', ?)) DESC` : `bm25(??, 10.0, 10.0, 1.0)`;
  const rows = await base()
    .select({ kind: 'e.kind', documentId: 'e.document_id', title: 'e.title', number: 'e.number', body: 'e.body', releaseDate: 'e.release_date' })
    .orderByRaw(`${titleHits} DESC, ${rank}, e.release_date DESC NULLS LAST, e.id DESC`, [...titleBindings, pg ? query.match : FTS])
    .limit(query.limit)
    .offset(query.offset);
  return { total: Number(n), rows };
}
