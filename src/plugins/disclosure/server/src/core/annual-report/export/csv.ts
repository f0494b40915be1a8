/**
 * CSV exports, UTF-8 with a byte-order mark so that Excel opens the Chinese labels correctly:
 *  - exportCsvZip: one wide CSV per table (rows × columns as on the form), zipped;
 *  - exportCsv: one long CSV, a line per cell, with a `table` column.
 * Rows and columns carry both the official label (converted) and the code.
 */
import JSZip from 'jszip';
import { getFormat, type FormatDefinition, type TableModel } from '../format';
import { identityLabel } from '../report-model';
import { cellText } from '../tables';
import type { AnnualReport, ConvertLabel, LooseTables, ReportTables } from '../types';
import { exportFileNames, type ExportOptions, type ExportResult } from './common';

const BOM = '\uFEFF';

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 lines (CRLF), BOM first. */
function csv(lines: string[][]): string {
  return BOM + lines.map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}

function columnLabel(col: { label: string; group?: string }, t: ConvertLabel): string {
  // Table 3's 其他 is only unambiguous with its upper header.
  return col.group ? `${t(col.group)}·${t(col.label)}` : t(col.label);
}

/** One table, wide: a line per row; value columns headed "label [code]". */
export function tableCsv(model: TableModel, tables: ReportTables | LooseTables, t: ConvertLabel = identityLabel): string {
  const header = ['row', 'row_group', 'row_label', ...model.columns.map((c) => `${columnLabel(c, t)} [${c.code}]`)];
  const lines = model.rows.map((r) => [
    r.code,
    r.groups.map(t).join(' / '),
    t(r.label),
    // Table 2's blocks have different columns; a cell the row does not have stays empty.
    ...model.columns.map((c) => (r.columns.some((rc) => rc.code === c.code) ? cellText(tables, { table: model.code, row: r.code, col: c.code }) : '')),
  ]);
  return csv([header, ...lines]);
}

/** All tables, long: a line per cell. */
export function longCsv(format: FormatDefinition, tables: ReportTables | LooseTables, t: ConvertLabel = identityLabel): string {
  const header = ['table', 'table_label', 'row', 'row_group', 'row_label', 'column', 'column_group', 'column_label', 'value'];
  const lines = Object.values(format.tables).flatMap((m) =>
    m.rows.flatMap((r) =>
      r.columns.map((c) => [
        m.code,
        t(m.label),
        r.code,
        r.groups.map(t).join(' / '),
        t(r.label),
        c.code,
        c.group ? t(c.group) : '',
        t(c.label),
        cellText(tables, { table: m.code, row: r.code, col: c.code }),
      ]),
    ),
  );
  return csv([header, ...lines]);
}

/** File names inside the zip: the table's number and code, ASCII so every unzip tool copes. */
export function tableCsvFileName(model: TableModel): string {
  return `table${model.index}-${model.code}.csv`;
}

export async function exportCsvZip(report: AnnualReport, options: ExportOptions = {}): Promise<ExportResult> {
  const format = getFormat(report.formatVersion);
  const t = options.convertLabel ?? identityLabel;
  const zip = new JSZip();
  for (const model of Object.values(format.tables)) zip.file(tableCsvFileName(model), tableCsv(model, report.tables, t));
  const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { body, contentType: 'application/zip', ...exportFileNames(report, 'zip', options.convertLabel) };
}

export async function exportCsv(report: AnnualReport, options: ExportOptions = {}): Promise<ExportResult> {
  const format = getFormat(report.formatVersion);
  return {
    body: longCsv(format, report.tables, options.convertLabel ?? identityLabel),
    contentType: 'text/csv; charset=utf-8',
    ...exportFileNames(report, 'csv', options.convertLabel),
  };
}
