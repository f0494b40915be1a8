/**
 * The three tables laid out as in the national format — merged header cells, merged group labels —
 * as a neutral grid that the HTML, Word and Excel renderers all draw, so the layout is decided once.
 *
 * Rows list only the cells that start in them (as in HTML); placeGrid() (grid-placement.ts) gives absolute positions.
 */
import { sectionHeading, type ApplicationsNode, type ColumnDef, type FormatDefinition } from './format';
import type { CellRef, ConvertLabel, FormatVersion, TableCode } from './types';

export type GridRole =
  | 'corner' // Table 3's top-left note
  | 'column-group' // a header over several columns (申请人情况, 法人或其他组织, 行政诉讼 …)
  | 'column-header'
  | 'block-heading' // Table 2's 第二十条第（X）项
  | 'row-group' // a merged label over several rows (三、本年度办理结果, （三）不予公开 …)
  | 'row-header'
  | 'data';

export interface GridCell {
  role: GridRole;
  /** The fixed label, converted; '' for data cells (the renderer reads the value through ref). */
  text: string;
  colSpan: number;
  rowSpan: number;
  ref?: CellRef;
  decimal?: boolean;
}

export interface TableGrid {
  table: TableCode;
  /** Section heading, e.g. 三、收到和处理政府信息公开申请情况. */
  heading: string;
  /** Table caption: the section label without its number. */
  caption: string;
  columnCount: number;
  /** Leading columns holding labels (0 for Table 4, whose only row is numbers). */
  labelColumns: number;
  head: GridCell[][];
  /** Row groups (Table 2: one per block). */
  bodies: GridCell[][][];
}

/** What the admin's layout route answers: the grids of a format and the cells an editor may override. */
export interface ReportLayout {
  formatVersion: FormatVersion;
  tables: TableGrid[];
  overridableCells: string[];
}

const identity: ConvertLabel = (s) => s;

function cell(role: GridRole, text: string, colSpan = 1, rowSpan = 1): GridCell {
  return { role, text, colSpan, rowSpan };
}

function dataCell(table: TableCode, row: string, col: ColumnDef, colSpan = 1): GridCell {
  return {
    role: 'data',
    text: '',
    colSpan,
    rowSpan: 1,
    ref: { table, row, col: col.code },
    ...(col.decimal ? { decimal: true } : {}),
  };
}

/** Spans for n columns in a block `width` wide: the last column takes the slack, as on the form. */
function spans(n: number, width: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? width - n + 1 : 1));
}

function proactiveGrid(format: FormatDefinition, t: ConvertLabel): Pick<TableGrid, 'columnCount' | 'labelColumns' | 'head' | 'bodies'> {
  const { blocks, rowHeader } = format.proactive;
  const width = Math.max(...blocks.map((b) => b.columns.length));
  const bodies = blocks.map((block) => {
    const s = spans(block.columns.length, width);
    return [
      [cell('block-heading', t(block.heading), width + 1)],
      [cell('column-header', t(rowHeader)), ...block.columns.map((c, i) => cell('column-header', t(c.label), s[i]))],
      ...block.rows.map((row) => [cell('row-header', t(row.label)), ...block.columns.map((c, i) => dataCell('proactive', row.code, c, s[i]))]),
    ];
  });
  return { columnCount: width + 1, labelColumns: 1, head: [], bodies };
}

function treeDepth(nodes: ApplicationsNode[]): number {
  return Math.max(0, ...nodes.map((n) => (n.kind === 'group' ? 1 + treeDepth(n.children) : 1)));
}

function applicationsGrid(format: FormatDefinition, t: ConvertLabel): Pick<TableGrid, 'columnCount' | 'labelColumns' | 'head' | 'bodies'> {
  const { columns, tree, cornerNote, columnGroupLabel } = format.applications;
  const labelColumns = treeDepth(tree);

  // Header: 申请人情况 over all columns; grouped columns under their group; the others span both rows.
  const second: GridCell[] = [];
  const third: GridCell[] = [];
  columns.forEach((c, i) => {
    if (!c.group) {
      second.push(cell('column-header', t(c.label), 1, 2));
      return;
    }
    if (columns[i - 1]?.group !== c.group) {
      second.push(cell('column-group', t(c.group), columns.filter((o) => o.group === c.group).length));
    }
    third.push(cell('column-header', t(c.label)));
  });
  const head = [[cell('corner', t(cornerNote), labelColumns, 3), cell('column-group', t(columnGroupLabel), columns.length)], second, third];

  // Body: a group's label is prepended to the first row under it and spans all its rows.
  const rows: GridCell[][] = [];
  const walk = (nodes: ApplicationsNode[], depth: number) => {
    for (const node of nodes) {
      if (node.kind === 'row') {
        rows.push([cell('row-header', t(node.row.label), labelColumns - depth), ...columns.map((c) => dataCell('applications', node.row.code, c))]);
        continue;
      }
      const first = rows.length;
      walk(node.children, depth + 1);
      if (rows.length > first) rows[first].unshift(cell('row-group', t(node.label), 1, rows.length - first));
    }
  };
  walk(tree, 0);
  return { columnCount: labelColumns + columns.length, labelColumns, head, bodies: [rows] };
}

function reviewsGrid(format: FormatDefinition, t: ConvertLabel): Pick<TableGrid, 'columnCount' | 'labelColumns' | 'head' | 'bodies'> {
  const { groups, columns } = format.reviewsAndLawsuits;
  const width = columns.length;
  const nested = groups.some((g) => g.parent);
  const top: GridCell[] = [];
  const middle: GridCell[] = [];
  groups.forEach((g, i) => {
    if (!g.parent) {
      top.push(cell('column-group', t(g.label), width, nested ? 2 : 1));
      return;
    }
    // Consecutive groups with one parent (行政诉讼) share one upper header.
    if (groups[i - 1]?.parent !== g.parent) {
      let n = 0;
      while (groups[i + n]?.parent === g.parent) n++;
      top.push(cell('column-group', t(g.parent), width * n));
    }
    middle.push(cell('column-group', t(g.label), width));
  });
  const labels = groups.flatMap(() => columns.map((c) => cell('column-header', t(c.label))));
  const head = nested ? [top, middle, labels] : [top, labels];
  const data = groups.flatMap((g) => columns.map((c) => dataCell('reviewsAndLawsuits', g.code, c)));
  return { columnCount: groups.length * width, labelColumns: 0, head, bodies: [[data]] };
}

/** One table's grid; labels pass through `convertLabel` (e.g. to zh-Hant). */
export function tableGrid(format: FormatDefinition, table: TableCode, convertLabel: ConvertLabel = identity): TableGrid {
  const section = format.sections.find((s) => s.table === table);
  if (!section) throw new Error(`format ${format.version} has no section for table ${table}`);
  const build = table === 'proactive' ? proactiveGrid : table === 'applications' ? applicationsGrid : reviewsGrid;
  return {
    table,
    heading: convertLabel(sectionHeading(section)),
    caption: convertLabel(section.label),
    ...build(format, convertLabel),
  };
}

/**
 * Relative column widths for the paged renderers (Word, Excel): numbers narrow, labels wide, and
 * Table 3's innermost label column widest since it holds the long reasons.
 */
export function columnWeights(grid: TableGrid): number[] {
  if (grid.table === 'applications') {
    const labels = [9, 12, 26].slice(-grid.labelColumns);
    while (labels.length < grid.labelColumns) labels.unshift(9);
    return [...labels, ...Array<number>(grid.columnCount - grid.labelColumns).fill(6)];
  }
  if (grid.table === 'proactive') return [3, ...Array<number>(grid.columnCount - 1).fill(2)];
  return Array<number>(grid.columnCount).fill(1);
}
