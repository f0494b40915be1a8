/**
 * A report resolved for drawing: its format, and its six sections in order with headings,
 * prose blocks or table grids. Every renderer and export starts from this, so they agree.
 */
import { processingFeeSentence } from './draft-prose';
import { getFormat, sectionHeading, type FormatDefinition } from './format';
import { tableGrid, type TableGrid } from './layout';
import { parseProse, type ProseBlock } from './prose';
import type { AnnualReport, ConvertLabel, LooseTables, ProseInput, ReportTables, SectionCode } from './types';

export type PreparedSection =
  { code: SectionCode; heading: string; kind: 'prose'; blocks: ProseBlock[] } | { code: SectionCode; heading: string; kind: 'table'; grid: TableGrid };

export interface PreparedReport {
  title: string;
  organizationName: string;
  year: number;
  format: FormatDefinition;
  tables: ReportTables | LooseTables;
  sections: PreparedSection[];
}

export const identityLabel: ConvertLabel = (s) => s;

/** The report's title, or the customary one when it has none. */
export function reportTitle(report: Pick<AnnualReport, 'title' | 'organizationName' | 'year'>, convertLabel: ConvertLabel = identityLabel): string {
  const title = report.title?.trim();
  return title ? title : `${report.organizationName}${report.year}${convertLabel('年政府信息公开工作年度报告')}`;
}

function proseOf(report: AnnualReport, code: SectionCode): ProseInput {
  if (code === 'overview') return report.overview;
  if (code === 'problems') return report.problems;
  return report.otherMatters;
}

export function prepareReport(report: AnnualReport, convertLabel: ConvertLabel = identityLabel): PreparedReport {
  const format = getFormat(report.formatVersion);
  const sections = format.sections.map((section): PreparedSection => {
    const heading = convertLabel(sectionHeading(section));
    if (section.kind === 'table' && section.table) {
      return { code: section.code, heading, kind: 'table', grid: tableGrid(format, section.table, convertLabel) };
    }
    let blocks = parseProse(proseOf(report, section.code));
    // Section 六 customarily states the 信息处理费; when the editor wrote nothing, say it from the amount.
    const fee = report.processingFeeYuan;
    if (section.code === 'otherMatters' && blocks.length === 0 && typeof fee === 'number') {
      blocks = [{ kind: 'paragraph', runs: [{ text: processingFeeSentence(report.organizationName, report.year, fee) }] }];
    }
    return { code: section.code, heading, kind: 'prose', blocks };
  });
  return {
    title: reportTitle(report, convertLabel),
    organizationName: report.organizationName,
    year: report.year,
    format,
    tables: report.tables,
    sections,
  };
}
