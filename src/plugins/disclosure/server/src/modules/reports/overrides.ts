/**
 * Editor overrides: Table 2 figures kept in other systems (行政许可 / 处罚 / 强制 decisions, fees) and
 * the 信息处理费. Stored on the report as
 *   overrides = { cells: { "proactive.licensing.decisions": 12, … }, processingFeeYuan?: 300,
 *                 updatedAt?: ISO, updatedBy?: string }
 * and applied over the counted tables at every generation.
 */
import { toFormatVersion, type FormatVersionLike, type LooseTables } from '../../core/annual-report';

export interface Overrides {
  cells: Record<string, number>;
  processingFeeYuan?: number;
  updatedAt?: string;
  updatedBy?: string;
}

const ITEM_COLS_2019 = ['previousYearItems', 'change', 'decisions'];

/** Cells of Table 2 an editor may override, as "proactive.<row>.<col>". */
export function overridableCells(version: FormatVersionLike): string[] {
  if (toFormatVersion(version) === '2021') {
    return ['proactive.licensing.decisions', 'proactive.punishment.decisions', 'proactive.enforcement.decisions', 'proactive.fees.amountTenThousandYuan'];
  }
  return [
    ...['licensing', 'otherServices', 'punishment', 'enforcement'].flatMap((row) => ITEM_COLS_2019.map((c) => `proactive.${row}.${c}`)),
    'proactive.fees.previousYearItems',
    'proactive.fees.change',
    'proactive.procurement.projects',
    'proactive.procurement.totalAmount',
  ];
}

/** Reads whatever is stored (null, garbage, older shapes) as Overrides. */
export function readOverrides(value: unknown): Overrides {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, any>;
  const cells: Record<string, number> = {};
  for (const [k, n] of Object.entries(v.cells && typeof v.cells === 'object' ? v.cells : {})) {
    if (typeof n === 'number' && Number.isFinite(n)) cells[k] = n;
  }
  const out: Overrides = { cells };
  if (typeof v.processingFeeYuan === 'number' && Number.isFinite(v.processingFeeYuan)) out.processingFeeYuan = v.processingFeeYuan;
  if (typeof v.updatedAt === 'string') out.updatedAt = v.updatedAt;
  if (typeof v.updatedBy === 'string') out.updatedBy = v.updatedBy;
  return out;
}

function cellAt(tables: LooseTables, key: string): unknown {
  const [table, row, col] = key.split('.');
  return (tables as any)?.[table]?.[row]?.[col];
}

/** The tables with the override cells written over them (only cells of the format). */
export function applyOverrides<T>(tables: T, overrides: Overrides, version: FormatVersionLike): T {
  const out = structuredClone(tables) as any;
  const allowed = new Set(overridableCells(version));
  for (const [key, value] of Object.entries(overrides.cells)) {
    if (!allowed.has(key)) continue;
    const [table, row, col] = key.split('.');
    out[table] ??= {};
    out[table][row] ??= {};
    out[table][row][col] = value;
  }
  return out;
}

/**
 * Overridable cells an editor changed by hand in the tables (content manager): each becomes an override.
 * A cell set back to a non-number is dropped from the overrides.
 */
export function detectOverrides(before: LooseTables | null | undefined, after: LooseTables, current: Overrides, version: FormatVersionLike): Overrides {
  const cells = { ...current.cells };
  let changed = false;
  for (const key of overridableCells(version)) {
    const a = cellAt(after, key);
    const b = before ? cellAt(before, key) : undefined;
    if (a === b) continue;
    if (typeof a === 'number' && Number.isFinite(a)) cells[key] = a;
    else delete cells[key];
    changed = true;
  }
  return changed ? { ...current, cells } : current;
}
