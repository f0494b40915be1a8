/**
 * Excel export: one worksheet per table laid out like the national table (merged header and
 * group cells, numbers as numbers), plus a sheet with the whole text in section order.
 */
import ExcelJS from 'exceljs';
import { placeGrid } from '../grid-placement';
import { columnWeights, type GridCell, type TableGrid } from '../layout';
import { blockText } from '../prose';
import { identityLabel, prepareReport, type PreparedReport } from '../report-model';
import { numericCell } from '../tables';
import type { AnnualReport } from '../types';
import { exportFileNames, type ExportOptions, type ExportResult } from './common';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '宋体';

/** Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters. */
export function sheetName(label: string, taken: Set<string>): string {
  const base = label.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  taken.add(name);
  return name;
}

/** A number, or null for a cell without a usable value (left blank). */
function value(cell: GridCell, report: PreparedReport): ExcelJS.CellValue {
  if (cell.role !== 'data' || !cell.ref) return cell.text;
  return numericCell(report.tables, cell.ref) ?? null;
}

// The title row sits above the grid; the grid starts on the next row.
const GRID_FIRST_ROW = 2;

function addTableSheet(wb: ExcelJS.Workbook, name: string, grid: TableGrid, report: PreparedReport): void {
  const landscape = grid.columnCount > 4;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    views: [{ state: 'frozen', ySplit: GRID_FIRST_ROW - 1 + grid.head.length }],
  });

  const weights = columnWeights(grid);
  const unit = 10 / weights[weights.length - 1];
  ws.columns = weights.map((w) => ({ width: Math.round(w * unit) }));

  ws.mergeCells(1, 1, 1, grid.columnCount);
  const title = ws.getCell(1, 1);
  title.value = grid.heading;
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { vertical: 'middle', horizontal: 'left' };

  const rows = [...grid.head, ...grid.bodies.flat()];
  for (const { cell, row, col } of placeGrid(rows)) {
    const top = GRID_FIRST_ROW + row;
    const left = 1 + col;
    const bottom = top + cell.rowSpan - 1;
    const right = left + cell.colSpan - 1;
    if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
    const target = ws.getCell(top, left);
    target.value = value(cell, report);
    target.font = { name: FONT, size: cell.role === 'corner' ? 9 : 10.5, bold: cell.role === 'block-heading' };
    target.alignment = {
      vertical: 'middle',
      horizontal: cell.role === 'row-header' || cell.role === 'corner' ? 'left' : 'center',
      wrapText: true,
    };
    if (cell.decimal) target.numFmt = '0.####';
    // Borders on every covered cell too, or Excel draws a merged range's edges incompletely.
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) ws.getCell(r, c).border = BORDER;
  }
}

function addTextSheet(wb: ExcelJS.Workbook, name: string, report: PreparedReport, tableSheets: Map<string, string>, t: (s: string) => string): void {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 100 }];
  const add = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = ws.addRow([text]);
    row.getCell(1).font = { name: FONT, ...font };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  };
  add(report.title, { size: 16, bold: true });
  for (const section of report.sections) {
    add(section.heading, { size: 12, bold: true });
    if (section.kind === 'table') {
      add(`${t('（见工作表')}“${tableSheets.get(section.code) ?? ''}”${t('）')}`, { size: 11, italic: true });
      continue;
    }
    for (const block of section.blocks) add(blockText(block), { size: 11, bold: block.kind === 'heading' });
  }
}

export async function exportXlsx(report: AnnualReport, options: ExportOptions = {}): Promise<ExportResult> {
  const t = options.convertLabel ?? identityLabel;
  const prepared = prepareReport(report, t);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  wb.title = prepared.title;

  const taken = new Set<string>();
  const textSheet = sheetName(t('报告正文'), taken);
  const tableSheets = new Map<string, string>();
  for (const s of prepared.sections) if (s.kind === 'table') tableSheets.set(s.code, sheetName(s.grid.caption, taken));

  addTextSheet(wb, textSheet, prepared, tableSheets, t);
  for (const s of prepared.sections) if (s.kind === 'table') addTableSheet(wb, tableSheets.get(s.code) as string, s.grid, prepared);

  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ...exportFileNames(report, 'xlsx', options.convertLabel),
  };
}
