/**
 * The portal's identity from 网站信息: the government's name (and emblem) in the header, the sponsor,
 * contact and registration numbers in the footer. Without one configured, the generic title stays.
 */
import type { Site } from './api';
import { attrs, escapeHtml, safeSrc } from './html';
import { t, type Locale } from './i18n';

/** The name the header and the document titles use. */
export function siteName(site: Site | null, locale: Locale): string {
  if (!site) return t(locale, 'siteTitle');
  return site.siteName?.trim() || t(locale, 'siteNameSuffix', { name: site.governmentName });
}

/** The header's title: the emblem (when one is set) and the site's name, linking home. */
export function headerTitleHtml(site: Site | null, locale: Locale): string {
  const src = site?.emblem?.url ? safeSrc(site.emblem.url) : null;
  const emblem = src ? `<img class="site-emblem"${attrs({ src, alt: '', width: 40, height: 40, 'data-testid': 'site-emblem' })}>` : '';
  return `<a href="#/" data-testid="site-title">${emblem}<span>${escapeHtml(siteName(site, locale))}</span></a>`;
}

/**
 * The footer: 主办单位 / 承办单位, address and phone, 网站标识码, ICP 备案号 and 公安备案号 (the last two
 * link to their registries, as government sites customarily do).
 */
export function footerHtml(site: Site | null, locale: Locale): string {
  if (!site) return `<p>${escapeHtml(t(locale, 'footer'))}</p>`;
  const item = (label: string, value: string | null | undefined, key: string) =>
    value ? `<span${attrs({ 'data-testid': `footer-${key}` })}>${escapeHtml(label)}：${escapeHtml(value)}</span>` : '';
  const line = (...parts: string[]) => {
    const shown = parts.filter(Boolean);
    return shown.length ? `<p>${shown.join('<span class="sep" aria-hidden="true"> | </span>')}</p>` : '';
  };
  const link = (href: string, text: string | null | undefined, key: string) =>
    text ? `<a${attrs({ href, rel: 'noopener', target: '_blank', 'data-testid': `footer-${key}` })}>${escapeHtml(text)}</a>` : '';
  return (
    line(item(t(locale, 'sponsor'), site.sponsor, 'sponsor'), item(t(locale, 'organizer'), site.organizer, 'organizer')) +
    line(item(t(locale, 'address'), site.address, 'address'), item(t(locale, 'phone'), site.phone, 'phone')) +
    line(
      item(t(locale, 'siteCode'), site.siteCode, 'site-code'),
      link('https://beian.miit.gov.cn/', site.icpNumber, 'icp'),
      link('https://beian.mps.gov.cn/', site.publicSecurityNumber, 'public-security'),
    )
  );
}

/**
 * 依申请公开 (APPLY): how to apply (条例 Art. 27 and 29) and where, from 网站信息 — the category's own
 * content, shown above whatever it lists.
 */
export function applyGuideHtml(site: Site | null, locale: Locale): string {
  const contact = site
    ? [
        t(locale, 'applyGuideContact', { name: site.governmentName }),
        site.address ? `${t(locale, 'address')}：${site.address}` : '',
        site.phone ? `${t(locale, 'phone')}：${site.phone}` : '',
      ].filter(Boolean)
    : [];
  return (
    `<section class="apply-guide" aria-labelledby="apply-guide-heading" data-testid="apply-guide">` +
    `<h2 id="apply-guide-heading">${escapeHtml(t(locale, 'applyGuideTitle'))}</h2>` +
    `<p>${escapeHtml(t(locale, 'applyGuideText'))}</p>` +
    (contact.length ? `<p class="apply-guide-contact">${contact.map((c) => `<span>${escapeHtml(c)}</span>`).join('')}</p>` : '') +
    `</section>`
  );
}
