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
  /** The customary opening paragraph: basis, contents, statistical period, contact. */
  opening: string;
  /** The issuing body and date printed at the end. */
  closing: { organizationName: string; date: string | null };
  watermark: string | null;
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

/** 2026-01-20 → 2026年1月20日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 本报告根据《条例》…编制: the paragraph every annual report opens with. */
function openingParagraph(report: AnnualReport, format: FormatDefinition): string {
  const y = report.year;
  const contents = format.sections.map((s) => s.label).join('、');
  const c = report.contact ?? {};
  const reach = [c.address && `地址：${c.address}`, c.phone && `电话：${c.phone}`].filter(Boolean).join('；');
  return (
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${format.documentNumber}）要求编制。` +
    `全文包括${contents}。本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。` +
    (c.website ? `本报告电子版可在${c.website}查阅。` : '') +
    (reach ? `如对本报告有疑问，请与${report.organizationName}联系（${reach}）。` : '')
  );
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
    opening: convertLabel(openingParagraph(report, format)),
    closing: { organizationName: report.organizationName, date: report.issuedDate ? chineseDate(report.issuedDate) : null },
    watermark: report.watermark ? convertLabel(report.watermark) : null,
    organizationName: report.organizationName,
    year: report.year,
    format,
    tables: report.tables,
    sections,
  };
}
