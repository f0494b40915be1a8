/**
 * Notice page: the 公开目录 metadata table and the body rendered from blocks.
 */
import { ApiError, convertText, fetchNotice, isStale, type Attachment, type Notice } from '../api';
import { renderBlocks } from '../blocks';
import { attrs, escapeHtml, safeHref } from '../html';
import { documentTypeLabel, t, validityLabel, type Locale, type LabelKey } from '../i18n';
import { commentsHtml, loadComments } from '../comments';
import { helpfulHtml, loadHelpful } from '../helpful';
import { articleInfoHtml, articleToolsHtml, errorHtml, formatDate, noteHtml, staleNoteHtml, type ViewContext } from '../ui';

export interface MetadataRow {
  key: string;
  label: string;
  value: string;
}

/** The rows of the metadata table, in the customary order; empty values show 无 (文号) or stay blank. */
export function metadataRows(notice: Notice, locale: Locale): MetadataRow[] {
  const row = (key: string, label: LabelKey, value: string | null | undefined): MetadataRow => ({ key, label: t(locale, label), value: value ?? '' });
  let validity = validityLabel(locale, notice.validity);
  const rows: MetadataRow[] = [
    row('indexNumber', 'indexNumber', notice.indexNumber),
    row('category', 'assignedCategory', notice.category?.name ?? ''),
    row('organization', 'publisher', notice.organization?.name ?? ''),
    row('writtenDate', 'writtenDate', formatDate(notice.writtenDate)),
    row('releaseDate', 'publishedDate', formatDate(notice.releaseDate)),
    row('documentNumber', 'documentNumber', notice.documentNumber || t(locale, 'none')),
  ];
  if (notice.abolishedDate) validity = `${validity}（${t(locale, 'abolishedDate')}：${formatDate(notice.abolishedDate)}）`;
  rows.push(row('validity', 'validity', validity));
  if (notice.subject) rows.push(row('subject', 'subject', notice.subject));
  if (notice.documentType) rows.push(row('documentType', 'documentType', documentTypeLabel(locale, notice.documentType)));
  if (notice.keywords) rows.push(row('keywords', 'keywords', notice.keywords));
  return rows;
}

export function metadataTableHtml(notice: Notice, locale: Locale): string {
  const rows = metadataRows(notice, locale)
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.label)}</th><td${attrs({ 'data-testid': `meta-${r.key}`, 'data-value': r.key === 'validity' ? (notice.validity ?? '') : undefined })}>${escapeHtml(r.value)}</td></tr>`,
    )
    .join('');
  return `<table class="meta-table" data-testid="notice-meta-table"><caption>${escapeHtml(t(locale, 'metadataTable'))}</caption><tbody>${rows}</tbody></table>`;
}

const TYPE_NAMES: Record<string, string> = { pdf: 'PDF', doc: 'Word', docx: 'Word', wps: 'WPS', xls: 'Excel', xlsx: 'Excel', ofd: 'OFD', zip: 'ZIP' };

/** 1.2 MB / 350 KB, from the content API's size in KB. */
export function fileSize(kb: number | null | undefined): string {
  if (kb === null || kb === undefined || !Number.isFinite(kb)) return '';
  return kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(kb))} KB`;
}

/** The 附件 list: name, type and size, each a download link (files are served as downloads, see upload-headers). */
export function attachmentsHtml(attachments: Attachment[] | null | undefined, locale: Locale): string {
  const items = (attachments ?? [])
    .map((a) => ({ a, href: safeHref(a.url) }))
    .filter((x) => x.href)
    .map(({ a, href }) => {
      const ext = String(a.ext ?? '')
        .replace(/^\./, '')
        .toLowerCase();
      const type = TYPE_NAMES[ext] ?? ext.toUpperCase();
      const details = [type ? t(locale, 'attachmentType', { type }) : '', fileSize(a.size)].filter(Boolean).join(' · ');
      return (
        `<li class="attachment">` +
        `<a${attrs({ href, download: a.name, 'data-testid': 'attachment-link' })}>${escapeHtml(a.name)}</a>` +
        (details ? ` <span class="attachment-details">（${escapeHtml(details)}）</span>` : '') +
        `</li>`
      );
    });
  if (!items.length) return '';
  return (
    `<section class="notice-attachments" aria-labelledby="notice-attachments-heading" data-testid="notice-attachments">` +
    `<h2 id="notice-attachments-heading">${escapeHtml(t(locale, 'attachments'))}</h2><ul>${items.join('')}</ul></section>`
  );
}

/**
 * The 文号 in the page's script. It is stored once for all locales (an identifier, like the 索引号), in
 * Simplified; a Traditional page shows it converted (壶政发〔2026〕1号 → 壺政發〔2026〕1號), or as stored
 * when the conversion is unavailable.
 */
export async function documentNumberFor(
  notice: Pick<Notice, 'documentNumber'>,
  locale: Locale,
  convert: (text: string) => Promise<string> = (text) => convertText(text, 'zh-Hans', 'zh-Hant'),
): Promise<string | null | undefined> {
  const number = notice.documentNumber;
  if (locale !== 'zh-Hant' || !number || !/[\u3400-\u9fff]/.test(number)) return number;
  try {
    return await convert(number);
  } catch {
    return number;
  }
}

export async function renderNotice(ctx: ViewContext, documentId: string): Promise<void> {
  const { locale } = ctx;
  let notice: Notice;
  let fallback = false;
  try {
    try {
      notice = await fetchNotice(documentId, locale);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404 && locale === 'zh-Hant')) throw e;
      notice = await fetchNotice(documentId, 'zh-Hans');
      fallback = true;
    }
  } catch (e) {
    if (!ctx.isCurrent()) return;
    ctx.setTitle(t(locale, 'errorPrefix'));
    ctx.main.innerHTML = `<h1 tabindex="-1" data-testid="page-title">${escapeHtml(t(locale, e instanceof ApiError && e.status === 404 ? 'notFoundTitle' : 'noticesTitle'))}</h1>${errorHtml(locale, e)}<p><a href="#/notices">${escapeHtml(t(locale, 'backToList'))}</a></p>`;
    return;
  }
  const [documentNumber, stale] = await Promise.all([
    documentNumberFor(notice, locale),
    fallback ? Promise.resolve(false) : isStale('api::notice.notice', notice.documentId, locale),
  ]);
  notice = { ...notice, documentNumber };
  if (!ctx.isCurrent()) return;
  ctx.setTitle(notice.title);
  // The body sits under the (hidden) h2 正文, so its own headings start at h3.
  const body = renderBlocks(notice.body, { headingBase: 3 });
  const contentLang = fallback ? 'zh-Hans' : undefined;
  ctx.main.innerHTML =
    `<article class="notice"${attrs({ 'data-document-id': notice.documentId })}>` +
    `<h1 tabindex="-1" class="notice-title" data-testid="notice-title"${attrs({ lang: contentLang })}>${escapeHtml(notice.title)}</h1>` +
    articleInfoHtml(locale, notice.publishedAt, notice.organization?.name) +
    articleToolsHtml(locale) +
    (fallback ? noteHtml(t(locale, 'localeFallback'), 'locale-fallback-note', 'warning') : '') +
    (stale ? staleNoteHtml(locale) : '') +
    `<div class="table-scroll">${metadataTableHtml(notice, locale)}</div>` +
    `<section class="notice-body" aria-labelledby="notice-body-heading" data-testid="notice-body"${attrs({ lang: contentLang })}>` +
    `<h2 id="notice-body-heading" class="visually-hidden">${escapeHtml(t(locale, 'body'))}</h2>` +
    (body || `<p>${escapeHtml(t(locale, 'noBody'))}</p>`) +
    `</section>` +
    attachmentsHtml(notice.attachments, locale) +
    helpfulHtml(locale, 'notice', notice.documentId) +
    commentsHtml(locale, 'notice', notice.documentId) +
    `</article>` +
    `<p class="back-link"><a href="#/notices" data-testid="back-to-list">${escapeHtml(t(locale, 'backToList'))}</a></p>`;
  await Promise.all([loadHelpful(ctx.main, locale), loadComments(ctx.main, locale)]);
}
