/**
 * Annual reports: the list, and a report page showing the export's national layout (format=html),
 * or the report's own data when the export is unavailable, with download links for every format.
 */
import { ApiError, fetchReport, fetchReportHtml, fetchReportJson, fetchReports, isStale, type AnnualReport } from '../api';
import { attrs, escapeHtml } from '../html';
import { t, type Locale } from '../i18n';
import { EXPORT_FORMATS, exportPath, type ExportFormat } from '../queries';
import { extractReportFragment } from '../report-fragment';
import { renderReportData, type ReportLabels } from '../report-data';
import { buildHash } from '../router';
import { commentsHtml, loadComments } from '../comments';
import { helpfulHtml, loadHelpful } from '../helpful';
import { articleInfoHtml, articleToolsHtml, errorHtml, noteHtml, staleNoteHtml, type ViewContext } from '../ui';

/** What a citizen calls each download: 网页版, Word, Excel, PDF, and the data (JSON, CSV). */
function formatLabel(format: ExportFormat, locale: Locale): string {
  switch (format) {
    case 'html':
      return t(locale, 'formatHtml');
    case 'docx':
      return 'Word';
    case 'xlsx':
      return 'Excel';
    case 'pdf':
      return 'PDF';
    default:
      return `${t(locale, 'formatData')}（${format.toUpperCase()}）`;
  }
}

export function downloadsHtml(documentId: string, locale: Locale): string {
  const links = EXPORT_FORMATS.map((f) => {
    const label = formatLabel(f, locale);
    return `<li><a${attrs({
      href: exportPath(documentId, f, locale),
      download: '',
      'data-testid': `download-${f}`,
      'data-format': f,
      'aria-label': t(locale, 'downloadAs', { format: label }),
    })}>${escapeHtml(label)}</a></li>`;
  }).join('');
  return `<nav class="downloads" aria-labelledby="downloads-heading" data-testid="report-downloads"><h2 id="downloads-heading">${escapeHtml(t(locale, 'reportDownloads'))}</h2><ul>${links}</ul></nav>`;
}

export async function renderReports(ctx: ViewContext): Promise<void> {
  const { locale } = ctx;
  const title = t(locale, 'reportsTitle');
  let body: string;
  try {
    const reports = await fetchReports(locale);
    if (!ctx.isCurrent()) return;
    body = reports.length
      ? `<ul class="report-list" data-testid="report-list">${reports
          .map(
            (r) =>
              `<li class="report-item"${attrs({ 'data-testid': 'report-item', 'data-document-id': r.documentId, 'data-year': r.year })}>` +
              `<a${attrs({ href: buildHash({ name: 'report', documentId: r.documentId }), 'data-testid': 'report-link' })}>${escapeHtml(r.title)}</a>` +
              `<span class="report-item-meta">${escapeHtml([t(locale, 'reportYear', { year: r.year }), r.organization?.name ?? ''].filter(Boolean).join(' · '))}</span></li>`,
          )
          .join('')}</ul>`
      : noteHtml(t(locale, 'noReports'), 'empty-message');
  } catch (e) {
    if (!ctx.isCurrent()) return;
    body = errorHtml(locale, e);
  }
  ctx.setTitle(title);
  ctx.main.innerHTML = `<h1 tabindex="-1" data-testid="page-title">${escapeHtml(title)}</h1>${body}`;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function installReportCss(css: string): void {
  if (!css) return;
  let style = document.getElementById('gk-report-css') as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = 'gk-report-css';
    document.head.appendChild(style);
  }
  if (style.textContent !== css) style.textContent = css;
}

export async function renderReport(ctx: ViewContext, documentId: string): Promise<void> {
  const { locale } = ctx;
  const load = (l: Locale) => Promise.allSettled([fetchReport(documentId, l), fetchReportHtml(documentId, l)]);
  let [entryResult, htmlResult] = await load(locale);
  // A report without a Traditional version is shown in Simplified, with a note.
  let contentLocale: Locale = locale;
  if (locale === 'zh-Hant' && entryResult.status === 'rejected' && entryResult.reason instanceof ApiError && entryResult.reason.status === 404) {
    const retry = await load('zh-Hans');
    if (retry[0].status === 'fulfilled') {
      [entryResult, htmlResult] = retry;
      contentLocale = 'zh-Hans';
    }
  }
  if (!ctx.isCurrent()) return;
  const entry: AnnualReport | null = entryResult.status === 'fulfilled' ? entryResult.value : null;
  const fragment = htmlResult.status === 'fulfilled' ? extractReportFragment(htmlResult.value) : null;

  if (!entry && !fragment) {
    const e = entryResult.status === 'rejected' ? entryResult.reason : new Error('');
    ctx.setTitle(t(locale, 'reportsTitle'));
    ctx.main.innerHTML =
      `<h1 tabindex="-1" data-testid="page-title">${escapeHtml(t(locale, e instanceof ApiError && e.status === 404 ? 'notFoundTitle' : 'reportsTitle'))}</h1>` +
      errorHtml(locale, e) +
      `<p><a href="#/reports">${escapeHtml(t(locale, 'backToReports'))}</a></p>`;
    return;
  }

  const stale = contentLocale === locale && (await isStale('api::annual-report.annual-report', documentId, locale));
  if (!ctx.isCurrent()) return;
  const title = fragment?.article.querySelector('h1')?.textContent?.trim() || entry?.title || t(locale, 'reportsTitle');
  ctx.setTitle(title);
  ctx.main.innerHTML =
    `<div class="report-page">` +
    (contentLocale !== locale ? noteHtml(t(locale, 'reportLocaleFallback'), 'locale-fallback-note', 'warning') : '') +
    (stale ? staleNoteHtml(locale) : '') +
    articleInfoHtml(locale, entry?.publishedAt, entry?.organization?.name) +
    articleToolsHtml(locale) +
    `<div class="report-content" data-testid="report-content"${attrs({ lang: contentLocale })}></div>` +
    downloadsHtml(documentId, contentLocale) +
    helpfulHtml(locale, 'report', documentId) +
    commentsHtml(locale, 'report', documentId) +
    `<p class="back-link"><a href="#/reports" data-testid="back-to-reports">${escapeHtml(t(locale, 'backToReports'))}</a></p></div>`;
  const container = ctx.main.querySelector<HTMLElement>('.report-content')!;
  void loadHelpful(ctx.main, locale);
  void loadComments(ctx.main, locale);

  if (fragment) {
    installReportCss(fragment.css);
    fragment.article.setAttribute('lang', contentLocale);
    const h1 = fragment.article.querySelector('h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.setAttribute('data-testid', 'report-title');
    }
    container.appendChild(fragment.article);
    container.dataset.source = 'export-html';
    return;
  }

  // The export is unavailable: the JSON export's numbers and labels, else the report's own tables.
  let tables: unknown = entry!.tables;
  let labels: ReportLabels | undefined;
  try {
    const json = await fetchReportJson(documentId, contentLocale);
    if (isObject(json.tables)) tables = json.tables;
    if (isObject(json.labels)) labels = json.labels as ReportLabels;
  } catch {
    /* keep the entry's tables */
  }
  if (!ctx.isCurrent()) return;
  container.dataset.source = labels ? 'export-json' : 'entry';
  container.innerHTML =
    `<h1 tabindex="-1" class="gk-title" data-testid="report-title">${escapeHtml(entry!.title)}</h1>` +
    noteHtml(t(locale, 'reportExportUnavailable'), 'report-fallback-note', 'warning') +
    renderReportData({ ...entry!, tables, labels }, contentLocale);
}
