/**
 * 在线申请 (条例 Art. 27, 29): the form with what Art. 29 asks and nothing more, then the receipt with the
 * tracking number and the query code, shown once. A draft survives a reload in this browser only
 * (sessionStorage, without the attachment); it is cleared once the application is submitted.
 */
import { type ApplyForm, type ApplyReceipt, fetchApplyForm, FormError, submitApplication } from '../api';
import { attrs, escapeHtml } from '../html';
import { t, type LabelKey, type Locale } from '../i18n';
import { formatDateTime, noteHtml, type ViewContext } from '../ui';

const DRAFT_KEY = 'gongkai.applyDraft';
const DRAFTED = [
  'organization',
  'applicantType',
  'applicantName',
  'idType',
  'idNumber',
  'phone',
  'email',
  'address',
  'postcode',
  'requestedContent',
  'requestedTitle',
  'requestedDocumentNumber',
  'deliveryMethod',
  'medium',
];

function field(locale: Locale, name: string, label: LabelKey, input: string, options: { hint?: string; required?: boolean } = {}): string {
  const hint = options.hint ? `<span id="apply-${name}-hint" class="hint">${escapeHtml(options.hint)}</span>` : '';
  return (
    `<div class="field field--wide" data-field="${name}">` +
    `<label for="apply-${name}">${escapeHtml(t(locale, label))}${options.required ? ' <span class="required" aria-hidden="true">*</span>' : ''}</label>` +
    input +
    hint +
    `<span id="apply-${name}-error" class="field-error" data-testid="apply-error-${name}" hidden></span>` +
    `</div>`
  );
}

function describedBy(name: string, hint: boolean) {
  return `apply-${name}-error${hint ? ` apply-${name}-hint` : ''}`;
}

function text(name: string, options: { max: number; required?: boolean; autocomplete?: string; inputmode?: string; hint?: boolean; type?: string }) {
  return `<input${attrs({
    id: `apply-${name}`,
    name,
    type: options.type ?? 'text',
    maxlength: options.max,
    required: options.required,
    autocomplete: options.autocomplete ?? 'off',
    inputmode: options.inputmode,
    'aria-describedby': describedBy(name, !!options.hint),
    'data-testid': `apply-${name}`,
  })}>`;
}

function select(locale: Locale, name: string, choices: { code: string; label: string }[], requiredField = true) {
  return (
    `<select${attrs({ id: `apply-${name}`, name, required: requiredField, 'aria-describedby': describedBy(name, false), 'data-testid': `apply-${name}` })}>` +
    `<option value="">${escapeHtml(t(locale, 'applyChoose'))}</option>` +
    choices.map((c) => `<option${attrs({ value: c.code })}>${escapeHtml(c.label)}</option>`).join('') +
    `</select>`
  );
}

function radios(locale: Locale, name: string, label: LabelKey, choices: { code: string; label: string }[]) {
  return (
    `<fieldset class="field field--wide choice-group" data-field="${name}" aria-describedby="apply-${name}-error">` +
    `<legend>${escapeHtml(t(locale, label))} <span class="required" aria-hidden="true">*</span></legend>` +
    choices
      .map(
        (c) =>
          `<label class="choice"><input${attrs({ type: 'radio', name, value: c.code, required: true, 'data-testid': `apply-${name}-${c.code}` })}> ${escapeHtml(c.label)}</label>`,
      )
      .join('') +
    `<span id="apply-${name}-error" class="field-error" data-testid="apply-error-${name}" hidden></span>` +
    `</fieldset>`
  );
}

export function applyFormHtml(locale: Locale, form: ApplyForm): string {
  const orgs = form.organizations.map((o) => ({ code: o.documentId, label: o.name }));
  const mb = Math.floor(form.limits.attachmentBytes / 1024 / 1024);
  return (
    `<form class="apply-form" data-testid="apply-form" novalidate>` +
    `<p class="message message--error" role="alert" data-testid="apply-summary" hidden></p>` +
    `<fieldset><legend>${escapeHtml(t(locale, 'applyOrganization'))}</legend>` +
    field(locale, 'organization', 'applyOrganization', select(locale, 'organization', orgs), { required: true }) +
    `</fieldset>` +
    `<fieldset><legend>${escapeHtml(t(locale, 'applyApplicant'))}</legend>` +
    field(locale, 'applicantType', 'applyApplicantType', select(locale, 'applicantType', form.choices.applicantType), { required: true }) +
    field(locale, 'applicantName', 'applyName', text('applicantName', { max: form.limits.name, required: true, autocomplete: 'name', hint: true }), {
      hint: t(locale, 'applyNameHint'),
      required: true,
    }) +
    field(locale, 'idType', 'applyIdType', select(locale, 'idType', form.choices.idType), { required: true }) +
    field(locale, 'idNumber', 'applyIdNumber', text('idNumber', { max: 30, required: true, hint: true }), { hint: t(locale, 'applyIdHint'), required: true }) +
    field(locale, 'phone', 'applyPhone', text('phone', { max: 30, autocomplete: 'tel', inputmode: 'tel', type: 'tel', hint: true }), {
      hint: t(locale, 'applyContactHint'),
    }) +
    field(locale, 'email', 'applyEmail', text('email', { max: 100, autocomplete: 'email', inputmode: 'email', type: 'email' })) +
    field(locale, 'address', 'applyAddress', text('address', { max: form.limits.address, autocomplete: 'street-address', hint: true }), {
      hint: t(locale, 'applyAddressHint'),
    }) +
    field(locale, 'postcode', 'applyPostcode', text('postcode', { max: 6, autocomplete: 'postal-code', inputmode: 'numeric' })) +
    `</fieldset>` +
    `<fieldset><legend>${escapeHtml(t(locale, 'applyRequest'))}</legend>` +
    field(
      locale,
      'requestedContent',
      'applyContent',
      `<textarea${attrs({ id: 'apply-requestedContent', name: 'requestedContent', rows: 5, maxlength: form.limits.content, required: true, 'aria-describedby': describedBy('requestedContent', true), 'data-testid': 'apply-requestedContent' })}></textarea>`,
      { hint: t(locale, 'applyContentHint'), required: true },
    ) +
    field(locale, 'requestedTitle', 'applyDocTitle', text('requestedTitle', { max: form.limits.title })) +
    field(locale, 'requestedDocumentNumber', 'applyDocNumber', text('requestedDocumentNumber', { max: form.limits.documentNumber })) +
    `</fieldset>` +
    `<fieldset><legend>${escapeHtml(t(locale, 'applyDelivery'))}</legend>` +
    radios(locale, 'deliveryMethod', 'applyMethod', form.choices.deliveryMethod) +
    radios(locale, 'medium', 'applyMedium', form.choices.medium) +
    field(
      locale,
      'file',
      'applyAttachment',
      `<input${attrs({ id: 'apply-file', name: 'file', type: 'file', accept: '.pdf,.jpg,.jpeg,.png,.docx', 'aria-describedby': describedBy('file', true), 'data-testid': 'apply-file' })}>`,
      { hint: t(locale, 'applyAttachmentHint', { mb }) },
    ) +
    `</fieldset>` +
    `<section class="privacy" aria-labelledby="apply-privacy-title"><h2 id="apply-privacy-title">${escapeHtml(t(locale, 'applyPrivacyTitle'))}</h2>` +
    `<p>${escapeHtml(t(locale, 'applyPrivacy'))}</p>` +
    `<div class="field" data-field="consent"><label class="choice"><input type="checkbox" id="apply-consent" name="consent" value="true" required aria-describedby="apply-consent-error" data-testid="apply-consent"> ${escapeHtml(t(locale, 'applyConsent'))}</label>` +
    `<span id="apply-consent-error" class="field-error" data-testid="apply-error-consent" hidden></span></div></section>` +
    // people never see this field; robots fill it in
    `<div class="hp" aria-hidden="true"><label for="apply-website">Website</label><input id="apply-website" name="website" tabindex="-1" autocomplete="off"></div>` +
    `<p><button type="submit" class="button" data-testid="apply-submit">${escapeHtml(t(locale, 'applySubmit'))}</button></p>` +
    `</form>`
  );
}

export function receiptHtml(locale: Locale, receipt: ApplyReceipt): string {
  const row = (label: LabelKey, value: string, testId: string) =>
    `<div class="receipt-row"><dt>${escapeHtml(t(locale, label))}</dt><dd data-testid="${testId}">${escapeHtml(value)}</dd></div>`;
  return (
    `<section class="receipt" data-testid="apply-receipt" aria-labelledby="receipt-title">` +
    `<h2 id="receipt-title" tabindex="-1">${escapeHtml(t(locale, 'receiptTitle'))}</h2>` +
    `<p>${escapeHtml(t(locale, 'receiptIntro'))}</p>` +
    `<dl class="receipt-list">` +
    row('receiptNumber', receipt.trackingNumber, 'receipt-number') +
    row('receiptCode', receipt.queryCode, 'receipt-code') +
    row('applyOrganization', receipt.organization, 'receipt-organization') +
    row('receiptSubmittedAt', formatDateTime(receipt.submittedAt), 'receipt-submitted-at') +
    row('receiptStatus', t(locale, 'receiptSubmittedStatus'), 'receipt-status') +
    `</dl>` +
    `<p class="hint">${escapeHtml(t(locale, 'receiptNote'))}</p>` +
    `<p class="no-print"><button type="button" class="button" data-action="print-receipt" data-testid="receipt-print">${escapeHtml(t(locale, 'receiptPrint'))}</button> ` +
    `<a class="button button--secondary" href="#/apply/status" data-testid="receipt-status-link">${escapeHtml(t(locale, 'applyStatusLink'))}</a></p>` +
    `</section>`
  );
}

function saveDraft(form: HTMLFormElement) {
  const data = new FormData(form);
  const draft: Record<string, string> = {};
  for (const name of DRAFTED) {
    const value = data.get(name);
    if (typeof value === 'string' && value) draft[name] = value;
  }
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    /* storage off: no draft */
  }
}

function restoreDraft(form: HTMLFormElement): boolean {
  let draft: Record<string, unknown> = {};
  try {
    draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? '{}') ?? {};
  } catch {
    return false;
  }
  let restored = false;
  for (const name of DRAFTED) {
    const value = draft[name];
    if (typeof value !== 'string' || !value) continue;
    const elements = form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`);
    elements.forEach((el) => {
      if (el instanceof HTMLInputElement && el.type === 'radio') el.checked = el.value === value;
      else el.value = value;
    });
    restored = restored || elements.length > 0;
  }
  return restored;
}

/** Shows the server's problems beside their fields (and in a summary at the top), focusing the first. */
function showProblems(form: HTMLFormElement, locale: Locale, problems: { field: string; message: string }[], fallback: string) {
  form.querySelectorAll<HTMLElement>('.field-error').forEach((el) => {
    el.hidden = true;
    el.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const summary = form.querySelector<HTMLElement>('[data-testid="apply-summary"]')!;
  const placed = problems.filter((p) => form.querySelector(`#apply-${p.field}-error`));
  for (const p of placed) {
    const el = form.querySelector<HTMLElement>(`#apply-${p.field}-error`)!;
    el.textContent = el.textContent ? `${el.textContent}；${p.message}` : p.message;
    el.hidden = false;
    form.querySelectorAll(`[name="${p.field}"]`).forEach((input) => input.setAttribute('aria-invalid', 'true'));
  }
  summary.textContent = placed.length ? t(locale, 'applyFixErrors', { n: placed.length }) + placed.map((p) => p.message.split(' / ')[0]).join('；') : fallback;
  summary.hidden = false;
  const first = placed.length ? form.querySelector<HTMLElement>(`[name="${placed[0].field}"]`) : summary;
  (first ?? summary).focus();
}

export async function renderApply(ctx: ViewContext): Promise<void> {
  const { locale, main } = ctx;
  const form = await fetchApplyForm(locale);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(t(locale, 'applyTitle'));
  main.innerHTML =
    `<h1 tabindex="-1" data-testid="page-title">${escapeHtml(t(locale, 'applyTitle'))}</h1>` +
    `<p class="intro">${escapeHtml(t(locale, 'applyIntro'))}</p>` +
    `<p><a href="#/apply/status" data-testid="apply-status-link">${escapeHtml(t(locale, 'applyStatusLink'))}</a></p>` +
    (form.organizations.length
      ? `<div data-testid="apply-draft-note"></div>` + applyFormHtml(locale, form)
      : noteHtml(t(locale, 'applyNoOrganizations'), 'apply-closed'));
  const el = main.querySelector<HTMLFormElement>('form.apply-form');
  if (!el) return;
  if (restoreDraft(el)) main.querySelector('[data-testid="apply-draft-note"]')!.innerHTML = noteHtml(t(locale, 'applyDraftKept'), 'apply-draft-restored');
  el.addEventListener('input', () => saveDraft(el));
  el.addEventListener('change', () => saveDraft(el));
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = el.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const data = new FormData(el);
    const file = data.get('file');
    if (file instanceof File && !file.name && file.size === 0) data.delete('file');
    if (!data.get('consent')) data.set('consent', 'false');
    data.set('locale', locale);
    button.disabled = true;
    button.textContent = t(locale, 'applySubmitting');
    try {
      const receipt = await submitApplication(data);
      try {
        sessionStorage.removeItem(DRAFT_KEY);
      } catch {
        /* nothing kept */
      }
      if (!ctx.isCurrent()) return;
      // the organization as the form named it, in the page's script
      const chosen = form.organizations.find((o) => o.documentId === data.get('organization'));
      main.innerHTML =
        `<h1 tabindex="-1" data-testid="page-title">${escapeHtml(t(locale, 'applyTitle'))}</h1>` +
        receiptHtml(locale, { ...receipt, organization: chosen?.name ?? receipt.organization });
      main.querySelector<HTMLButtonElement>('[data-action="print-receipt"]')?.addEventListener('click', () => window.print());
      main.querySelector<HTMLElement>('#receipt-title')?.focus();
      ctx.announce(t(locale, 'receiptTitle'));
    } catch (e) {
      const problems = e instanceof FormError ? e.fields : [];
      const message = e instanceof Error ? e.message : String(e);
      showProblems(el, locale, problems, t(locale, 'applyFailed', { message }));
      ctx.announce(el.querySelector('[data-testid="apply-summary"]')?.textContent ?? '');
    } finally {
      button.disabled = false;
      button.textContent = t(locale, 'applySubmit');
    }
  });
}
