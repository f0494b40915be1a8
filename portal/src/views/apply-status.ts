/**
 * 办理进度查询: an online application's progress by its tracking number and query code (kept in this page's
 * memory only, never in the URL): receipt and due date with the working-day explanation, a correction request
 * and the form to answer it, an extension, the answer with its documents, a dismissal, the history.
 */
import { type ApplicationFile, type ApplicationStatus, downloadReply, FormError, lookupApplication, sendCorrection } from '../api';
import { attrs, escapeHtml } from '../html';
import { t, type LabelKey, type Locale } from '../i18n';
import { formatDate, formatDateTime, noteHtml, type ViewContext } from '../ui';

function lookupFormHtml(locale: Locale): string {
  return (
    `<form class="status-form" data-testid="status-form" novalidate>` +
    `<div class="field field--wide"><label for="status-number">${escapeHtml(t(locale, 'receiptNumber'))}</label>` +
    `<input id="status-number" name="trackingNumber" required autocomplete="off" spellcheck="false" data-testid="status-number"></div>` +
    `<div class="field field--wide"><label for="status-code">${escapeHtml(t(locale, 'receiptCode'))}</label>` +
    `<input id="status-code" name="queryCode" required autocomplete="off" spellcheck="false" data-testid="status-code"></div>` +
    `<p><button type="submit" class="button" data-testid="status-submit">${escapeHtml(t(locale, 'statusLookup'))}</button></p>` +
    `<p class="status-message" role="status" data-testid="status-message"></p>` +
    `</form><div data-testid="status-result"></div>`
  );
}

const row = (locale: Locale, label: LabelKey, value: string, testId: string) =>
  `<div class="receipt-row"><dt>${escapeHtml(t(locale, label))}</dt><dd data-testid="${testId}">${value}</dd></div>`;

function filesHtml(locale: Locale, files: ApplicationFile[], downloadable: boolean): string {
  if (!files.length) return '';
  return (
    `<ul class="file-list">` +
    files
      .map(
        (f) =>
          `<li>${escapeHtml(f.name)} <span class="hint">${Math.max(1, Math.round(f.size / 1024))} KB</span>` +
          (downloadable
            ? ` <button type="button" class="button button--small"${attrs({ 'data-file-id': f.id, 'data-file-name': f.name, 'data-testid': `status-download-${f.id}` })}>${escapeHtml(t(locale, 'statusDownload'))}</button>`
            : '') +
          `</li>`,
      )
      .join('') +
    `</ul>`
  );
}

export function statusHtml(locale: Locale, s: ApplicationStatus): string {
  const due = s.dueDate
    ? escapeHtml(formatDate(s.dueDate)) + (s.dueDateProvisional ? escapeHtml(t(locale, 'statusDueProvisional')) : '')
    : escapeHtml(t(locale, 'statusNoDue'));
  const explanation = s.dueDateExplanation.length
    ? `<details class="due-explanation" data-testid="status-due-explanation"><summary>${escapeHtml(t(locale, 'statusDueExplain'))}</summary><ol>` +
      s.dueDateExplanation.map((step) => `<li>${escapeHtml(step.zh)}</li>`).join('') +
      `</ol></details>`
    : '';
  const c = s.correction;
  const correction = c
    ? `<section class="status-section" data-testid="status-correction"><h3>${escapeHtml(t(locale, 'statusCorrection'))}</h3><dl class="receipt-list">` +
      row(locale, 'statusCorrectionRequest', escapeHtml(c.request ?? ''), 'status-correction-request') +
      (c.answerBy ? row(locale, 'statusCorrectionBy', escapeHtml(formatDate(c.answerBy)), 'status-correction-by') : '') +
      (c.receivedDate ? row(locale, 'statusCorrectionReceived', escapeHtml(formatDate(c.receivedDate)), 'status-correction-received') : '') +
      `</dl>` +
      filesHtml(locale, c.files, false) +
      (c.awaiting
        ? `<form class="correction-form" data-testid="correction-form" novalidate>` +
          `<div class="field field--wide"><label for="correction-text">${escapeHtml(t(locale, 'statusCorrectionText'))} <span class="required" aria-hidden="true">*</span></label>` +
          `<textarea id="correction-text" name="text" rows="4" maxlength="2000" required data-testid="correction-text"></textarea></div>` +
          `<div class="field field--wide"><label for="correction-file">${escapeHtml(t(locale, 'applyAttachment'))}</label>` +
          `<input id="correction-file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,.docx" data-testid="correction-file"></div>` +
          `<p><button type="submit" class="button" data-testid="correction-submit">${escapeHtml(t(locale, 'statusCorrectionSubmit'))}</button></p>` +
          `<p class="status-message" role="status" data-testid="correction-message"></p></form>`
        : '') +
      `</section>`
    : '';
  const x = s.extension;
  const extension = x
    ? `<section class="status-section" data-testid="status-extension"><h3>${escapeHtml(t(locale, 'statusExtension'))}</h3><p>` +
      escapeHtml(x.workingDays ? t(locale, 'statusExtensionDays', { n: x.workingDays }) : '') +
      (x.reason ? `：${escapeHtml(x.reason)}` : '') +
      `</p></section>`
    : '';
  const a = s.answer;
  const answer = a
    ? `<section class="status-section" data-testid="status-answer"><h3>${escapeHtml(t(locale, 'statusAnswer'))}</h3><dl class="receipt-list">` +
      row(locale, 'statusAnswerDate', escapeHtml(formatDate(a.date)), 'status-answer-date') +
      row(locale, 'statusOutcome', escapeHtml(a.outcomeLabel ?? ''), 'status-outcome') +
      `</dl>` +
      (a.text ? `<p class="answer-text" data-testid="status-answer-text">${escapeHtml(a.text)}</p>` : '') +
      filesHtml(locale, a.files, true) +
      `</section>`
    : '';
  const dismissal = s.dismissal
    ? `<section class="status-section" data-testid="status-dismissal"><h3>${escapeHtml(t(locale, 'statusDismissed'))}</h3><p>${escapeHtml(t(locale, 'statusReason'))}：${escapeHtml(s.dismissal.reason ?? '')}</p></section>`
    : '';
  const history = s.history.length
    ? `<section class="status-section"><h3>${escapeHtml(t(locale, 'statusHistory'))}</h3><ol class="history" data-testid="status-history">` +
      s.history.map((h) => `<li><time>${escapeHtml(formatDateTime(h.at))}</time> ${escapeHtml(h.statusLabel?.zh ?? h.status)}</li>`).join('') +
      `</ol></section>`
    : '';
  return (
    `<section class="application-status" aria-labelledby="status-result-title" data-status="${escapeHtml(s.status)}">` +
    `<h2 id="status-result-title" tabindex="-1">${escapeHtml(s.trackingNumber)}</h2><dl class="receipt-list">` +
    row(locale, 'applyOrganization', escapeHtml(s.organization ?? ''), 'status-organization') +
    row(locale, 'receiptStatus', `<strong>${escapeHtml(s.statusLabel?.zh ?? s.status)}</strong>`, 'status-label') +
    row(locale, 'statusSubmittedAt', escapeHtml(formatDateTime(s.submittedAt)), 'status-submitted-at') +
    (s.receivedDate ? row(locale, 'statusReceived', escapeHtml(formatDate(s.receivedDate)), 'status-received') : '') +
    (s.status === 'answered' || s.status === 'closed' || s.status === 'dismissed' ? '' : row(locale, 'statusDue', due, 'status-due')) +
    `</dl>` +
    explanation +
    dismissal +
    correction +
    extension +
    answer +
    (s.attachments.length
      ? `<section class="status-section"><h3>${escapeHtml(t(locale, 'statusAttachments'))}</h3>${filesHtml(locale, s.attachments, false)}</section>`
      : '') +
    history +
    `</section>`
  );
}

export async function renderApplyStatus(ctx: ViewContext): Promise<void> {
  const { locale, main } = ctx;
  ctx.setTitle(t(locale, 'statusTitle'));
  main.innerHTML =
    `<h1 tabindex="-1" data-testid="page-title">${escapeHtml(t(locale, 'statusTitle'))}</h1>` +
    `<p class="intro">${escapeHtml(t(locale, 'statusIntro'))}</p>` +
    lookupFormHtml(locale);
  const form = main.querySelector<HTMLFormElement>('[data-testid="status-form"]')!;
  const result = main.querySelector<HTMLElement>('[data-testid="status-result"]')!;
  const message = form.querySelector<HTMLElement>('[data-testid="status-message"]')!;
  let credentials: { trackingNumber: string; queryCode: string } | null = null;

  const show = (status: ApplicationStatus) => {
    result.innerHTML = statusHtml(locale, status);
    bindResult();
  };

  function bindResult() {
    result.querySelectorAll<HTMLButtonElement>('[data-file-id]').forEach((button) =>
      button.addEventListener('click', async () => {
        if (!credentials) return;
        const blob = await downloadReply(credentials.trackingNumber, credentials.queryCode, Number(button.dataset.fileId));
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = button.dataset.fileName ?? 'reply';
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }),
    );
    const correction = result.querySelector<HTMLFormElement>('[data-testid="correction-form"]');
    correction?.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!credentials) return;
      const status = correction.querySelector<HTMLElement>('[data-testid="correction-message"]')!;
      const data = new FormData(correction);
      const file = data.get('file');
      if (file instanceof File && !file.name && file.size === 0) data.delete('file');
      data.set('trackingNumber', credentials.trackingNumber);
      data.set('queryCode', credentials.queryCode);
      data.set('locale', locale);
      const button = correction.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      button.disabled = true;
      try {
        const updated = await sendCorrection(data);
        show(updated);
        result.insertAdjacentHTML('afterbegin', noteHtml(t(locale, 'statusCorrectionSent'), 'correction-sent'));
        ctx.announce(t(locale, 'statusCorrectionSent'));
      } catch (e) {
        status.textContent = e instanceof FormError && e.fields.length ? e.fields.map((f) => f.message).join('；') : e instanceof Error ? e.message : String(e);
        button.disabled = false;
      }
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const trackingNumber = String(data.get('trackingNumber') ?? '').trim();
    const queryCode = String(data.get('queryCode') ?? '').trim();
    message.textContent = '';
    result.innerHTML = '';
    try {
      const status = await lookupApplication(trackingNumber, queryCode, locale);
      credentials = { trackingNumber, queryCode };
      show(status);
      result.querySelector<HTMLElement>('#status-result-title')?.focus();
    } catch (e) {
      credentials = null;
      message.textContent = e instanceof FormError && e.status === 404 ? t(locale, 'statusNotFound') : e instanceof Error ? e.message : String(e);
      ctx.announce(message.textContent);
    }
  });
}
