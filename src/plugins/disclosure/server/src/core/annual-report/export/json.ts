/**
 * JSON export: the report's numbers by code, for exchange with other systems.
 *
 * Stable shape (keys always present and in this order, tables/rows/columns in the format's order):
 *   {
 *     "format": "国办公开办函〔2021〕30号",      // the document fixing the layout
 *     "formatVersion": "2021",                 // '2021' | '2019'
 *     "organization": "…",
 *     "year": 2024,
 *     "tables": { "<table>": { "<row>": { "<column>": number | null } } },   // null = no usable value
 *     "processingFeeYuan": number | null,      // 信息处理费 collected (paid) in the year, in 元 (section 六)
 *     "labels": {                                // only with includeLabels
 *       "sections": { "<section>": "一、总体情况", … },
 *       "tables": { "<table>": { "label": "…", "rows": { "<row>": { "label", "groups": [] } },
 *                                "columns": { "<column>": { "label", "group"? } } } }
 *     }
 *   }
 * Table codes: proactive, applications, reviewsAndLawsuits (Table 4's rows are its groups).
 */
import { getFormat, sectionHeading, type FormatDefinition } from '../format';
import { identityLabel } from '../report-model';
import { numericCell } from '../tables';
import type { AnnualReport, ConvertLabel, FormatVersion, TableCode } from '../types';
import { exportFileNames, type ExportOptions, type ExportResult } from './common';

export interface ReportJsonLabels {
  sections: Record<string, string>;
  tables: Record<
    TableCode,
    {
      label: string;
      rows: Record<string, { label: string; groups: string[] }>;
      columns: Record<string, { label: string; group?: string }>;
    }
  >;
}

export interface ReportJson {
  format: string;
  formatVersion: FormatVersion;
  organization: string;
  year: number;
  tables: Record<TableCode, Record<string, Record<string, number | null>>>;
  processingFeeYuan: number | null;
  labels?: ReportJsonLabels;
}

export interface JsonExportOptions extends ExportOptions {
  /** Add the official labels (converted) so the file explains itself. */
  includeLabels?: boolean;
}

function labelsOf(format: FormatDefinition, t: ConvertLabel): ReportJsonLabels {
  const sections = Object.fromEntries(format.sections.map((s) => [s.code, t(sectionHeading(s))]));
  const tables = Object.fromEntries(
    Object.values(format.tables).map((m) => [
      m.code,
      {
        label: t(m.label),
        rows: Object.fromEntries(m.rows.map((r) => [r.code, { label: t(r.label), groups: r.groups.map(t) }])),
        columns: Object.fromEntries(m.columns.map((c) => [c.code, { label: t(c.label), ...(c.group ? { group: t(c.group) } : {}) }])),
      },
    ]),
  ) as ReportJsonLabels['tables'];
  return { sections, tables };
}

/** The export's object, before serialisation. */
export function reportJson(report: AnnualReport, options: JsonExportOptions = {}): ReportJson {
  const format = getFormat(report.formatVersion);
  const tables = Object.fromEntries(
    Object.values(format.tables).map((m) => [
      m.code,
      Object.fromEntries(
        m.rows.map((r) => [
          r.code,
          Object.fromEntries(r.columns.map((c) => [c.code, numericCell(report.tables, { table: m.code, row: r.code, col: c.code }) ?? null])),
        ]),
      ),
    ]),
  ) as ReportJson['tables'];
  return {
    format: format.documentNumber,
    formatVersion: format.version,
    organization: report.organizationName,
    year: report.year,
    tables,
    processingFeeYuan: typeof report.processingFeeYuan === 'number' && Number.isFinite(report.processingFeeYuan) ? report.processingFeeYuan : null,
    ...(options.includeLabels ? { labels: labelsOf(format, options.convertLabel ?? identityLabel) } : {}),
  };
}

export async function exportJson(report: AnnualReport, options: JsonExportOptions = {}): Promise<ExportResult> {
  return {
    body: `${JSON.stringify(reportJson(report, options), null, 2)}\n`,
    contentType: 'application/json; charset=utf-8',
    ...exportFileNames(report, 'json', options.convertLabel),
  };
}
