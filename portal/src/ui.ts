/**
 * Shared view pieces that produce HTML strings (pure) plus the view context type.
 */
import { attrs, escapeHtml } from './html';
import { t, type Locale } from './i18n';

export interface ViewContext {
  locale: Locale;
  main: HTMLElement;
  /** False once another navigation started: late results must not be rendered. */
  isCurrent(): boolean;
  setTitle(title: string): void;
  announce(message: string): void;
  navigate(hash: string): void;
}

/** Page numbers to show: first, last, and a window around the current page, with null for gaps. */
export function pageWindow(page: number, pageCount: number, radius = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pageCount; p++) {
    if (p === 1 || p === pageCount || Math.abs(p - page) <= radius) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

export function paginationHtml(locale: Locale, page: number, pageCount: number, hrefFor: (page: number) => string): string {
  if (pageCount <= 1) return '';
  const items: string[] = [];
  const prev =
    page > 1
      ? `<a class="page-link" href="${escapeHtml(hrefFor(page - 1))}" rel="prev" data-testid="pagination-prev">${escapeHtml(t(locale, 'previousPage'))}</a>`
      : `<span class="page-link page-link--disabled" aria-disabled="true" data-testid="pagination-prev">${escapeHtml(t(locale, 'previousPage'))}</span>`;
  items.push(`<li>${prev}</li>`);
  for (const p of pageWindow(page, pageCount)) {
    if (p === null) {
      items.push('<li class="page-gap" aria-hidden="true">…</li>');
    } else {
      items.push(
        `<li><a${attrs({
          class: p === page ? 'page-link page-link--current' : 'page-link',
          href: hrefFor(p),
          'aria-current': p === page ? 'page' : undefined,
          'aria-label': t(locale, 'pageN', { n: p }),
          'data-testid': `pagination-page-${p}`,
        })}>${p}</a></li>`,
      );
    }
  }
  const next =
    page < pageCount
      ? `<a class="page-link" href="${escapeHtml(hrefFor(page + 1))}" rel="next" data-testid="pagination-next">${escapeHtml(t(locale, 'nextPage'))}</a>`
      : `<span class="page-link page-link--disabled" aria-disabled="true" data-testid="pagination-next">${escapeHtml(t(locale, 'nextPage'))}</span>`;
  items.push(`<li>${next}</li>`);
  return (
    `<nav class="pagination"${attrs({ 'aria-label': t(locale, 'pagination'), 'data-testid': 'pagination' })}>` +
    `<p class="page-status">${escapeHtml(t(locale, 'pageOf', { page, pages: pageCount }))}</p><ul>${items.join('')}</ul></nav>`
  );
}

/** An error box; its retry button re-renders the current route (handled by the app). */
export function errorHtml(locale: Locale, error: unknown, retry = true): string {
  const message = error instanceof Error ? error.message : String(error);
  const button = retry
    ? ` <button type="button" class="button button--small" data-action="retry" data-testid="error-retry">${escapeHtml(t(locale, 'errorRetry'))}</button>`
    : '';
  return `<div class="message message--error" role="alert" data-testid="error-message">${escapeHtml(t(locale, 'errorPrefix') + message)}${button}</div>`;
}

export function noteHtml(text: string, testId: string, kind: 'info' | 'warning' = 'info'): string {
  return `<p class="message message--${kind}"${attrs({ 'data-testid': testId })}>${escapeHtml(text)}</p>`;
}

export function optionsHtml(options: { value: string; label: string }[], selected: string | undefined): string {
  return options.map((o) => `<option${attrs({ value: o.value, selected: o.value === (selected ?? '') })}>${escapeHtml(o.label)}</option>`).join('');
}

/** Dates as given by the API (YYYY-MM-DD) are shown as is; anything else is shown escaped. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m ? m[1] : value;
}

export interface Crumb {
  label: string;
  href?: string;
}

/** 当前位置：首页 › 政府信息 › 标题 — the last crumb is the current page. */
export function breadcrumbsHtml(crumbs: Crumb[]): string {
  const items = crumbs.map((c, i) =>
    i === crumbs.length - 1 || !c.href
      ? `<li aria-current="page">${escapeHtml(c.label)}</li>`
      : `<li><a${attrs({ href: c.href })}>${escapeHtml(c.label)}</a></li>`,
  );
  return `<ol>${items.join('')}</ol>`;
}

/** 2026-12-06 14:05, in Beijing time (as the office published it). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const local = new Date(d.getTime() + 8 * 3600 * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** 发布时间 and 来源 under a notice's or a report's title. */
export function articleInfoHtml(locale: Locale, publishedAt: string | null | undefined, source: string | null | undefined): string {
  const parts = [
    publishedAt ? `<span data-testid="published-at">${escapeHtml(t(locale, 'publishedAt'))}：${escapeHtml(formatDateTime(publishedAt))}</span>` : '',
    source ? `<span data-testid="source">${escapeHtml(t(locale, 'source'))}：${escapeHtml(source)}</span>` : '',
  ].filter(Boolean);
  return parts.length ? `<p class="article-info" data-testid="article-info">${parts.join('')}</p>` : '';
}

/** 打印 on a notice or report page (the print stylesheet leaves the page's own content only). */
export function articleToolsHtml(locale: Locale): string {
  return `<div class="article-tools"><button type="button" class="button button--secondary" data-action="print" data-testid="print">${escapeHtml(t(locale, 'print'))}</button></div>`;
}

/** On a Traditional page older than its Simplified source: a note, and a way to read the Simplified one. */
export function staleNoteHtml(locale: Locale): string {
  return (
    `<div class="message message--warning" role="note" data-testid="stale-version-note"><p>${escapeHtml(t(locale, 'staleVersion'))} ` +
    `<button type="button" class="link-button" data-switch-locale="zh-Hans" lang="zh-Hans">${escapeHtml(t(locale, 'showSimplified'))}</button></p></div>`
  );
}
