/**
 * Building and reading the report tables: empty tables, derived totals, safe cell access.
 */
import { getFormat, type FormatDefinition } from './format';
import { formatNumber } from './numbers';
import type { CellRef, FormatVersion, FormatVersionLike, LooseTables, ReportTables, TableCode, TablesFor } from './types';

/** All-zero tables of a format: the starting point for counting or for a form. */
export function emptyTables<V extends FormatVersionLike>(version: V): TablesFor<V> {
  const format = getFormat(version);
  const tables: Record<string, Record<string, Record<string, number>>> = {};
  for (const model of Object.values(format.tables)) {
    const table: Record<string, Record<string, number>> = {};
    for (const row of model.rows) table[row.code] = Object.fromEntries(row.columns.map((c) => [c.code, 0]));
    tables[model.code] = table;
  }
  // The shape is generated from the same data the TablesFor types mirror (a unit test keeps them equal).
  return tables as unknown as TablesFor<V>;
}

/** A cell's value as stored, or undefined when the table or row is absent. */
export function rawCell(tables: LooseTables | ReportTables, ref: Omit<CellRef, 'year'>): unknown {
  const loose = tables as LooseTables;
  return loose?.[ref.table]?.[ref.row]?.[ref.col];
}

/** The cell's number, or undefined when it is missing or not a finite number. */
export function numericCell(tables: LooseTables | ReportTables, ref: Omit<CellRef, 'year'>): number | undefined {
  const value = rawCell(tables, ref);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A cell as printed: its number, or '' when it has none (validation reports why). */
export function cellText(tables: LooseTables | ReportTables, ref: Omit<CellRef, 'year'>): string {
  const n = numericCell(tables, ref);
  return n === undefined ? '' : formatNumber(n);
}

/**
 * Which format a set of tables is shaped for, read from Table 2 (the only table that differs
 * enough): the trial format has 政府集中采购, the 2021 format has 现行有效件数.
 */
export function detectFormatVersion(tables: LooseTables | ReportTables): FormatVersion | undefined {
  const proactive = (tables as LooseTables)?.proactive;
  if (proactive?.procurement !== undefined || proactive?.otherServices !== undefined) return '2019';
  if (proactive?.regulations && 'inForce' in proactive.regulations) return '2021';
  return undefined;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Fills the derived cells of tables counted from records: （七）总计 per column, then every Table 3
 * row's 总计, and every Table 4 group's 总计. Everything else is copied unchanged. Missing operands
 * count as 0, since counted tables have none; for typed-in tables use validate() instead.
 */
export function withTotals<T extends ReportTables>(tables: T, version?: FormatVersionLike): T {
  const v = version ?? detectFormatVersion(tables);
  if (!v) throw new Error('withTotals: cannot tell the format version from the tables; pass it');
  const format: FormatDefinition = getFormat(v);
  const out = structuredClone(tables) as unknown as Record<TableCode, Record<string, Record<string, number>>>;
  const num = (table: TableCode, row: string, col: string) => numericCell(out, { table, row, col }) ?? 0;

  const app = format.applications;
  const appTotal = app.columns.find((c) => c.sumOfOthers);
  const appParts = app.columns.filter((c) => !c.sumOfOthers);
  const outcomes = app.rows.filter((r) => r.outcome);
  const closed = app.rows.find((r) => r.sumOfOutcomes);
  if (closed) {
    out.applications[closed.code] ??= {};
    for (const c of appParts) out.applications[closed.code][c.code] = sum(outcomes.map((r) => num('applications', r.code, c.code)));
  }
  if (appTotal) {
    for (const r of app.rows) {
      out.applications[r.code] ??= {};
      out.applications[r.code][appTotal.code] = sum(appParts.map((c) => num('applications', r.code, c.code)));
    }
  }

  const reviews = format.reviewsAndLawsuits;
  const reviewTotal = reviews.columns.find((c) => c.sumOfOthers);
  if (reviewTotal) {
    const parts = reviews.columns.filter((c) => !c.sumOfOthers);
    for (const g of reviews.groups) {
      out.reviewsAndLawsuits[g.code] ??= {};
      out.reviewsAndLawsuits[g.code][reviewTotal.code] = sum(parts.map((c) => num('reviewsAndLawsuits', g.code, c.code)));
    }
  }
  return out as unknown as T;
}

/**
 * The Table 3 row an outcome counts in, given its 2021 code (the codes applications are recorded
 * with): the same code in the 2021 format; in the 2019 format the three （六） rows fold into 'other'.
 * Returns undefined for a code that is not an outcome of the format.
 */
export function outcomeRowFor(version: FormatVersionLike, outcome2021: string): string | undefined {
  const rows = getFormat(version).applications.rows.filter((r) => r.outcome);
  return rows.find((r) => r.code === outcome2021 || r.from2021?.includes(outcome2021))?.code;
}
