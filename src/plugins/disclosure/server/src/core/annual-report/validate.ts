/**
 * The one engine that checks report tables against the declarative rules of rules.ts.
 *
 * A cell that is missing or not a number is reported once, by the cell-value rules; the arithmetic
 * rules skip sums with such a term (their result would be noise). Cells of last year's report are
 * only read by the cross-year rules, which report unusable ones themselves.
 */
import { cellPlace, columnPlace, mismatchMessage, previousMissingMessage, rowPlace, valueMessage } from './failure-messages';
import { getFormat, type FormatDefinition, type TableModel } from './format';
import { RULES, type CellValueRule, type ContinuityRule, type CrossYearEqualRule, type Rule, type RowSet, type RowSumRule, type SumEqualsRule } from './rules';
import { rawCell } from './tables';
import type { Bilingual, CellRef, Failure, FormatVersionLike, LooseTables, ReportTables, TableCode } from './types';

export interface ValidateOptions {
  formatVersion: FormatVersionLike;
  /** Tables of the Y−1 report; enables the cross-year rules (severity 'warning'). */
  previous?: LooseTables | ReportTables | null;
  /** Format of the Y−1 report when it differs (a 2021 report follows a 2020 one in the trial format). */
  previousFormatVersion?: FormatVersionLike;
  /** Defaults to RULES; pass a subset to check only some. */
  rules?: readonly Rule[];
}

type Read = { ok: true; value: number } | { ok: false; reason: 'missing' } | { ok: false; reason: 'not-a-number'; value: unknown };

function read(tables: LooseTables | ReportTables, table: TableCode, row: string, col: string): Read {
  const value = rawCell(tables, { table, row, col });
  if (value === undefined || value === null) return { ok: false, reason: 'missing' };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, reason: 'not-a-number', value };
  return { ok: true, value };
}

interface Context {
  format: FormatDefinition;
  tables: LooseTables | ReportTables;
  previous?: { format: FormatDefinition; tables: LooseTables | ReportTables };
}

const EPSILON = 1e-9;
const differs = (a: number, b: number) => Math.abs(a - b) > EPSILON;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function model(format: FormatDefinition, table: TableCode): TableModel {
  return format.tables[table];
}

/** Resolves a row set; an unknown code is an error in rules.ts, so it throws rather than skip. */
function rowsOf(format: FormatDefinition, table: TableCode, set: RowSet, ruleId: string): string[] {
  const m = model(format, table);
  const codes = Array.isArray(set)
    ? (set as readonly string[])
    : table === 'applications'
      ? format.applications.rows.filter((r) => r.outcome).map((r) => r.code)
      : [];
  for (const code of codes) {
    if (!m.rows.some((r) => r.code === code)) throw new Error(`rule ${ruleId}: table ${table} of format ${format.version} has no row ${code}`);
  }
  if (!codes.length) throw new Error(`rule ${ruleId}: empty row set`);
  return [...codes];
}

/** Values of the given cells, or undefined when any is unusable. */
function values(tables: LooseTables | ReportTables, refs: CellRef[]): number[] | undefined {
  const out: number[] = [];
  for (const ref of refs) {
    const r = read(tables, ref.table, ref.row, ref.col);
    if (!r.ok) return undefined;
    out.push(r.value);
  }
  return out;
}

function mismatch(rule: Rule, cells: CellRef[], place: Bilingual, expectedLabel: Bilingual, expected: number, actualLabel: Bilingual, actual: number): Failure {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    reason: 'mismatch',
    cells,
    expected,
    actual,
    message: mismatchMessage(place, expectedLabel, expected, actualLabel, actual),
  };
}

function sumEquals(rule: SumEqualsRule, ctx: Context): Failure[] {
  const left = rowsOf(ctx.format, rule.table, rule.left, rule.id);
  const right = rowsOf(ctx.format, rule.table, rule.right, rule.id);
  const m = model(ctx.format, rule.table);
  const failures: Failure[] = [];
  for (const col of m.columns) {
    const leftRefs = left.map((row): CellRef => ({ table: rule.table, row, col: col.code }));
    const rightRefs = right.map((row): CellRef => ({ table: rule.table, row, col: col.code }));
    const l = values(ctx.tables, leftRefs);
    const r = values(ctx.tables, rightRefs);
    if (!l || !r) continue;
    const expected = sum(l);
    const actual = sum(r);
    if (differs(expected, actual)) {
      failures.push(mismatch(rule, [...rightRefs, ...leftRefs], columnPlace(m, col.code), rule.leftLabel, expected, rule.rightLabel, actual));
    }
  }
  return failures;
}

function rowSum(rule: RowSumRule, ctx: Context): Failure[] {
  const m = model(ctx.format, rule.table);
  const failures: Failure[] = [];
  for (const row of m.rows) {
    const cols = row.columns.map((c) => c.code);
    if (!cols.includes(rule.total) || !rule.parts.every((p) => cols.includes(p))) continue;
    const totalRef: CellRef = { table: rule.table, row: row.code, col: rule.total };
    const partRefs = rule.parts.map((col): CellRef => ({ table: rule.table, row: row.code, col }));
    const t = values(ctx.tables, [totalRef]);
    const p = values(ctx.tables, partRefs);
    if (!t || !p) continue;
    const expected = sum(p);
    if (differs(expected, t[0])) {
      failures.push(mismatch(rule, [totalRef, ...partRefs], rowPlace(m, row.code), rule.partsLabel, expected, rule.totalLabel, t[0]));
    }
  }
  return failures;
}

/** A failure for a cross-year rule whose previous-year cell holds no usable number. */
function previousUnusable(rule: Rule, cells: CellRef[], place: Bilingual, label: Bilingual, unusable: Read): Failure {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    reason: unusable.ok ? 'missing' : unusable.reason,
    cells,
    message: previousMissingMessage(place, label),
  };
}

function crossYearEqual(rule: CrossYearEqualRule, ctx: Context): Failure[] {
  const prev = ctx.previous;
  if (!prev) return [];
  const m = model(ctx.format, rule.table);
  rowsOf(ctx.format, rule.table, [rule.current], rule.id);
  rowsOf(prev.format, rule.table, [rule.previous], rule.id);
  const prevCols = new Set(model(prev.format, rule.table).columns.map((c) => c.code));
  const failures: Failure[] = [];
  for (const col of m.columns) {
    if (!prevCols.has(col.code)) continue;
    const curRef: CellRef = { table: rule.table, row: rule.current, col: col.code };
    const prevRef: CellRef = { table: rule.table, row: rule.previous, col: col.code, year: 'previous' };
    const cur = read(ctx.tables, rule.table, rule.current, col.code);
    if (!cur.ok) continue;
    const before = read(prev.tables, rule.table, rule.previous, col.code);
    const place = columnPlace(m, col.code);
    if (!before.ok) {
      failures.push(previousUnusable(rule, [curRef, prevRef], place, rule.previousLabel, before));
    } else if (differs(before.value, cur.value)) {
      failures.push(mismatch(rule, [curRef, prevRef], place, rule.previousLabel, before.value, rule.currentLabel, cur.value));
    }
  }
  return failures;
}

function continuity(rule: ContinuityRule, ctx: Context): Failure[] {
  const prev = ctx.previous;
  if (!prev) return [];
  const m = model(ctx.format, rule.table);
  const prevModel = model(prev.format, rule.table);
  const failures: Failure[] = [];
  for (const row of m.rows) {
    const cols = row.columns.map((c) => c.code);
    if (![rule.column, ...rule.plus, ...rule.minus].every((c) => cols.includes(c))) continue;
    const prevRow = prevModel.rows.find((r) => r.code === row.code);
    if (!prevRow?.columns.some((c) => c.code === rule.column)) continue;
    const ref = (col: string): CellRef => ({ table: rule.table, row: row.code, col });
    const targetRef = ref(rule.column);
    const plusRefs = rule.plus.map(ref);
    const minusRefs = rule.minus.map(ref);
    const prevRef: CellRef = { ...targetRef, year: 'previous' };
    const cells = [targetRef, prevRef, ...plusRefs, ...minusRefs];
    const target = values(ctx.tables, [targetRef]);
    const plus = values(ctx.tables, plusRefs);
    const minus = values(ctx.tables, minusRefs);
    if (!target || !plus || !minus) continue;
    const before = read(prev.tables, rule.table, row.code, rule.column);
    const place = rowPlace(m, row.code);
    if (!before.ok) {
      failures.push(previousUnusable(rule, cells, place, rule.actualLabel, before));
      continue;
    }
    const expected = before.value + sum(plus) - sum(minus);
    if (differs(expected, target[0])) failures.push(mismatch(rule, cells, place, rule.expectedLabel, expected, rule.actualLabel, target[0]));
  }
  return failures;
}

function cellValues(rule: CellValueRule, ctx: Context): Failure[] {
  const failures: Failure[] = [];
  for (const m of Object.values(ctx.format.tables)) {
    for (const row of m.rows) {
      for (const col of row.columns) {
        if (col.decimal !== rule.columns.decimal || col.signed !== rule.columns.signed) continue;
        const cell: CellRef = { table: m.code, row: row.code, col: col.code };
        const place = cellPlace(m, row.code, col.code);
        const r = read(ctx.tables, m.code, row.code, col.code);
        const base = { ruleId: rule.id, severity: rule.severity, cells: [cell] };
        if (!r.ok) {
          failures.push({ ...base, reason: r.reason, message: valueMessage(place, r) });
          continue;
        }
        const reason =
          rule.kind !== 'integer' && r.value < 0 ? 'negative' : rule.kind !== 'non-negative-decimal' && !Number.isInteger(r.value) ? 'not-integer' : undefined;
        if (reason) {
          failures.push({
            ...base,
            reason,
            actual: r.value,
            message: valueMessage(place, { reason, value: r.value, wanted: rule.kind }),
          });
        }
      }
    }
  }
  return failures;
}

function evaluate(rule: Rule, ctx: Context): Failure[] {
  switch (rule.kind) {
    case 'sum-equals':
      return sumEquals(rule, ctx);
    case 'row-sum':
    case 'group-sum':
      return rowSum(rule, ctx);
    case 'cross-year-equal':
      return crossYearEqual(rule, ctx);
    case 'continuity':
      return continuity(rule, ctx);
    case 'non-negative-integer':
    case 'integer':
    case 'non-negative-decimal':
      return cellValues(rule, ctx);
  }
}

/**
 * Checks report tables against the rules; returns every failure (empty = valid). Errors should
 * block publishing; warnings (cross-year rules) need an editor's acknowledgement.
 */
export function validate(tables: LooseTables | ReportTables, options: ValidateOptions): Failure[] {
  const format = getFormat(options.formatVersion);
  const previousFormat = options.previous ? getFormat(options.previousFormatVersion ?? options.formatVersion) : undefined;
  const ctx: Context = {
    format,
    tables: tables ?? {},
    ...(options.previous && previousFormat ? { previous: { format: previousFormat, tables: options.previous } } : {}),
  };
  const applies = (rule: Rule) =>
    (!rule.formats || rule.formats.includes(format.version)) &&
    (!previousFormat || !isCrossYear(rule) || !rule.formats || rule.formats.includes(previousFormat.version));
  return (options.rules ?? RULES).filter(applies).flatMap((rule) => evaluate(rule, ctx));
}

function isCrossYear(rule: Rule): boolean {
  return rule.kind === 'cross-year-equal' || rule.kind === 'continuity';
}

/** True when some failure is an error; warnings alone do not block publishing. */
export function hasErrors(failures: readonly Failure[]): boolean {
  return failures.some((f) => f.severity === 'error');
}
