import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { tableOf } from './schema-names';

/**
 * Columns that hold the documentId of a to-one relation's target on the row itself, so that the
 * counts can read an organization-year from one index range instead of probing Strapi's link table
 * once per row (that probe was four fifths of the counting time). The link table stays the truth:
 * database triggers on it rewrite the column on every insert, update and delete, whatever writes the
 * links (Document Service, publish, bulk import, a cascade), and a repair at start-up recomputes every
 * row whenever a trigger had to be (re)created. The attributes are private and hidden from editors.
 */
export interface LinkColumn {
  uid: string;
  relation: string;
  attribute: string;
}

export const LINK_COLUMNS: readonly LinkColumn[] = [
  { uid: 'api::notice.notice', relation: 'organization', attribute: 'organizationDocumentId' },
  { uid: 'api::notice.notice', relation: 'category', attribute: 'categoryDocumentId' },
  { uid: 'api::disclosure-application.disclosure-application', relation: 'organization', attribute: 'organizationDocumentId' },
];

type Dialect = 'sqlite' | 'postgres';

/** Names resolved from Strapi's metadata; identifiers are checked before they are put into DDL. */
export interface LinkColumnNames {
  table: string;
  column: string;
  link: string;
  own: string;
  target: string;
  targetTable: string;
  targetDocumentId: string;
  /** The triggers' name without its version: every trigger of this column starts with it. */
  triggerBase: string;
  /** The base and a hash of the DDL: a change of the SQL (or of Strapi's table names) is a new name. */
  trigger: string;
}

const quote = (identifier: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier)) throw new Error(`Unexpected identifier in a link column: ${identifier}`);
  return `"${identifier}"`;
};

export function linkColumnNames(strapi: Core.Strapi, spec: LinkColumn): LinkColumnNames {
  const owner = tableOf(strapi, spec.uid);
  const link = owner.link(spec.relation);
  const target = tableOf(strapi, link.targetUid);
  const column = owner.column(spec.attribute);
  // PostgreSQL cuts identifiers at 63 bytes: base ≤ 49, version 9, the SQLite suffixes 4
  const triggerBase = `${owner.name}_${column}`.slice(0, 44) + '_sync';
  const names = {
    table: owner.name,
    column,
    link: link.table,
    own: link.own,
    target: link.target,
    targetTable: target.name,
    targetDocumentId: target.column('documentId'),
    triggerBase,
    trigger: triggerBase,
  };
  return { ...names, trigger: versionedTrigger(names) };
}

/** `<base>_<8 hex digits of the DDL's hash>`, the DDL written with the base as the name (both dialects). */
export function versionedTrigger(n: LinkColumnNames): string {
  const ddl = (['sqlite', 'postgres'] as const).map((d) => triggerStatements({ ...n, trigger: n.triggerBase }, d).join(';\n')).join('\n--\n');
  return `${n.triggerBase}_${crypto.createHash('sha256').update(ddl).digest('hex').slice(0, 8)}`;
}

/**
 * The target's documentId for the owner row `rowId` (an SQL expression), read from the link table. A
 * to-one relation has one link row; MIN keeps the result defined should there be more, without an
 * ORDER BY … LIMIT that PostgreSQL may plan as a walk of the link table's primary key.
 */
function linkedDocumentId(n: LinkColumnNames, rowId: string) {
  return (
    `(SELECT MIN(t.${quote(n.targetDocumentId)}) FROM ${quote(n.link)} l JOIN ${quote(n.targetTable)} t ON t.id = l.${quote(n.target)} ` +
    `WHERE l.${quote(n.own)} = ${rowId})`
  );
}

function recompute(n: LinkColumnNames, rowId: string) {
  return `UPDATE ${quote(n.table)} SET ${quote(n.column)} = ${linkedDocumentId(n, rowId)} WHERE id = ${rowId}`;
}

/** Rows of the owner table whose column disagrees with their link table (NULL-safe). */
function outOfLine(n: LinkColumnNames, dialect: Dialect) {
  const table = quote(n.table);
  return `${quote(n.column)} ${dialect === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT'} ${linkedDocumentId(n, `${table}.id`)}`;
}

/** The trigger names one link column uses (for the existence check). */
export function triggerNames(n: LinkColumnNames, dialect: Dialect): string[] {
  return dialect === 'postgres' ? [n.trigger] : ['ins', 'upd', 'del'].map((s) => `${n.trigger}_${s}`);
}

/** DDL that creates (or replaces) the triggers keeping one link column. */
export function triggerStatements(n: LinkColumnNames, dialect: Dialect): string[] {
  const own = quote(n.own);
  if (dialect === 'postgres') {
    const fn = quote(`${n.trigger}_fn`);
    return [
      `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF TG_OP <> 'INSERT' THEN ${recompute(n, `OLD.${own}`)}; END IF;
  IF TG_OP <> 'DELETE' THEN ${recompute(n, `NEW.${own}`)}; END IF;
  RETURN NULL;
END $body$`,
      `DROP TRIGGER IF EXISTS ${quote(n.trigger)} ON ${quote(n.link)}`,
      `CREATE TRIGGER ${quote(n.trigger)} AFTER INSERT OR UPDATE OR DELETE ON ${quote(n.link)} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    ];
  }
  const [ins, upd, del] = triggerNames(n, dialect).map(quote);
  return [
    `DROP TRIGGER IF EXISTS ${ins}`,
    `DROP TRIGGER IF EXISTS ${upd}`,
    `DROP TRIGGER IF EXISTS ${del}`,
    `CREATE TRIGGER ${ins} AFTER INSERT ON ${quote(n.link)} BEGIN ${recompute(n, `NEW.${own}`)}; END`,
    `CREATE TRIGGER ${upd} AFTER UPDATE ON ${quote(n.link)} BEGIN ${recompute(n, `OLD.${own}`)}; ${recompute(n, `NEW.${own}`)}; END`,
    `CREATE TRIGGER ${del} AFTER DELETE ON ${quote(n.link)} BEGIN ${recompute(n, `OLD.${own}`)}; END`,
  ];
}

/** Rewrites every row whose column disagrees with its link table. */
export function repairStatement(n: LinkColumnNames, dialect: Dialect): string {
  const table = quote(n.table);
  return `UPDATE ${table} SET ${quote(n.column)} = ${linkedDocumentId(n, `${table}.id`)} WHERE ${outOfLine(n, dialect)}`;
}

/** Counts the rows whose column disagrees with its link table (0 when the triggers did their job). */
export function driftStatement(n: LinkColumnNames, dialect: Dialect): string {
  return `SELECT COUNT(*) AS drift FROM ${quote(n.table)} WHERE ${outOfLine(n, dialect)}`;
}

function dialectOf(strapi: Core.Strapi): Dialect {
  const client = strapi.db.dialect.client;
  if (client === 'postgres' || client === 'sqlite') return client;
  throw new Error(`Gongkai supports SQLite and PostgreSQL, not ${client}`);
}

/** The database's triggers: name → the table it is on. */
async function existingTriggers(trx: any, dialect: Dialect): Promise<Map<string, string>> {
  const rows =
    dialect === 'postgres'
      ? (await trx.raw('SELECT tgname AS name, tgrelid::regclass::text AS "table" FROM pg_trigger WHERE NOT tgisinternal')).rows
      : await trx.raw(`SELECT name, tbl_name AS "table" FROM sqlite_master WHERE type = 'trigger'`);
  return new Map(rows.map((r: any) => [String(r.name), String(r.table).replace(/^"|"$/g, '')]));
}

/** Drops the triggers (and PostgreSQL functions) of earlier versions of a column's triggers, on whatever table they are. */
async function dropOutdated(trx: any, dialect: Dialect, n: LinkColumnNames, existing: Map<string, string>, current: string[]) {
  // Releases before versioned names cut the base at 50 characters: those triggers are ours too.
  const legacyBase = `${n.table}_${n.column}`.slice(0, 50) + '_sync';
  for (const [name, table] of existing) {
    if (!(name.startsWith(n.triggerBase) || name.startsWith(legacyBase)) || current.includes(name)) continue;
    if (dialect === 'postgres') {
      await trx.raw(`DROP TRIGGER IF EXISTS ${quote(name)} ON ${quote(table)}`);
      await trx.raw(`DROP FUNCTION IF EXISTS ${quote(`${name}_fn`)}()`);
    } else await trx.raw(`DROP TRIGGER IF EXISTS ${quote(name)}`);
  }
}

/**
 * At start-up (after Strapi's schema sync): creates the triggers that are missing, replaces those whose
 * SQL is outdated (their name carries the hash of the DDL they were made from: see versionedTrigger), and
 * then brings the columns of those link columns in line with their link tables. When all triggers are
 * current this reads one catalogue table and writes nothing.
 */
export async function ensureLinkColumns(strapi: Core.Strapi): Promise<{ created: string[]; repaired: number }> {
  const dialect = dialectOf(strapi);
  return strapi.db.transaction(async ({ trx }) => {
    // instances starting together on one PostgreSQL database take turns (SQLite has one writer anyway)
    if (dialect === 'postgres') await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('gongkai.link-columns'))`);
    const existing = await existingTriggers(trx, dialect);
    const created: string[] = [];
    let repaired = 0;
    for (const spec of LINK_COLUMNS) {
      const n = linkColumnNames(strapi, spec);
      const current = triggerNames(n, dialect);
      if (current.every((name) => existing.has(name))) continue;
      await dropOutdated(trx, dialect, n, existing, current);
      for (const statement of triggerStatements(n, dialect)) await trx.raw(statement);
      const result = await trx.raw(repairStatement(n, dialect));
      repaired += Number(dialect === 'postgres' ? result.rowCount : (result.changes ?? 0));
      created.push(`${n.table}.${n.column}`);
    }
    return { created, repaired };
  });
}

/** Rows out of line with their link tables, per column: a full scan, for tests and the admin-only storage health route. */
export async function linkColumnDrift(strapi: Core.Strapi): Promise<Record<string, number>> {
  const dialect = dialectOf(strapi);
  return strapi.db.transaction(async ({ trx }) => {
    const out: Record<string, number> = {};
    for (const spec of LINK_COLUMNS) {
      const n = linkColumnNames(strapi, spec);
      const result = await trx.raw(driftStatement(n, dialect));
      const rows = dialect === 'postgres' ? result.rows : result;
      out[`${n.table}.${n.column}`] = Number(rows[0].drift);
    }
    return out;
  });
}

/** Which of the expected (current) triggers exist, per column. */
export async function linkColumnTriggers(strapi: Core.Strapi): Promise<Record<string, { expected: string[]; present: boolean }>> {
  const dialect = dialectOf(strapi);
  const existing = await strapi.db.transaction(({ trx }) => existingTriggers(trx, dialect));
  const out: Record<string, { expected: string[]; present: boolean }> = {};
  for (const spec of LINK_COLUMNS) {
    const n = linkColumnNames(strapi, spec);
    const expected = triggerNames(n, dialect);
    out[`${n.table}.${n.column}`] = { expected, present: expected.every((name) => existing.has(name)) };
  }
  return out;
}

/** The columns are the database's to write: values sent through the Document Service are dropped. */
export function registerLinkColumnGuard(strapi: Core.Strapi) {
  const byUid = new Map<string, string[]>();
  for (const spec of LINK_COLUMNS) byUid.set(spec.uid, [...(byUid.get(spec.uid) ?? []), spec.attribute]);
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const attributes = byUid.get(ctx.uid);
    const data = ctx.params?.data;
    if (attributes && data && typeof data === 'object') for (const a of attributes) delete data[a];
    return next();
  });
}
