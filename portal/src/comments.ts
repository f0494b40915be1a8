/**
 * 留言 on notice and report pages: the approved comments with the office's replies, and a form whose
 * comment shows once an editor approves it. The contact field is optional and never shown.
 */
import { ApiError, fetchComments, sendComment, type HelpfulKind, type PublicComment } from './api';
import { attrs, escapeHtml } from './html';
import { t, type Locale } from './i18n';
import { formatDateTime } from './ui';

export function commentsHtml(locale: Locale, kind: HelpfulKind, documentId: string): string {
  const field = (id: string, label: string, input: string) => `<div class="field"><label for="${id}">${escapeHtml(label)}</label>${input}</div>`;
  return (
    `<section class="comments" aria-labelledby="comments-heading"${attrs({ 'data-testid': 'comments', 'data-kind': kind, 'data-document-id': documentId })}>` +
    `<h2 id="comments-heading">${escapeHtml(t(locale, 'commentsTitle'))}</h2>` +
    `<ol class="comment-list" data-testid="comment-list"></ol>` +
    `<form class="comment-form" data-testid="comment-form" novalidate>` +
    `<h3>${escapeHtml(t(locale, 'commentFormTitle'))}</h3>` +
    field(
      'comment-nickname',
      t(locale, 'commentNickname'),
      `<input id="comment-nickname" name="nickname" maxlength="20" required autocomplete="nickname" data-testid="comment-nickname">`,
    ) +
    field(
      'comment-text',
      t(locale, 'commentText'),
      `<textarea id="comment-text" name="text" maxlength="500" rows="4" required data-testid="comment-text"></textarea>`,
    ) +
    field(
      'comment-contact',
      t(locale, 'commentContact'),
      `<input id="comment-contact" name="contact" maxlength="100" autocomplete="tel" aria-describedby="comment-contact-hint" data-testid="comment-contact">` +
        `<span id="comment-contact-hint" class="hint">${escapeHtml(t(locale, 'commentContactHint'))}</span>`,
    ) +
    // people never see this field; robots fill it in
    `<div class="hp" aria-hidden="true"><label for="comment-website">Website</label><input id="comment-website" name="website" tabindex="-1" autocomplete="off"></div>` +
    `<p class="hint">${escapeHtml(t(locale, 'commentModerationHint'))}</p>` +
    `<button type="submit" class="button" data-testid="comment-submit">${escapeHtml(t(locale, 'commentSubmit'))}</button>` +
    `<p class="comment-status" role="status" data-testid="comment-status"></p>` +
    `</form></section>`
  );
}

export function commentItemHtml(c: PublicComment, locale: Locale): string {
  return (
    `<li class="comment" data-testid="comment">` +
    `<p class="comment-meta"><span class="comment-nickname">${escapeHtml(c.nickname)}</span> <time>${escapeHtml(formatDateTime(c.createdAt))}</time></p>` +
    `<p class="comment-text">${escapeHtml(c.text)}</p>` +
    (c.reply
      ? `<div class="comment-reply" data-testid="comment-reply"><p><strong>${escapeHtml(t(locale, 'commentReply'))}</strong>${escapeHtml(c.reply)}</p></div>`
      : '') +
    `</li>`
  );
}

/** Fills in the approved comments and wires the form of every comment section on the page. */
export async function loadComments(root: ParentNode, locale: Locale): Promise<void> {
  const sections = Array.from(root.querySelectorAll<HTMLElement>('[data-testid="comments"]'));
  await Promise.all(
    sections.map(async (section) => {
      const kind = section.dataset.kind as HelpfulKind;
      const documentId = section.dataset.documentId!;
      const listEl = section.querySelector('[data-testid="comment-list"]')!;
      try {
        const comments = await fetchComments(kind, documentId, locale);
        listEl.innerHTML = comments.length
          ? comments.map((c) => commentItemHtml(c, locale)).join('')
          : `<li class="comment comment--none">${escapeHtml(t(locale, 'commentsNone'))}</li>`;
      } catch {
        section.hidden = true;
        return;
      }
      const form = section.querySelector<HTMLFormElement>('form')!;
      const status = form.querySelector('[data-testid="comment-status"]')!;
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const data = new FormData(form);
        const value = (k: string) => String(data.get(k) ?? '').trim();
        if (!value('nickname') || !value('text')) {
          status.textContent = t(locale, 'commentRequired');
          return;
        }
        const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
        button.disabled = true;
        try {
          await sendComment(kind, documentId, {
            nickname: value('nickname'),
            text: value('text'),
            contact: value('contact') || undefined,
            website: value('website') || undefined,
          });
          form.reset();
          status.textContent = t(locale, 'commentSent');
        } catch (e) {
          status.textContent = e instanceof ApiError && e.status >= 400 && e.status < 500 && e.message ? e.message : t(locale, 'commentFailed');
        } finally {
          button.disabled = false;
        }
      });
    }),
  );
}
