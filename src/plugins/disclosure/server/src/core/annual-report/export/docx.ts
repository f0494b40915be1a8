/**
 * Word export: the title, the six sections in order, and the three tables as real Word tables with
 * merged cells (gridSpan / vMerge), in the customary look of official documents on A4.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  PageOrientation,
  SectionType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { columnWeights, type GridCell, type TableGrid } from '../layout';
import type { ProseBlock, ProseRun } from '../prose';
import { identityLabel, prepareReport, type PreparedReport } from '../report-model';
import { cellText } from '../tables';
import type { AnnualReport } from '../types';
import { exportFileNames, type ExportOptions, type ExportResult } from './common';

// Fonts and sizes (half-points) of official documents: title 二号小标宋, headings 三号黑体,
// text 三号仿宋, tables 五号 / 小五宋体.
const FONTS = {
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' },
  heading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' },
  text: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' },
  table: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' },
};
const SIZE = { title: 44, heading: 32, text: 32, table: 21, tableSmall: 18 };

// A4 with the margins of official documents (3.7 / 3.5 / 2.8 / 2.6 cm), in twips.
const PAGE = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } };
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
// Table 4 has 15 number columns: on a portrait page its headers would stack one character per line.
const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;

const SAFE_URL = /^(https?:|mailto:)/i;

function textRuns(run: ProseRun): TextRun[] {
  // A "\n" inside a paragraph is a line break, not a new paragraph.
  return run.text.split('\n').map(
    (part, i) =>
      new TextRun({
        text: part,
        ...(i > 0 ? { break: 1 } : {}),
        ...(run.bold ? { bold: true } : {}),
        ...(run.italic ? { italics: true } : {}),
        ...(run.underline || run.href ? { underline: {} } : {}),
        ...(run.strikethrough ? { strike: true } : {}),
      }),
  );
}

function inline(runs: ProseRun[]): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] =>
    run.href && SAFE_URL.test(run.href) ? [new ExternalHyperlink({ link: run.href, children: textRuns(run) })] : textRuns(run),
  );
}

const INDENT_TWO_CHARS = { firstLine: 640 };

function proseParagraphs(block: ProseBlock): Paragraph[] {
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
      return [new Paragraph({ children: inline(block.runs), indent: INDENT_TWO_CHARS })];
    case 'heading':
      return [new Paragraph({ children: inline(block.runs.map((r) => ({ ...r, bold: true }))), indent: INDENT_TWO_CHARS })];
    case 'list':
      return block.items.map(
        (item, i) => new Paragraph({ children: inline([{ text: block.ordered ? `${i + 1}. ` : '• ' }, ...item]), indent: INDENT_TWO_CHARS }),
      );
  }
}

function gridCell(cell: GridCell, report: PreparedReport, widths: number[], col: number): TableCell {
  const isData = cell.role === 'data' && cell.ref;
  const text = isData && cell.ref ? cellText(report.tables, cell.ref) : cell.text;
  const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
  const left = cell.role === 'row-header' || cell.role === 'corner';
  return new TableCell({
    children: [
      new Paragraph({
        alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
        // Single spacing: the document's fixed 28 pt line suits the text, not the small table font.
        spacing: { line: 240, lineRule: 'auto' },
        children: [
          new TextRun({
            text,
            font: FONTS.table,
            size: cell.role === 'corner' ? SIZE.tableSmall : SIZE.table,
            ...(cell.role === 'block-heading' ? { bold: true } : {}),
          }),
        ],
      }),
    ],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
  });
}

/** Column positions of a row's cells, given the slots taken by cells merged down from rows above. */
function startColumns(rows: GridCell[][]): number[][] {
  const taken = new Set<string>();
  return rows.map((cells, r) => {
    let c = 0;
    return cells.map((cell) => {
      while (taken.has(`${r}:${c}`)) c++;
      const start = c;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken.add(`${r + dr}:${c + dc}`);
      c += cell.colSpan;
      return start;
    });
  });
}

function wordTable(grid: TableGrid, report: PreparedReport, textWidth = TEXT_WIDTH): Table {
  const weights = columnWeights(grid);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * textWidth));
  const rows = [...grid.head, ...grid.bodies.flat()];
  const starts = startColumns(rows);
  // docx writes the vMerge continuation cells itself for cells with rowSpan; rows list only the cells
  // starting in them, which is what the grid holds.
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r < grid.head.length,
          cantSplit: true,
          children: cells.map((cell, i) => gridCell(cell, report, widths, starts[r][i])),
        }),
    ),
  });
}

export async function exportDocx(report: AnnualReport, options: ExportOptions = {}): Promise<ExportResult> {
  const prepared = prepareReport(report, options.convertLabel ?? identityLabel);
  // Page runs: portrait for the text and Tables 2–3, landscape for Table 4, then portrait again.
  const runs: { landscape: boolean; children: (Paragraph | Table)[] }[] = [{ landscape: false, children: [] }];
  const current = (landscape: boolean) => {
    if (runs[runs.length - 1].landscape !== landscape) runs.push({ landscape, children: [] });
    return runs[runs.length - 1].children;
  };
  current(false).push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: prepared.title, font: FONTS.title, size: SIZE.title })],
    }),
    new Paragraph({ children: [new TextRun(prepared.opening)], indent: INDENT_TWO_CHARS }),
  );
  for (const section of prepared.sections) {
    const landscape = section.kind === 'table' && section.grid.table === 'reviewsAndLawsuits';
    const out = current(landscape);
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }));
    if (section.kind === 'table') out.push(wordTable(section.grid, prepared, landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH), new Paragraph({ children: [] }));
    else out.push(...section.blocks.flatMap(proseParagraphs));
  }
  // The issuing body and the date, right-aligned under the text.
  current(false).push(
    new Paragraph({ children: [] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(prepared.closing.organizationName)] }),
    ...(prepared.closing.date ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(prepared.closing.date)] })] : []),
  );
  const header = prepared.watermark
    ? new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: prepared.watermark, font: FONTS.heading, size: 36, bold: true, color: 'C00000' })],
          }),
        ],
      })
    : undefined;

  const doc = new Document({
    title: prepared.title,
    creator: 'Gongkai',
    styles: {
      default: {
        document: { run: { font: FONTS.text, size: SIZE.text }, paragraph: { spacing: { line: 560, lineRule: 'exact' } } },
        heading1: {
          run: { font: FONTS.heading, size: SIZE.heading, bold: false, color: '000000' },
          paragraph: { spacing: { before: 0, after: 0 }, keepNext: true, indent: INDENT_TWO_CHARS },
        },
      },
    },
    sections: runs.map((run) => ({
      properties: {
        type: SectionType.NEXT_PAGE,
        page: {
          size: { width: PAGE.width, height: PAGE.height, ...(run.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
          margin: PAGE.margin,
        },
      },
      ...(header ? { headers: { default: header } } : {}),
      children: run.children,
    })),
  });
  const body = await Packer.toBuffer(doc);
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ...exportFileNames(report, 'docx', options.convertLabel),
  };
}
