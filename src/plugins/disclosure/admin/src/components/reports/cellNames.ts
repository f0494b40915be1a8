import { placeGrid, type Placed as PlacedIn } from '../../../../server/src/core/annual-report/grid-placement';
import { cellKey, type GridCell, type TableGrid } from './types';

// The server's own placement of spanning cells (dependency-free), so both sides agree on positions.
type Placed = PlacedIn<GridCell>;

const coversColumn = (p: Placed, col: number) => p.col <= col && col < p.col + p.cell.colSpan;
const coversRow = (p: Placed, row: number) => p.row <= row && row < p.row + p.cell.rowSpan;

/** 表三 from the heading 三、收到和处理政府信息公开申请情况 (tables are numbered like their sections). */
export function tableName(grid: TableGrid): string {
  const suffix = `、${grid.caption}`;
  return `表${grid.heading.endsWith(suffix) ? grid.heading.slice(0, -suffix.length) : grid.heading}`;
}

/**
 * The accessible name of every data cell of a table, keyed by "table.row.col", read off the grid's own
 * labels: the table, the row labels left of the cell (with its block's heading), then the column labels
 * above it — e.g. "表三 四、结转下年度继续办理 · 自然人". A column group over every data column
 * (申请人情况) is left out since it tells the cells apart from nothing. Table 4 has no row labels, so
 * its column groups take their place: "表四 行政诉讼 未经复议直接起诉 · 结果维持".
 */
export function cellNames(grid: TableGrid): Map<string, string> {
  const names = new Map<string, string>();
  const dataColumns = grid.columnCount - grid.labelColumns;
  const head = placeGrid(grid.head);
  const label = (p: Placed) => p.cell.text.trim();

  for (const body of grid.bodies) {
    const cells = placeGrid(body);
    for (const p of cells) {
      if (p.cell.role !== 'data' || !p.cell.ref) continue;
      const above = (q: Placed) => coversColumn(q, p.col) && q.row < p.row;
      const columnLabels = [
        ...head.filter((q) => coversColumn(q, p.col) && !(q.cell.role === 'column-group' && q.cell.colSpan >= dataColumns)),
        ...cells.filter((q) => q.cell.role === 'column-header' && above(q)),
      ].filter((q) => q.cell.role === 'column-group' || q.cell.role === 'column-header');
      const rowLabels = [
        ...cells.filter((q) => q.cell.role === 'block-heading' && q.row < p.row),
        ...cells.filter((q) => (q.cell.role === 'row-group' || q.cell.role === 'row-header') && coversRow(q, p.row) && q.col < p.col),
      ];
      let before = rowLabels.map(label);
      let after = columnLabels.map(label);
      if (!before.length) {
        before = columnLabels.filter((q) => q.cell.role === 'column-group').map(label);
        after = columnLabels.filter((q) => q.cell.role === 'column-header').map(label);
      }
      const parts = [before.join(' '), after.join(' ')].filter(Boolean);
      names.set(cellKey(p.cell.ref), `${tableName(grid)} ${parts.join(' · ')}`);
    }
  }
  return names;
}
