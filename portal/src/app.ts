/**
 * The app shell: the header's labels and script switch, the router loop, the live region.
 */
import { LABELS, t, type LabelKey, type Locale } from './i18n';
import { loadLocale, saveLocale } from './locale';
import { parseHash, type Route } from './router';
import { errorHtml, type ViewContext } from './ui';
import { renderCatalogue } from './views/catalogue';
import { renderNotice } from './views/notice';
import { renderNotices } from './views/notices';
import { renderReport, renderReports } from './views/reports';

interface AppState {
  locale: Locale;
  generation: number;
  firstRender: boolean;
}

const state: AppState = { locale: loadLocale(), generation: 0, firstRender: true };

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
  main.setAttribute('aria-busy', 'true');
  main.dataset.route = route.name;
  main.dataset.state = 'loading';
  announce(t(locale, 'loading'));

  const ctx: ViewContext = {
    locale,
    main,
    isCurrent: () => generation === state.generation && locale === state.locale,
    setTitle: (title) => {
      document.title = `${title} - ${t(locale, 'siteTitle')}`;
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
      default:
        ctx.setTitle(t(locale, 'notFoundTitle'));
        main.innerHTML = `<h1 tabindex="-1" data-testid="page-title">${t(locale, 'notFoundTitle')}</h1><p>${t(locale, 'notFoundText')}</p><p><a href="#/">${t(locale, 'backHome')}</a></p>`;
    }
  } catch (e) {
    if (ctx.isCurrent()) main.innerHTML = errorHtml(locale, e);
  }
  if (!ctx.isCurrent()) return;
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

export function start(): void {
  applyLocale(state.locale);
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
  });
  window.addEventListener('hashchange', () => {
    if (location.hash && !location.hash.startsWith('#/')) return; // in-page anchors
    void render();
  });
  void render();
}
