/**
 * Notice list: filter by category (with its descendants), year (releaseDate) and organization,
 * paginated; with a keyword, the full-text search route (notices and reports, either script, ranked,
 * hits marked) under the same filters.
 */
import { fetchCategoriesOrSource, fetchNotices, fetchOrganizations, fetchSearch, fetchSite, type Notice, type SearchHit } from '../api';
import { buildTree, descendantCodes, type TreeNode } from '../catalogue';
import { attrs, escapeHtml, markedHtml } from '../html';
import { t, type Locale } from '../i18n';
import { selectableYears } from '../queries';
import { buildHash, noticesHash, type NoticeListParams } from '../router';
import { applyGuideHtml } from '../site';
import { errorHtml, formatDate, noteHtml, optionsHtml, paginationHtml, type ViewContext } from '../ui';

/** 依申请公开: the category whose own content is how to apply. */
const APPLY_CATEGORY = 'APPLY';

function flatten(tree: TreeNode[], depth = 0, out: { value: string; label: string }[] = []) {
  for (const n of tree) {
    out.push({ value: n.code, label: `${'\u3000'.repeat(depth)}${n.name}` });
    flatten(n.children, depth + 1, out);
  }
  return out;
}

export function noticeItemHtml(notice: Notice, locale: Locale): string {
  const meta = [
    notice.releaseDate
      ? `<span class="meta-item"><span class="meta-label">${escapeHtml(t(locale, 'releaseDate'))}</span> <time datetime="${escapeHtml(formatDate(notice.releaseDate))}">${escapeHtml(formatDate(notice.releaseDate))}</time></span>`
      : '',
    notice.indexNumber
      ? `<span class="meta-item"><span class="meta-label">${escapeHtml(t(locale, 'indexNumber'))}</span> ${escapeHtml(notice.indexNumber)}</span>`
      : '',
    notice.organization?.name ? `<span class="meta-item">${escapeHtml(notice.organization.name)}</span>` : '',
    notice.category?.name ? `<span class="meta-item">${escapeHtml(notice.category.name)}</span>` : '',
  ].filter(Boolean);
  return (
    `<li class="notice-item"${attrs({ 'data-testid': 'notice-item', 'data-document-id': notice.documentId })}>` +
    `<h3 class="notice-item-title"><a${attrs({ href: buildHash({ name: 'notice', documentId: notice.documentId }), 'data-testid': 'notice-link' })}>${escapeHtml(notice.title)}</a></h3>` +
    (notice.summary ? `<p class="notice-item-summary">${escapeHtml(notice.summary)}</p>` : '') +
    `<p class="notice-item-meta">${meta.join('')}</p></li>`
  );
}

export function searchHitHtml(hit: SearchHit, locale: Locale): string {
  const href = hit.kind === 'report' ? buildHash({ name: 'report', documentId: hit.documentId }) : buildHash({ name: 'notice', documentId: hit.documentId });
  const meta = [
    hit.kind === 'report' ? `<span class="meta-item">${escapeHtml(t(locale, 'reportsTitle'))}</span>` : '',
    hit.releaseDate
      ? `<span class="meta-item"><span class="meta-label">${escapeHtml(t(locale, 'releaseDate'))}</span> <time datetime="${escapeHtml(hit.releaseDate)}">${escapeHtml(hit.releaseDate)}</time></span>`
      : '',
    hit.documentNumber
      ? `<span class="meta-item"><span class="meta-label">${escapeHtml(t(locale, 'documentNumber'))}</span> ${escapeHtml(hit.documentNumber)}</span>`
      : '',
  ].filter(Boolean);
  return (
    `<li class="notice-item"${attrs({ 'data-testid': 'search-hit', 'data-document-id': hit.documentId, 'data-kind': hit.kind })}>` +
    `<h3 class="notice-item-title"><a${attrs({ href, 'data-testid': 'notice-link' })}>${markedHtml(hit.titleHtml)}</a></h3>` +
    (hit.excerptHtml ? `<p class="notice-item-summary search-excerpt">${markedHtml(hit.excerptHtml)}</p>` : '') +
    `<p class="notice-item-meta">${meta.join('')}</p></li>`
  );
}

async function listHtmlOf(ctx: ViewContext, params: NoticeListParams, categoryCodes: string[] | undefined): Promise<string | null> {
  const { locale } = ctx;
  const q = params.q?.trim();
  const search = q ? await fetchSearch({ q, locale, category: params.category, organization: params.org, year: params.year, page: params.page }) : null;
  const res = search ?? (await fetchNotices({ locale, categoryCodes, year: params.year, organization: params.org, page: params.page }));
  if (!ctx.isCurrent()) return null;
  const { total, pageCount, page, totalCapped } = res.meta.pagination;
  const count = t(locale, totalCapped ? 'resultsCountCapped' : 'resultsCount', { n: total });
  const items = search ? search.data.map((h) => searchHitHtml(h, locale)) : (res.data as Notice[]).map((n) => noticeItemHtml(n, locale));
  const searchedAs = search?.meta.searchedAs ?? [];
  ctx.announce(count);
  return (
    (searchedAs.length ? noteHtml(t(locale, 'searchedAs', { q: searchedAs.join(' ') }), 'search-converted-note') : '') +
    `<p class="result-count" data-testid="notice-count" data-total="${total}">${escapeHtml(count)}</p>` +
    (items.length ? `<ol class="notice-list" data-testid="notice-list">${items.join('')}</ol>` : noteHtml(t(locale, 'noResults'), 'empty-message')) +
    paginationHtml(locale, page, pageCount, (p) => noticesHash({ ...params, page: p }))
  );
}

export async function renderNotices(ctx: ViewContext, params: NoticeListParams): Promise<void> {
  const { locale } = ctx;
  const [categoriesResult, orgsResult] = await Promise.all([
    fetchCategoriesOrSource(locale).then(
      (v) => ({ ok: true as const, v }),
      (e) => ({ ok: false as const, e }),
    ),
    fetchOrganizations(locale).then(
      (v) => v,
      () => [],
    ),
  ]);
  const site = params.category === APPLY_CATEGORY ? await fetchSite(locale).catch(() => null) : null;
  if (!ctx.isCurrent()) return;
  const categories = categoriesResult.ok ? categoriesResult.v : [];
  const tree = buildTree(categories, null);
  const categoryCodes = params.category ? (categories.length ? descendantCodes(categories, params.category) : [params.category]) : undefined;
  const categoryName = params.category ? (categories.find((c) => c.code === params.category)?.name ?? params.category) : undefined;

  let listHtml: string;
  try {
    const html = await listHtmlOf(ctx, params, categoryCodes);
    if (html === null) return;
    listHtml = html;
  } catch (e) {
    if (!ctx.isCurrent()) return;
    listHtml = errorHtml(locale, e);
  }

  const title = categoryName ? `${t(locale, 'noticesTitle')} · ${categoryName}` : t(locale, 'noticesTitle');
  ctx.setTitle(title);
  const yearOptions = [{ value: '', label: t(locale, 'allYears') }, ...selectableYears().map((y) => ({ value: String(y), label: String(y) }))];
  const orgOptions = [{ value: '', label: t(locale, 'allOrganizations') }, ...orgsResult.map((o) => ({ value: o.code, label: o.name }))];
  if (params.org && !orgsResult.some((o) => o.code === params.org)) orgOptions.push({ value: params.org, label: params.org });
  const categoryOptions = [{ value: '', label: t(locale, 'allCategories') }, ...flatten(tree)];
  if (params.category && !categories.some((c) => c.code === params.category)) categoryOptions.push({ value: params.category, label: params.category });

  ctx.main.innerHTML =
    `<h1 tabindex="-1" data-testid="page-title">${escapeHtml(title)}</h1>` +
    `<form class="filters filters--search" role="search" data-testid="notice-search-form"${attrs({ 'aria-label': t(locale, 'searchTitle') })}>` +
    `<div class="field field--wide"><label for="notice-q">${escapeHtml(t(locale, 'keyword'))}</label>` +
    `<input id="notice-q" name="q" type="search" maxlength="100" aria-describedby="notice-q-hint"${attrs({ value: params.q ?? '' })} data-testid="notice-search-input">` +
    `<span id="notice-q-hint" class="hint">${escapeHtml(t(locale, 'keywordHint'))}</span></div>` +
    `<div class="field"><label for="notice-category">${escapeHtml(t(locale, 'category'))}</label>` +
    `<select id="notice-category" name="category" data-testid="notice-category-select">${optionsHtml(categoryOptions, params.category)}</select></div>` +
    `<div class="field"><label for="notice-org">${escapeHtml(t(locale, 'organization'))}</label>` +
    `<select id="notice-org" name="org" data-testid="notice-org-select">${optionsHtml(orgOptions, params.org)}</select></div>` +
    `<div class="field"><label for="notice-year">${escapeHtml(t(locale, 'year'))}</label>` +
    `<select id="notice-year" name="year" data-testid="notice-year-select">${optionsHtml(yearOptions, params.year ? String(params.year) : '')}</select></div>` +
    `<div class="field field--submit"><button type="submit" class="button" data-testid="notice-search-submit">${escapeHtml(t(locale, 'search'))}</button>` +
    ` <a class="button button--secondary" href="#/notices" data-testid="notice-search-clear">${escapeHtml(t(locale, 'clearFilters'))}</a></div>` +
    `</form>` +
    (categoriesResult.ok ? '' : errorHtml(locale, categoriesResult.e, false)) +
    (params.category === APPLY_CATEGORY ? applyGuideHtml(site, locale) : '') +
    `<section class="results" aria-labelledby="results-heading"><h2 id="results-heading" class="visually-hidden">${escapeHtml(t(locale, 'noticesTitle'))}</h2>${listHtml}</section>`;

  const form = ctx.main.querySelector<HTMLFormElement>('form.filters')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const str = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    ctx.navigate(noticesHash({ q: str('q'), category: str('category'), org: str('org'), year: Number(str('year')) || undefined, page: 1 }));
  });
}
