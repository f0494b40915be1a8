/**
 * The exports by kind, for routes that take the kind from the request.
 */
import { renderReportHtml, type RenderHtmlOptions } from '../render-html';
import type { AnnualReport } from '../types';
import { exportFileNames, type ExportOptions, type ExportResult } from './common';
import { exportCsv, exportCsvZip } from './csv';
import { exportDocx } from './docx';
import { exportJson, type JsonExportOptions } from './json';
import { exportPdf } from './pdf';
import { exportXlsx } from './xlsx';

export type ExportKind = 'json' | 'csv' | 'csv-zip' | 'xlsx' | 'docx' | 'pdf' | 'html';

export type AnyExportOptions = ExportOptions & JsonExportOptions & Pick<RenderHtmlOptions, 'lang' | 'failures'>;

async function exportHtml(report: AnnualReport, options: AnyExportOptions = {}): Promise<ExportResult> {
  return {
    body: renderReportHtml(report, options),
    contentType: 'text/html; charset=utf-8',
    ...exportFileNames(report, 'html', options.convertLabel),
  };
}

export const EXPORTERS: Record<ExportKind, (report: AnnualReport, options?: AnyExportOptions) => Promise<ExportResult>> = {
  json: exportJson,
  csv: exportCsv,
  'csv-zip': exportCsvZip,
  xlsx: exportXlsx,
  docx: exportDocx,
  pdf: exportPdf,
  html: exportHtml,
};

export function isExportKind(value: unknown): value is ExportKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EXPORTERS, value);
}

/** Runs the export of the given kind. */
export function exportReport(kind: ExportKind, report: AnnualReport, options: AnyExportOptions = {}): Promise<ExportResult> {
  return EXPORTERS[kind](report, options);
}
