/**
 * The annual report (政府信息公开工作年度报告): formats, tables, validation, prose drafts,
 * HTML rendering and exports. Pure functions: no Strapi, no database.
 */
export * from './types';
export {
  getFormat,
  formatVersionForYear,
  toFormatVersion,
  sectionHeading,
  labelTerms,
  type FormatDefinition,
  type SectionDef,
  type ColumnDef,
  type ProactiveBlockDef,
  type ApplicationsRowDef,
  type ApplicationsNode,
  type ReviewGroupDef,
  type TableModel,
} from './format';
export { emptyTables, withTotals, detectFormatVersion, outcomeRowFor, numericCell, rawCell, cellText } from './tables';
export { RULES, type Rule, type RowSet, type SumEqualsRule, type RowSumRule, type CrossYearEqualRule, type ContinuityRule, type CellValueRule } from './rules';
export { validate, hasErrors, type ValidateOptions } from './validate';
export { parseProse, toBlocks, proseToText, textParagraphs, type ProseBlock, type ProseRun } from './prose';
export {
  draftProse,
  draftOverview,
  draftOtherMatters,
  processingFeeSentence,
  findDraftPlaceholders,
  draftSections,
  paragraphsText,
  cellName,
  PROSE_SECTIONS,
  NOTICES_PUBLISHED,
  PROCESSING_FEE,
  type DraftProse,
  type DraftProseInput,
  type DraftSentence,
  type DraftParagraph,
  type DraftSections,
  type ProseSection,
} from './draft-prose';
export {
  classifySection,
  mergeSection,
  splitSentences,
  hasProse,
  generatedProse,
  readGeneratedProse,
  type GeneratedProse,
  type SentenceView,
  type SentenceOrigin,
  type SectionChange,
} from './bound-prose';
export { checkProse, reportFacts, proseFingerprint, TERMS as PROSE_TERMS, type Facts, type ProseFinding } from './prose-check';
export { findFigures, parseChineseNumeral, type Figure } from './numerals';
export { tableGrid, type TableGrid, type GridCell, type GridRole } from './layout';
export { placeGrid } from './grid-placement';
export { prepareReport, reportTitle, chineseDate, type PreparedReport, type PreparedSection } from './report-model';
export { renderReportHtml, renderReportFragment, escapeHtml, type RenderHtmlOptions } from './render-html';
export { REPORT_CSS } from './report-css';
export { contentDisposition, type ExportOptions, type ExportResult } from './export/common';
export { exportJson, reportJson, type ReportJson, type JsonExportOptions } from './export/json';
export { exportCsv, exportCsvZip, tableCsv, longCsv } from './export/csv';
export { exportXlsx } from './export/xlsx';
export { exportDocx } from './export/docx';
export { exportPdf } from './export/pdf';
export { exportReport, isExportKind, EXPORTERS, type ExportKind, type AnyExportOptions } from './export';
export { cellPathPlace } from './failure-messages';
