/**
 * Hash routes, so the page works from a plain static server:
 *   #/                    catalogue (?org=&year=)
 *   #/notices             notice list (?category=&year=&q=&org=&page=)
 *   #/notices/:documentId notice page
 *   #/reports             annual reports
 *   #/reports/:documentId annual report page
 *   #/apply               online application form (依申请公开), then its receipt
 *   #/apply/status        progress of an application, by tracking number and query code
 */
export interface CatalogueParams {
  org?: string;
  year?: number;
}

export interface NoticeListParams {
  category?: string;
  year?: number;
  q?: string;
  org?: string;
  page: number;
}

export type Route =
  | { name: 'home'; params: CatalogueParams }
  | { name: 'notices'; params: NoticeListParams }
  | { name: 'notice'; documentId: string }
  | { name: 'reports' }
  | { name: 'report'; documentId: string }
  | { name: 'apply' }
  | { name: 'apply-status' }
  | { name: 'not-found'; path: string };

const YEAR = /^\d{4}$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

function text(params: URLSearchParams, key: string): string | undefined {
  const v = params.get(key);
  const trimmed = v === null ? '' : v.trim();
  return trimmed ? trimmed.slice(0, 200) : undefined;
}

function year(params: URLSearchParams): number | undefined {
  const v = params.get('year');
  return v && YEAR.test(v) ? Number(v) : undefined;
}

function page(params: URLSearchParams): number {
  const v = params.get('page');
  const n = v && /^\d{1,6}$/.test(v) ? Number(v) : 1;
  return n >= 1 ? n : 1;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parses location.hash ('#/notices?year=2020'); anything not starting with '#/' is the home page. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  if (!raw.startsWith('/')) return { name: 'home', params: {} };
  const [pathPart, queryPart = ''] = raw.split(/\?(.*)/s, 2);
  const segments = pathPart.split('/').filter(Boolean).map(safeDecode);
  const params = new URLSearchParams(queryPart);

  if (segments.length === 0) return { name: 'home', params: { org: text(params, 'org'), year: year(params) } };
  const [first, second, ...rest] = segments;
  if (rest.length === 0) {
    if (first === 'notices' && second === undefined) {
      return {
        name: 'notices',
        params: { category: text(params, 'category'), year: year(params), q: text(params, 'q'), org: text(params, 'org'), page: page(params) },
      };
    }
    if (first === 'notices' && DOCUMENT_ID.test(second)) return { name: 'notice', documentId: second };
    if (first === 'reports' && second === undefined) return { name: 'reports' };
    if (first === 'reports' && DOCUMENT_ID.test(second)) return { name: 'report', documentId: second };
    if (first === 'apply' && second === undefined) return { name: 'apply' };
    if (first === 'apply' && second === 'status') return { name: 'apply-status' };
  }
  return { name: 'not-found', path: pathPart };
}

function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The hash (with '#') for a route; parseHash(buildHash(r)) gives r back. */
export function buildHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#' + withQuery('/', { org: route.params.org, year: route.params.year });
    case 'notices': {
      const p = route.params;
      return '#' + withQuery('/notices', { category: p.category, year: p.year, q: p.q, org: p.org, page: p.page > 1 ? p.page : undefined });
    }
    case 'notice':
      return `#/notices/${encodeURIComponent(route.documentId)}`;
    case 'reports':
      return '#/reports';
    case 'report':
      return `#/reports/${encodeURIComponent(route.documentId)}`;
    case 'apply':
      return '#/apply';
    case 'apply-status':
      return '#/apply/status';
    case 'not-found':
      return '#' + route.path;
  }
}

export function noticesHash(params: Partial<NoticeListParams>): string {
  return buildHash({ name: 'notices', params: { page: 1, ...params } });
}
