/**
 * Where the cells of HTML-like grid rows sit: rows list only the cells that start in them, and a cell
 * spanning several rows or columns covers slots of later rows. Dependency-free, so the admin's table
 * editor (which names each input by the labels above and left of it) uses it too.
 */
export interface Spanning {
  rowSpan: number;
  colSpan: number;
}

export interface Placed<C extends Spanning> {
  cell: C;
  /** Zero-based row within the rows given, and column. */
  row: number;
  col: number;
}

/** Absolute positions of the cells of consecutive grid rows, skipping slots covered by earlier spans. */
export function placeGrid<C extends Spanning>(rows: C[][]): Placed<C>[] {
  const taken = new Set<string>();
  const placed: Placed<C>[] = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r}:${c}`)) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken.add(`${r + dr}:${c + dc}`);
      placed.push({ cell, row: r, col: c });
      c += cell.colSpan;
    }
  });
  return placed;
}
