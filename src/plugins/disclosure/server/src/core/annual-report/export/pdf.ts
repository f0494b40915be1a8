/**
 * PDF export, made in-process with pdfkit (no office suite on the server) and an embedded CJK font
 * (Noto Serif SC from a registry package; only the glyphs used are embedded). A4 portrait with the
 * margins of official documents; Table 4's fifteen columns on a landscape page; header rows repeated
 * after a page break; a merged label is drawn again on each page it continues on; the watermark of an
 * unpublished or invalid report across every page.
 */
import PDFDocument from 'pdfkit';
import { columnWeights, type GridCell, type TableGrid } from '../layout';
import { placeGrid } from '../grid-placement';
import type { ProseBlock } from '../prose';
import { identityLabel, prepareReport, type PreparedReport } from '../report-model';
import { cellText } from '../tables';
import type { AnnualReport } from '../types';
import { exportFileNames, type ExportOptions, type ExportResult } from './common';

const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');

const MM = 72 / 25.4;
// A4 with the margins of official documents (top 3.7, bottom 3.5, left 2.8, right 2.6 cm).
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const SIZE = { title: 20, heading: 14, text: 12, table: 8.5, watermark: 56 };
const LINE_GAP = 5;
const CELL_PAD = 2.5;

type Doc = PDFKit.PDFDocument;

/** The watermark across the page just added; the text state of the flow in progress is kept. */
function drawWatermark(doc: Doc, watermark: string) {
  const d = doc as any;
  const saved = { x: doc.x, y: doc.y, font: d._font, size: d._fontSize };
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-30, { origin: [width / 2, height / 2] });
  doc.font('bold').fontSize(SIZE.watermark).fillColor('#c00000').fillOpacity(0.13);
  doc.text(watermark, 0, height / 2 - SIZE.watermark / 2, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor('black').fillOpacity(1);
  d._font = saved.font;
  d._fontSize = saved.size;
  doc.x = saved.x;
  doc.y = saved.y;
}

function addPage(doc: Doc, landscape: boolean) {
  doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margins: MARGINS });
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function paragraph(doc: Doc, text: string, options: { indent?: boolean; font?: 'regular' | 'bold'; size?: number; align?: 'left' | 'center' | 'right' } = {}) {
  const size = options.size ?? SIZE.text;
  doc.font(options.font ?? 'regular').fontSize(size);
  const indent = options.indent === false ? 0 : size * 2;
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), indent, lineGap: LINE_GAP, align: options.align ?? 'justify' });
}

function proseBlock(doc: Doc, block: ProseBlock) {
  const join = (runs: { text: string }[]) => runs.map((r) => r.text).join('');
  if (block.kind === 'list') block.items.forEach((item, i) => paragraph(doc, `${block.ordered ? `${i + 1}. ` : '• '}${join(item)}`));
  else paragraph(doc, join(block.runs), { font: block.kind === 'heading' ? 'bold' : 'regular' });
}

interface Slot {
  cell: GridCell;
  row: number;
  col: number;
}

/** Draws one table grid, breaking pages between rows and repeating the header rows. */
function table(doc: Doc, grid: TableGrid, report: PreparedReport, landscape: boolean) {
  const rows = [...grid.head, ...grid.bodies.flat()];
  const placed: Slot[] = placeGrid(rows);
  const weights = columnWeights(grid);
  const total = weights.reduce((a, b) => a + b, 0);
  const width = contentWidth(doc);
  const x: number[] = [doc.page.margins.left];
  for (const w of weights) x.push(x[x.length - 1] + (w / total) * width);
  const textOf = (s: Slot) => (s.cell.role === 'data' && s.cell.ref ? cellText(report.tables, s.cell.ref) : s.cell.text);
  const fontOf = (s: Slot) => (s.cell.role === 'block-heading' || s.cell.role === 'column-group' ? 'bold' : 'regular');
  const cellWidth = (s: Slot) => x[s.col + s.cell.colSpan] - x[s.col] - 2 * CELL_PAD;
  const needed = (s: Slot) => {
    doc.font(fontOf(s)).fontSize(SIZE.table);
    return doc.heightOfString(textOf(s) || ' ', { width: cellWidth(s) }) + 2 * CELL_PAD;
  };

  // Row heights: single-row cells set them; a merged cell taller than its rows stretches its last row.
  const heights = rows.map(() => SIZE.table + 2 * CELL_PAD + 2);
  for (const s of placed) if (s.cell.rowSpan === 1) heights[s.row] = Math.max(heights[s.row], needed(s));
  for (const s of placed) {
    if (s.cell.rowSpan === 1) continue;
    const span = heights.slice(s.row, s.row + s.cell.rowSpan).reduce((a, b) => a + b, 0);
    const need = needed(s);
    if (need > span) heights[s.row + s.cell.rowSpan - 1] += need - span;
  }

  const headCount = grid.head.length;
  const headHeight = heights.slice(0, headCount).reduce((a, b) => a + b, 0);
  // Pages: consecutive body rows that fit, each page starting with the header rows.
  const pages: number[][] = [];
  let y = doc.y;
  let page: number[] = [];
  for (let r = headCount; r < rows.length; r++) {
    const start = page.length === 0 ? y + headHeight : y;
    if (page.length > 0 && start + heights[r] > bottom(doc)) {
      pages.push(page);
      page = [];
      y = doc.page.margins.top;
      r--;
      continue;
    }
    if (page.length === 0) y += headHeight;
    page.push(r);
    y += heights[r];
  }
  if (page.length) pages.push(page);

  pages.forEach((bodyRows, p) => {
    if (p > 0) addPage(doc, landscape);
    const shown = [...Array.from({ length: headCount }, (_, i) => i), ...bodyRows];
    const top = new Map<number, number>();
    let cursor = doc.y;
    for (const r of shown) {
      top.set(r, cursor);
      cursor += heights[r];
    }
    doc.lineWidth(0.6).strokeColor('black');
    for (const s of placed) {
      // the part of the cell on this page: its rows that are shown here
      const own = shown.filter((r) => r >= s.row && r < s.row + s.cell.rowSpan);
      if (!own.length) continue;
      const y0 = top.get(own[0])!;
      const y1 = top.get(own[own.length - 1])! + heights[own[own.length - 1]];
      const x0 = x[s.col];
      const x1 = x[s.col + s.cell.colSpan];
      doc.rect(x0, y0, x1 - x0, y1 - y0).stroke();
      const text = textOf(s);
      if (!text) continue;
      doc.font(fontOf(s)).fontSize(SIZE.table).fillColor('black');
      const h = doc.heightOfString(text, { width: cellWidth(s) });
      const left = s.cell.role === 'row-header' || s.cell.role === 'corner' || s.cell.role === 'row-group';
      doc.text(text, x0 + CELL_PAD, y0 + Math.max(CELL_PAD, (y1 - y0 - h) / 2), { width: cellWidth(s), align: left ? 'left' : 'center', lineBreak: true });
    }
    doc.x = doc.page.margins.left;
    doc.y = cursor + 8;
  });
}

function heading(doc: Doc, text: string) {
  // keep a heading with what follows
  if (doc.y + SIZE.heading * 4 > bottom(doc)) return false;
  doc.moveDown(0.3);
  paragraph(doc, text, { font: 'bold', size: SIZE.heading, indent: true });
  doc.moveDown(0.2);
  return true;
}

export async function exportPdf(report: AnnualReport, options: ExportOptions = {}): Promise<ExportResult> {
  const prepared = prepareReport(report, options.convertLabel ?? identityLabel);
  const watermark = prepared.watermark;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margins: MARGINS,
    info: { Title: prepared.title, Creator: 'Gongkai' },
    lang: 'zh-CN',
  } as any);
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // on every page, those added here and those pdfkit adds when prose runs over
  doc.on('pageAdded', () => {
    if (watermark) drawWatermark(doc, watermark);
  });

  let landscape = false;
  addPage(doc, false);
  paragraph(doc, prepared.title, { font: 'bold', size: SIZE.title, indent: false, align: 'center' });
  doc.moveDown(0.8);
  paragraph(doc, prepared.opening);
  for (const section of prepared.sections) {
    const wantLandscape = section.kind === 'table' && section.grid.table === 'reviewsAndLawsuits';
    if (wantLandscape !== landscape) {
      landscape = wantLandscape;
      addPage(doc, landscape);
    }
    if (!heading(doc, section.heading)) {
      addPage(doc, landscape);
      heading(doc, section.heading);
    }
    if (section.kind === 'table') table(doc, section.grid, prepared, landscape);
    else for (const block of section.blocks) proseBlock(doc, block);
  }
  doc.moveDown(2);
  paragraph(doc, prepared.closing.organizationName, { indent: false, align: 'right' });
  if (prepared.closing.date) paragraph(doc, prepared.closing.date, { indent: false, align: 'right' });
  doc.end();
  return { body: await done, contentType: 'application/pdf', ...exportFileNames(report, 'pdf', options.convertLabel) };
}
