/**
 * 有用 on notice and report pages: one vote per browser and page. The browser keeps a random token (no
 * personal data) that the server counts once per page.
 */
import { fetchHelpful, voteHelpful, type HelpfulKind } from './api';
import { attrs, escapeHtml } from './html';
import { t, type Locale } from './i18n';

export const VOTER_KEY = 'gongkai.voter';

/** This browser's voter token, made on first use (32 hex digits). */
export function voterToken(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage()): string {
  const saved = storage?.getItem(VOTER_KEY);
  if (saved && /^[0-9a-f]{32}$/.test(saved)) return saved;
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  storage?.setItem(VOTER_KEY, token);
  return token;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function helpfulHtml(locale: Locale, kind: HelpfulKind, documentId: string): string {
  return (
    `<div class="helpful"${attrs({ 'data-testid': 'helpful', 'data-kind': kind, 'data-document-id': documentId })}>` +
    `<button type="button" class="button button--secondary" data-action="helpful" aria-pressed="false" data-testid="helpful-button">` +
    `${escapeHtml(t(locale, 'helpful'))}（<span data-testid="helpful-count">–</span>）</button>` +
    `<span class="helpful-status" role="status" data-testid="helpful-status"></span></div>`
  );
}

function show(box: HTMLElement, locale: Locale, state: { count: number; voted: boolean }) {
  box.querySelector('[data-testid="helpful-count"]')!.textContent = String(state.count);
  const button = box.querySelector<HTMLButtonElement>('[data-action="helpful"]')!;
  button.setAttribute('aria-pressed', String(state.voted));
  button.disabled = state.voted;
  if (state.voted) button.title = t(locale, 'helpfulVoted');
}

/** Fills in the count of every 有用 box on the page. */
export async function loadHelpful(root: ParentNode, locale: Locale): Promise<void> {
  const boxes = Array.from(root.querySelectorAll<HTMLElement>('[data-testid="helpful"]'));
  await Promise.all(
    boxes.map(async (box) => {
      try {
        show(box, locale, await fetchHelpful(box.dataset.kind as HelpfulKind, box.dataset.documentId!, voterToken()));
      } catch {
        box.hidden = true; // the page reads fine without it
      }
    }),
  );
}

/** The button's click: counts this browser once, then shows the new count. */
export async function voteFrom(button: HTMLElement, locale: Locale): Promise<void> {
  const box = button.closest<HTMLElement>('[data-testid="helpful"]');
  if (!box || (button as HTMLButtonElement).disabled) return;
  (button as HTMLButtonElement).disabled = true;
  const status = box.querySelector('[data-testid="helpful-status"]')!;
  try {
    const result = await voteHelpful(box.dataset.kind as HelpfulKind, box.dataset.documentId!, voterToken());
    show(box, locale, { count: result.count, voted: true });
    status.textContent = t(locale, 'helpfulThanks');
  } catch {
    (button as HTMLButtonElement).disabled = false;
    status.textContent = t(locale, 'helpfulFailed');
  }
}
