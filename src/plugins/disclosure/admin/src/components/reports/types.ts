/** Shapes returned by the disclosure plugin's annual-report admin routes. */
export type TableCode = 'proactive' | 'applications' | 'reviewsAndLawsuits';

export interface CellRef {
  table: TableCode;
  row: string;
  col: string;
  year?: 'previous';
}

export interface GridCell {
  role: 'corner' | 'column-group' | 'column-header' | 'block-heading' | 'row-group' | 'row-header' | 'data';
  text: string;
  colSpan: number;
  rowSpan: number;
  ref?: CellRef;
  decimal?: boolean;
}

export interface TableGrid {
  table: TableCode;
  heading: string;
  caption: string;
  columnCount: number;
  labelColumns: number;
  head: GridCell[][];
  bodies: GridCell[][][];
}

export interface Layout {
  formatVersion: '2019' | '2021';
  tables: TableGrid[];
  overridableCells: string[];
}

export interface Failure {
  ruleId: string;
  severity: 'error' | 'warning';
  reason: string;
  cells: CellRef[];
  expected?: number;
  actual?: number;
  message: { zh: string; en: string };
}

export type Tables = Record<string, Record<string, Record<string, unknown>>>;

export const cellKey = (ref: Pick<CellRef, 'table' | 'row' | 'col'>) => `${ref.table}.${ref.row}.${ref.col}`;

/** The format a set of tables is shaped for (the trial format has 政府集中采购). */
export function detectFormatVersion(tables: unknown): '2019' | '2021' | undefined {
  const proactive = (tables as Tables | null)?.proactive;
  if (!proactive) return undefined;
  if (proactive.procurement !== undefined || proactive.otherServices !== undefined) return '2019';
  return '2021';
}
