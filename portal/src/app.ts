/**
 * The app shell: the header's labels and script switch, the router loop, the live region.
 */
import { fetchSite, type Site } from './api';
import { LABELS, t, type LabelKey, type Locale } from './i18n';
import { loadLocale, saveLocale } from './locale';
import { applyPreferences, loadPreferences, savePreferences, type FontSize } from './preferences';
import { parseHash, type Route } from './router';
import { voteFrom } from './helpful';
import { breadcrumbsHtml, errorHtml, type Crumb, type ViewContext } from './ui';
import { footerHtml, headerTitleHtml, siteName } from './site';
import { renderCatalogue } from './views/catalogue';
import { renderNotice } from './views/notice';
import { renderNotices } from './views/notices';
import { renderReport, renderReports } from './views/reports';
import { renderApply } from './views/apply';
import { renderApplyStatus } from './views/apply-status';

interface AppState {
  locale: Locale;
  generation: number;
  firstRender: boolean;
  /** 网站信息 per locale, once loaded (null: none configured or unavailable). */
  site: Partial<Record<Locale, Promise<Site | null>>>;
}

const state: AppState = { locale: loadLocale(), generation: 0, firstRender: true, site: {} };

function siteFor(locale: Locale): Promise<Site | null> {
  state.site[locale] ??= fetchSite(locale).catch(() => null);
  return state.site[locale]!;
}

/** Header title, footer and document titles from 网站信息. */
async function applySite(locale: Locale): Promise<Site | null> {
  const site = await siteFor(locale);
  if (locale !== state.locale) return site;
  const title = document.querySelector<HTMLElement>('.site-title');
  if (title) title.innerHTML = headerTitleHtml(site, locale);
  const footer = document.querySelector<HTMLElement>('.site-footer');
  if (footer) footer.innerHTML = footerHtml(site, locale);
  return site;
}

/** 当前位置 from the route: home, the section, and the page's own title. */
function crumbsFor(route: Route, locale: Locale, pageTitle: string | null): Crumb[] {
  const home: Crumb = { label: t(locale, 'breadcrumbHome'), href: '#/' };
  switch (route.name) {
    case 'home':
      return [home, { label: t(locale, 'navHome') }];
    case 'notices':
      return [home, { label: t(locale, 'navNotices') }];
    case 'notice':
      return [home, { label: t(locale, 'navNotices'), href: '#/notices' }, { label: pageTitle ?? '' }];
    case 'reports':
      return [home, { label: t(locale, 'navReports') }];
    case 'report':
      return [home, { label: t(locale, 'navReports'), href: '#/reports' }, { label: pageTitle ?? '' }];
    case 'apply':
      return [home, { label: t(locale, 'navApply') }];
    case 'apply-status':
      return [home, { label: t(locale, 'navApply'), href: '#/apply' }, { label: pageTitle ?? '' }];
    default:
      return [home, { label: pageTitle ?? t(locale, 'notFoundTitle') }];
  }
}

function $(selector: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(selector);
}

/** Applies the locale to <html lang>, the static labels (data-label / data-label-aria) and the switch. */
function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.querySelectorAll<HTMLElement>('[data-label]').forEach((el) => {
    const key = el.dataset.label as LabelKey;
    if (key in LABELS[locale]) el.textContent = t(locale, key);
  });
  document.querySelectorAll<HTMLElement>('[data-label-aria]').forEach((el) => {
    const key = el.dataset.labelAria as LabelKey;
    if (key in LABELS[locale]) el.setAttribute('aria-label', t(locale, key));
  });
  document.querySelectorAll<HTMLButtonElement>('[data-locale]').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
  });
}

let announceTimer: ReturnType<typeof setTimeout> | undefined;
function announce(message: string): void {
  const status = $('#status');
  if (!status) return;
  // Clear then set, so the same message is announced again.
  status.textContent = '';
  if (announceTimer) clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    status.textContent = message;
  }, 50);
}

function markNav(route: Route): void {
  const active =
    route.name === 'home'
      ? 'home'
      : route.name === 'notices' || route.name === 'notice'
        ? 'notices'
        : route.name === 'reports' || route.name === 'report'
          ? 'reports'
          : route.name === 'apply' || route.name === 'apply-status'
            ? 'apply'
            : '';
  document.querySelectorAll<HTMLElement>('[data-nav]').forEach((a) => {
    if (a.dataset.nav === active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

async function render(): Promise<void> {
  const main = $('#main');
  if (!main) return;
  const generation = ++state.generation;
  const locale = state.locale;
  const route = parseHash(location.hash);
  const focusAfter = !state.firstRender;
  state.firstRender = false;
  markNav(route);
  const site = await applySite(locale);
  if (generation !== state.generation) return;
  let pageTitle: string | null = null;
  main.setAttribute('aria-busy', 'true');
  main.dataset.route = route.name;
  main.dataset.state = 'loading';
  announce(t(locale, 'loading'));

  const ctx: ViewContext = {
    locale,
    main,
    isCurrent: () => generation === state.generation && locale === state.locale,
    setTitle: (title) => {
      pageTitle = title;
      document.title = `${title} - ${siteName(site, locale)}`;
    },
    announce,
    navigate: (hash) => {
      if (location.hash === hash) void render();
      else location.hash = hash;
    },
  };

  try {
    switch (route.name) {
      case 'home':
        await renderCatalogue(ctx, route.params);
        break;
      case 'notices':
        await renderNotices(ctx, route.params);
        break;
      case 'notice':
        await renderNotice(ctx, route.documentId);
        break;
      case 'reports':
        await renderReports(ctx);
        break;
      case 'report':
        await renderReport(ctx, route.documentId);
        break;
      case 'apply':
        await renderApply(ctx);
        break;
      case 'apply-status':
        await renderApplyStatus(ctx);
        break;
      default:
        ctx.setTitle(t(locale, 'notFoundTitle'));
        main.innerHTML = `<h1 tabindex="-1" data-testid="page-title">${t(locale, 'notFoundTitle')}</h1><p>${t(locale, 'notFoundText')}</p><p><a href="#/">${t(locale, 'backHome')}</a></p>`;
    }
  } catch (e) {
    if (ctx.isCurrent()) main.innerHTML = errorHtml(locale, e);
  }
  if (!ctx.isCurrent()) return;
  const trail = $('.breadcrumbs');
  if (trail) trail.innerHTML = breadcrumbsHtml(crumbsFor(route, locale, pageTitle));
  main.removeAttribute('aria-busy');
  main.dataset.state = main.querySelector('[data-testid="error-message"]') ? 'error' : 'ready';
  const error = main.querySelector('[data-testid="error-message"]');
  announce(error ? (error.textContent ?? '') : `${t(locale, 'loaded')}：${document.title}`);
  if (focusAfter) {
    const heading = main.querySelector<HTMLElement>('h1');
    (heading ?? main).focus({ preventScroll: false });
  }
}

function setLocale(locale: Locale): void {
  if (locale === state.locale) return;
  state.locale = locale;
  saveLocale(locale);
  applyLocale(locale);
  // Reload everything in the new script; keep focus on the switch.
  state.firstRender = true;
  void render();
}

/** 字号 and 关怀模式: remembered, applied to <html>, announced. */
function bindPreferences(): void {
  let prefs = loadPreferences();
  applyPreferences(prefs);
  const update = (next: typeof prefs, message: string) => {
    prefs = next;
    savePreferences(prefs);
    applyPreferences(prefs);
    announce(message);
  };
  document.querySelectorAll<HTMLButtonElement>('[data-font-size-option]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () =>
      update({ ...prefs, fontSize: button.dataset.fontSizeOption as FontSize }, `${t(state.locale, 'fontSize')}：${button.textContent ?? ''}`),
    );
  });
  document.querySelectorAll<HTMLButtonElement>('[data-care-mode]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () =>
      update({ ...prefs, care: !prefs.care }, `${t(state.locale, 'careMode')}：${t(state.locale, prefs.care ? 'switchedOff' : 'switchedOn')}`),
    );
  });
}

export function start(): void {
  applyLocale(state.locale);
  bindPreferences();
  document.querySelectorAll<HTMLButtonElement>('[data-locale]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => setLocale(button.dataset.locale === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans'));
  });
  // The skip link must not change the route.
  $('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    $('#main')?.focus();
  });
  // Retry buttons in error boxes re-render the current route.
  $('#main')?.addEventListener('click', (event) => {
    if ((event.target as Element).closest('[data-action="retry"]')) void render();
    if ((event.target as Element).closest('[data-action="print"]')) window.print();
    const helpful = (event.target as Element).closest<HTMLElement>('[data-action="helpful"]');
    if (helpful) void voteFrom(helpful, state.locale);
    const to = (event.target as Element).closest<HTMLElement>('[data-switch-locale]')?.dataset.switchLocale;
    if (to === 'zh-Hans' || to === 'zh-Hant') setLocale(to);
  });
  window.addEventListener('hashchange', () => {
    if (location.hash && !location.hash.startsWith('#/')) return; // in-page anchors
    void render();
  });
  void render();
}
