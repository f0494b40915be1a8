/**
 * Takes the export's standalone HTML document (format=html) apart in the browser: its <style>
 * (scoped to .gk-annual-report / .gk-table) and its <article>, with anything active removed.
 */
export interface ReportFragment {
  css: string;
  article: HTMLElement;
}

const DROP = 'script, iframe, object, embed, link, meta, base, form, style, template, frame, frameset';

function sanitize(root: Element): void {
  root.querySelectorAll(DROP).forEach((el) => el.remove());
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of all) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      // eslint-disable-next-line no-control-regex -- browsers drop C0 controls inside URLs, so must the check
      const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || name === 'formaction') el.removeAttribute(attr.name);
      else if ((name === 'href' || name === 'src' || name === 'xlink:href' || name === 'action') && /^(javascript|vbscript|data):/.test(value)) {
        el.removeAttribute(attr.name);
      }
    }
  }
}

export function extractReportFragment(html: string, doc: Document = document): ReportFragment | null {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const source = parsed.querySelector('article.gk-annual-report') ?? parsed.querySelector('article');
  if (!source) return null;
  const css = Array.from(parsed.querySelectorAll('style'))
    .map((s) => s.textContent ?? '')
    .join('\n');
  const article = doc.importNode(source, true) as HTMLElement;
  sanitize(article);
  // Wide tables scroll inside a keyboard-focusable region on small screens.
  article.querySelectorAll('table').forEach((table) => {
    if (table.parentElement?.classList.contains('table-scroll')) return;
    const wrap = doc.createElement('div');
    wrap.className = 'table-scroll';
    wrap.setAttribute('role', 'region');
    wrap.tabIndex = 0;
    const caption = table.querySelector('caption')?.textContent?.trim();
    if (caption) wrap.setAttribute('aria-label', caption);
    table.replaceWith(wrap);
    wrap.appendChild(table);
  });
  return { css, article };
}
