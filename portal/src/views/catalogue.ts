/**
 * Home: the disclosure catalogue tree with rolled-up counts of published notices for an
 * organization and year (stats endpoint), names in the page's script (content API).
 */
import { fetchCategoriesOrSource, fetchOrganizations, fetchReports, fetchStats, type AnnualReport, type Organization, type Stats } from '../api';
import { buildTree, type CategoryRecord, type TreeNode } from '../catalogue';
import { attrs, escapeHtml } from '../html';
import { t, type Locale } from '../i18n';
import { selectableYears } from '../queries';
import { buildHash, noticesHash, type CatalogueParams } from '../router';
import { errorHtml, noteHtml, optionsHtml, type ViewContext } from '../ui';

export const DEFAULT_ORGANIZATION = '430381106';

export function defaultOrganization(orgs: Organization[], wanted?: string): string | undefined {
  if (wanted && orgs.some((o) => o.code === wanted)) return wanted;
  if (wanted && orgs.length === 0) return wanted;
  if (orgs.some((o) => o.code === DEFAULT_ORGANIZATION)) return DEFAULT_ORGANIZATION;
  return orgs[0]?.code ?? wanted ?? DEFAULT_ORGANIZATION;
}

/** The category the annual reports belong to: it lists them (the reports page) and counts them, not notices. */
export const REPORT_CATEGORY = 'REPORT';

/** Categories whose content is not notices: where their link goes and what their count is. */
export type CategoryOverrides = Map<string, { href: string; total: number | null }>;

/** The organization's published reports on the catalogue's year (a report is filed under the year it reports on). */
export function reportOverrides(reports: readonly AnnualReport[] | null, org: string, year: number): CategoryOverrides {
  const total = reports ? reports.filter((r) => r.organization?.code === org && Number(r.year) === year).length : null;
  return new Map([[REPORT_CATEGORY, { href: buildHash({ name: 'reports' }), total }]]);
}

function nodeHtml(node: TreeNode, locale: Locale, org: string, year: number, depth: number, overrides: CategoryOverrides): string {
  const id = `cat-${node.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const hasChildren = node.children.length > 0;
  const override = overrides.get(node.code);
  if (override) node = { ...node, total: override.total };
  const count =
    node.total === null
      ? ''
      : ` <span class="count"${attrs({ 'data-testid': `catalogue-count-${node.code}` })}>(${node.total}<span class="visually-hidden">${escapeHtml(t(locale, 'countSuffix'))}</span>)</span>`;
  const toggle = hasChildren
    ? `<button type="button" class="tree-toggle"${attrs({
        'aria-expanded': 'true',
        'aria-controls': `${id}-children`,
        'aria-label': `${t(locale, 'collapse')} ${node.name}`,
        'data-expand-label': `${t(locale, 'expand')} ${node.name}`,
        'data-collapse-label': `${t(locale, 'collapse')} ${node.name}`,
        'data-testid': `catalogue-toggle-${node.code}`,
      })}><span aria-hidden="true" class="tree-toggle-icon"></span></button>`
    : '<span class="tree-toggle-spacer" aria-hidden="true"></span>';
  const link = `<a class="tree-link"${attrs({
    href: override?.href ?? noticesHash({ category: node.code, year, org }),
    'data-testid': `catalogue-link-${node.code}`,
    'data-code': node.code,
  })}><span class="tree-name">${escapeHtml(node.name)}</span>${count}</a>`;
  const children = hasChildren
    ? `<ul class="tree-group"${attrs({ id: `${id}-children` })}>${node.children.map((c) => nodeHtml(c, locale, org, year, depth + 1, overrides)).join('')}</ul>`
    : '';
  return `<li class="tree-item"${attrs({ 'data-testid': `catalogue-item-${node.code}`, 'data-depth': depth })}><div class="tree-row">${toggle}${link}</div>${children}</li>`;
}

export function treeHtml(tree: TreeNode[], locale: Locale, org: string, year: number, overrides: CategoryOverrides = new Map()): string {
  return `<ul class="tree" data-testid="catalogue-tree">${tree.map((n) => nodeHtml(n, locale, org, year, 0, overrides)).join('')}</ul>`;
}

function bindTree(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.tree-toggle');
    if (!button || !root.contains(button)) return;
    const expanded = button.getAttribute('aria-expanded') === 'true';
    const group = document.getElementById(button.getAttribute('aria-controls') ?? '');
    button.setAttribute('aria-expanded', String(!expanded));
    button.setAttribute('aria-label', (expanded ? button.dataset.expandLabel : button.dataset.collapseLabel) ?? '');
    if (group) group.hidden = expanded;
  });
  // Arrow keys move between the tree's links and toggles; Left/Right collapse/expand.
  root.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (!target.matches('.tree-link, .tree-toggle')) return;
    const focusables = Array.from(root.querySelectorAll<HTMLElement>('.tree-link')).filter((el) => el.offsetParent !== null || el === target);
    const row = target.closest('.tree-row');
    const toggle = row?.querySelector<HTMLButtonElement>('.tree-toggle');
    const link = row?.querySelector<HTMLElement>('.tree-link');
    const index = link ? focusables.indexOf(link) : -1;
    switch (event.key) {
      case 'ArrowDown':
        if (index >= 0 && index < focusables.length - 1) focusables[index + 1].focus();
        break;
      case 'ArrowUp':
        if (index > 0) focusables[index - 1].focus();
        break;
      case 'Home':
        focusables[0]?.focus();
        break;
      case 'End':
        focusables[focusables.length - 1]?.focus();
        break;
      case 'ArrowRight':
        if (toggle && toggle.getAttribute('aria-expanded') === 'false') toggle.click();
        break;
      case 'ArrowLeft':
        if (toggle && toggle.getAttribute('aria-expanded') === 'true') toggle.click();
        else {
          const parentLink = row?.closest('.tree-group')?.closest('.tree-item')?.querySelector<HTMLElement>(':scope > .tree-row > .tree-link');
          parentLink?.focus();
        }
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}

export async function renderCatalogue(ctx: ViewContext, params: CatalogueParams): Promise<void> {
  const { locale } = ctx;
  const year = params.year ?? new Date().getFullYear();
  const [orgsResult, categoriesResult, reportsResult] = await Promise.allSettled([
    fetchOrganizations(locale),
    fetchCategoriesOrSource(locale),
    fetchReports(locale),
  ]);
  if (!ctx.isCurrent()) return;
  const orgs = orgsResult.status === 'fulfilled' ? orgsResult.value : [];
  const org = defaultOrganization(orgs, params.org)!;
  let stats: Stats | null = null;
  let statsError: unknown = null;
  try {
    stats = await fetchStats(org, year);
  } catch (e) {
    statsError = e;
  }
  if (!ctx.isCurrent()) return;

  const categories: CategoryRecord[] = categoriesResult.status === 'fulfilled' ? categoriesResult.value : [];
  const title = t(locale, 'catalogueTitle');
  ctx.setTitle(title);
  const orgOptions = orgs.length ? orgs.map((o) => ({ value: o.code, label: o.name })) : [{ value: org, label: stats?.organization.name ?? org }];
  const yearOptions = selectableYears().map((y) => ({ value: String(y), label: String(y) }));
  const orgName = orgs.find((o) => o.code === org)?.name ?? stats?.organization.name ?? org;

  let body: string;
  if (!categories.length && !stats) {
    body = errorHtml(locale, categoriesResult.status === 'rejected' ? categoriesResult.reason : statsError);
  } else {
    const tree = buildTree(categories, stats ? stats.notices.byCategory : null);
    const total = stats
      ? `<p class="catalogue-total" data-testid="catalogue-total">${escapeHtml(`${orgName} · ${t(locale, 'reportYear', { year })} · ${t(locale, 'totalItems')}`)} <strong>${stats.notices.total}</strong> ${escapeHtml(t(locale, 'countSuffix'))}</p>`
      : noteHtml(t(locale, 'statsUnavailable'), 'stats-unavailable', 'warning');
    body =
      total +
      `<nav class="catalogue" aria-labelledby="catalogue-tree-heading"><h2 id="catalogue-tree-heading">${escapeHtml(t(locale, 'catalogueTree'))}</h2>` +
      treeHtml(tree, locale, org, year, reportOverrides(reportsResult.status === 'fulfilled' ? reportsResult.value : null, org, year)) +
      `</nav>`;
  }

  ctx.main.innerHTML =
    `<h1 tabindex="-1" data-testid="page-title">${escapeHtml(title)}</h1>` +
    `<p class="intro">${escapeHtml(t(locale, 'catalogueIntro'))}</p>` +
    `<form class="filters" data-testid="catalogue-form">` +
    `<div class="field"><label for="catalogue-org">${escapeHtml(t(locale, 'organization'))}</label>` +
    `<select id="catalogue-org" name="org" data-testid="org-select">${optionsHtml(orgOptions, org)}</select></div>` +
    `<div class="field"><label for="catalogue-year">${escapeHtml(t(locale, 'year'))}</label>` +
    `<select id="catalogue-year" name="year" data-testid="year-select">${optionsHtml(yearOptions, String(year))}</select></div>` +
    `<div class="field field--submit"><button type="submit" class="button" data-testid="catalogue-submit">${escapeHtml(t(locale, 'showCounts'))}</button></div>` +
    `</form>` +
    body;

  const form = ctx.main.querySelector<HTMLFormElement>('form.filters')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    ctx.navigate(buildHash({ name: 'home', params: { org: String(data.get('org') ?? ''), year: Number(data.get('year')) || undefined } }));
  });
  const nav = ctx.main.querySelector<HTMLElement>('nav.catalogue');
  if (nav) bindTree(nav);
}
