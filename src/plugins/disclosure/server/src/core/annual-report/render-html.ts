/**
 * Server-side HTML of the whole report in the national layout: a standalone document (with its
 * print CSS) or a fragment to embed in a portal page. Numeric cells carry data-table / data-row /
 * data-col with the codes, so the portal and tests can find any cell.
 */
import type { GridCell, TableGrid } from './layout';
import type { ProseBlock, ProseRun } from './prose';
import { REPORT_CSS } from './report-css';
import { identityLabel, prepareReport, reportTitle, type PreparedReport } from './report-model';
import { cellText } from './tables';
import type { AnnualReport, ConvertLabel, Failure, Severity } from './types';

export interface RenderHtmlOptions {
  /** Applied to every fixed label (headings, table labels, the corner note). */
  convertLabel?: ConvertLabel;
  /** The lang attribute; default zh-CN. */
  lang?: string;
  /** Cells named by these failures (this year's cells) get the class gk-invalid--error / --warning. */
  failures?: readonly Failure[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
}

// Only links that cannot run script; anything else is shown as plain text.
const SAFE_URL = /^(https?:|mailto:|\/|#)/i;

function runHtml(run: ProseRun): string {
  let html = escapeHtml(run.text).replace(/\n/g, '<br>');
  if (run.code) html = `<code>${html}</code>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.strikethrough) html = `<s>${html}</s>`;
  if (run.href && SAFE_URL.test(run.href.trim())) html = `<a${attrs({ href: run.href.trim() })}>${html}</a>`;
  return html;
}

function blockHtml(block: ProseBlock): string {
  const runs = (r: ProseRun[]) => r.map(runHtml).join('');
  switch (block.kind) {
    case 'paragraph':
      return `<p>${runs(block.runs)}</p>`;
    case 'heading': {
      // h1 is the title and h2 the section headings, so prose headings start at h3.
      const level = Math.min(6, Math.max(3, block.level + 2));
      return `<h${level}>${runs(block.runs)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote><p>${runs(block.runs)}</p></blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${runs(item)}</li>`).join('')}</${tag}>`;
    }
  }
}

type Marks = Map<string, { severity: Severity; rules: string[] }>;

const key = (table: string, row: string, col: string) => `${table}\u0000${row}\u0000${col}`;

function failureMarks(failures: readonly Failure[] | undefined): Marks {
  const marks: Marks = new Map();
  for (const f of failures ?? []) {
    for (const c of f.cells) {
      if (c.year === 'previous') continue;
      const k = key(c.table, c.row, c.col);
      const mark = marks.get(k) ?? { severity: f.severity, rules: [] };
      if (f.severity === 'error') mark.severity = 'error';
      if (!mark.rules.includes(f.ruleId)) mark.rules.push(f.ruleId);
      marks.set(k, mark);
    }
  }
  return marks;
}

const SCOPE: Partial<Record<GridCell['role'], string>> = {
  'column-group': 'colgroup',
  'column-header': 'col',
  'block-heading': 'colgroup',
  'row-group': 'rowgroup',
  'row-header': 'row',
};

function cellHtml(cell: GridCell, report: PreparedReport, marks: Marks): string {
  const span = { colspan: cell.colSpan > 1 ? cell.colSpan : undefined, rowspan: cell.rowSpan > 1 ? cell.rowSpan : undefined };
  if (cell.role === 'corner') return `<td${attrs({ class: 'gk-corner', ...span })}>${escapeHtml(cell.text)}</td>`;
  if (cell.role !== 'data' || !cell.ref) {
    const cls = cell.role === 'block-heading' ? 'gk-block-heading' : undefined;
    return `<th${attrs({ scope: SCOPE[cell.role], class: cls, ...span })}>${escapeHtml(cell.text)}</th>`;
  }
  const { table, row, col } = cell.ref;
  const mark = marks.get(key(table, row, col));
  const cls = ['gk-num', ...(mark ? ['gk-invalid', `gk-invalid--${mark.severity}`] : [])].join(' ');
  const a = attrs({
    class: cls,
    ...span,
    'data-table': table,
    'data-row': row,
    'data-col': col,
    'data-rules': mark?.rules.join(' '),
    'aria-invalid': mark?.severity === 'error' ? 'true' : undefined,
  });
  return `<td${a}>${escapeHtml(cellText(report.tables, cell.ref))}</td>`;
}

function tableHtml(grid: TableGrid, report: PreparedReport, marks: Marks): string {
  const rows = (list: GridCell[][]) => list.map((cells) => `<tr>${cells.map((c) => cellHtml(c, report, marks)).join('')}</tr>`).join('');
  const head = grid.head.length ? `<thead>${rows(grid.head)}</thead>` : '';
  const bodies = grid.bodies.map((b) => `<tbody>${rows(b)}</tbody>`).join('');
  // The section heading right above already names the table, so the caption is for screen readers.
  return (
    `<table${attrs({ class: `gk-table gk-table--${grid.table}`, 'data-table': grid.table })}>` +
    `<caption class="gk-visually-hidden">${escapeHtml(grid.caption)}</caption>${head}${bodies}</table>`
  );
}

/** The report as an embeddable fragment (an <article>); include REPORT_CSS once on the page. */
export function renderReportFragment(report: AnnualReport, options: RenderHtmlOptions = {}): string {
  const convert = options.convertLabel ?? identityLabel;
  const prepared = prepareReport(report, convert);
  const marks = failureMarks(options.failures);
  const sections = prepared.sections.map((s) => {
    const body = s.kind === 'table' ? tableHtml(s.grid, prepared, marks) : `<div class="gk-prose">${s.blocks.map(blockHtml).join('')}</div>`;
    return (
      `<section${attrs({ class: 'gk-section', id: `gk-section-${s.code}`, 'data-section': s.code })}>` +
      `<h2 class="gk-section-heading">${escapeHtml(s.heading)}</h2>${body}</section>`
    );
  });
  const article = attrs({
    class: 'gk-annual-report',
    lang: options.lang ?? 'zh-CN',
    'data-format-version': prepared.format.version,
    'data-year': prepared.year,
  });
  const watermark = prepared.watermark ? `<div class="gk-watermark" aria-hidden="true">${escapeHtml(prepared.watermark)}</div>` : '';
  const closing =
    `<footer class="gk-closing"><p>${escapeHtml(prepared.closing.organizationName)}</p>` +
    (prepared.closing.date ? `<p>${escapeHtml(prepared.closing.date)}</p>` : '') +
    `</footer>`;
  return (
    `<article${article}>${watermark}<header><h1 class="gk-title">${escapeHtml(prepared.title)}</h1>` +
    `<p class="gk-opening">${escapeHtml(prepared.opening)}</p></header>${sections.join('')}${closing}</article>`
  );
}

/** The report as a standalone HTML document, styled for screen and print. */
export function renderReportHtml(report: AnnualReport, options: RenderHtmlOptions = {}): string {
  const convert = options.convertLabel ?? identityLabel;
  const lang = options.lang ?? 'zh-CN';
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(reportTitle(report, convert))}</title><style>${REPORT_CSS}</style></head>` +
    `<body>${renderReportFragment(report, options)}</body></html>\n`
  );
}
