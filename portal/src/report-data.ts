/**
 * Fallback rendering of an annual report when the export's HTML is unavailable: the prose
 * sections from the report's blocks and the three tables from the numbers (table → row → column),
 * labelled with the JSON export's labels when given, else with the codes.
 */
import { renderBlocks } from './blocks';
import { attrs, escapeHtml } from './html';
import { sectionLabel, t, type Locale } from './i18n';

export type NumberTables = Record<string, Record<string, Record<string, unknown>>>;

export interface ReportLabels {
  sections?: Record<string, string>;
  tables?: Record<string, { label?: string; rows?: Record<string, { label?: string }>; columns?: Record<string, { label?: string }> }>;
}

export interface ReportData {
  title?: string;
  overview?: unknown;
  problems?: unknown;
  otherMatters?: unknown;
  tables?: unknown;
  labels?: ReportLabels;
}

const SECTION_ORDER: { code: string; kind: 'prose' | 'table' }[] = [
  { code: 'overview', kind: 'prose' },
  { code: 'proactive', kind: 'table' },
  { code: 'applications', kind: 'table' },
  { code: 'reviewsAndLawsuits', kind: 'table' },
  { code: 'problems', kind: 'prose' },
  { code: 'otherMatters', kind: 'prose' },
];

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function cellValue(v: unknown): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObject(v) && typeof v.value === 'number') return String(v.value);
  if (typeof v === 'string') return v;
  return '';
}

function tableHtml(code: string, rows: Record<string, unknown>, locale: Locale, labels?: ReportLabels): string {
  const meta = labels?.tables?.[code];
  const rowCodes = Object.keys(rows).filter((r) => isObject(rows[r]));
  const colCodes: string[] = [];
  for (const r of rowCodes) for (const c of Object.keys(rows[r] as object)) if (!colCodes.includes(c)) colCodes.push(c);
  const colLabel = (c: string) => meta?.columns?.[c]?.label || c;
  const rowLabel = (r: string) => meta?.rows?.[r]?.label || r;
  const caption = meta?.label || sectionLabel(locale, code);
  const head = `<thead><tr><th scope="col">${escapeHtml(t(locale, 'rowHeader'))}</th>${colCodes
    .map((c) => `<th scope="col">${escapeHtml(colLabel(c))}</th>`)
    .join('')}</tr></thead>`;
  const body = rowCodes
    .map((r) => {
      const cells = rows[r] as Record<string, unknown>;
      return `<tr><th scope="row">${escapeHtml(rowLabel(r))}</th>${colCodes
        .map((c) => `<td${attrs({ class: 'gk-num', 'data-table': code, 'data-row': r, 'data-col': c })}>${escapeHtml(cellValue(cells[c]))}</td>`)
        .join('')}</tr>`;
    })
    .join('');
  return (
    `<div class="table-scroll" role="region" tabindex="0"${attrs({ 'aria-label': caption })}>` +
    `<table${attrs({ class: 'gk-table data-table', 'data-table': code })}><caption class="visually-hidden">${escapeHtml(caption)}</caption>${head}<tbody>${body}</tbody></table></div>`
  );
}

/** The six sections as HTML (an <article> like the export's fragment, in a simpler layout). */
export function renderReportData(data: ReportData, locale: Locale): string {
  const tables = isObject(data.tables) ? data.tables : {};
  const sections = SECTION_ORDER.map(({ code, kind }) => {
    const heading = data.labels?.sections?.[code] || sectionLabel(locale, code);
    let body: string;
    if (kind === 'prose') {
      body = `<div class="gk-prose">${renderBlocks((data as Record<string, unknown>)[code], { headingBase: 3 })}</div>`;
    } else {
      const rows = tables[code];
      body = isObject(rows) ? tableHtml(code, rows, locale, data.labels) : '';
    }
    return `<section${attrs({ class: 'gk-section', id: `gk-section-${code}`, 'data-section': code })}><h2 class="gk-section-heading">${escapeHtml(heading)}</h2>${body}</section>`;
  });
  return `<article class="gk-annual-report gk-annual-report--fallback">${sections.join('')}</article>`;
}
