/**
 * HTML escaping and URL safety: every string that reaches innerHTML goes through escapeHtml,
 * every href/src through safeHref/safeSrc.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

/** Browsers drop ASCII tab/newline and leading/trailing C0 controls and spaces from URLs. */
function normaliseUrl(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

/**
 * True for http(s), mailto and relative URLs (path, query, fragment, protocol-relative);
 * false for every other scheme (javascript:, data:, vbscript:, file:, …).
 */
export function isSafeHref(url: unknown, allowMailto = true): boolean {
  if (typeof url !== 'string') return false;
  const u = normaliseUrl(url);
  if (!u) return false;
  if (/^https?:/i.test(u)) return true;
  if (allowMailto && /^mailto:/i.test(u)) return true;
  // A scheme is whatever comes before the first ':' when no '/', '?' or '#' precedes it.
  const colon = u.indexOf(':');
  if (colon === -1) return true;
  const firstDelimiter = u.search(/[/?#\\]/);
  return firstDelimiter !== -1 && firstDelimiter < colon;
}

/** The href to emit, or null when the URL is not safe. */
export function safeHref(url: unknown): string | null {
  return isSafeHref(url) ? String(url).trim() : null;
}

/** Image sources: http(s) or relative only. */
export function safeSrc(url: unknown): string | null {
  return isSafeHref(url, false) ? String(url).trim() : null;
}

/** Attribute list from pairs; undefined/null/false values are left out, true becomes a bare attribute. */
export function attrs(pairs: Record<string, string | number | boolean | null | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(v)}"`))
    .join('');
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The search route's marked text (escaped, hits in <mark>) rebuilt from its text: nothing but <mark>
 * reaches the page whatever the server sent.
 */
export function markedHtml(serverHtml: unknown): string {
  if (typeof serverHtml !== 'string') return '';
  return serverHtml
    .split(/<mark>([\s\S]*?)<\/mark>/)
    .map((part, i) => {
      const text = escapeHtml(part.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]));
      return i % 2 ? `<mark>${text}</mark>` : text;
    })
    .join('');
}
