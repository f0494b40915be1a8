/**
 * The public REST API, read-only. Every call rejects with an ApiError carrying the HTTP status
 * (0 when the network failed) and the server's message when it gave one.
 */
import { mergeCategoryNames, type CategoryCount, type CategoryRecord } from './catalogue';
import type { Locale } from './i18n';
import { stringifyQuery, type QueryValue } from './qs';
import * as q from './queries';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  /** search only: there are more than `total` hits (the search stops counting there) */
  totalCapped?: boolean;
}

export interface Relation {
  documentId: string;
  code?: string;
  name?: string;
}

export interface Notice {
  documentId: string;
  title: string;
  summary?: string | null;
  body?: unknown;
  keywords?: string | null;
  indexNumber?: string | null;
  documentNumber?: string | null;
  documentType?: string | null;
  writtenDate?: string | null;
  releaseDate?: string | null;
  validity?: string | null;
  abolishedDate?: string | null;
  subject?: string | null;
  locale?: string;
  organization?: Relation | null;
  category?: Relation | null;
  attachments?: Attachment[] | null;
  publishedAt?: string | null;
}

/** The portal's identity (网站信息): header and footer. */
export interface Site {
  governmentName: string;
  siteName?: string | null;
  emblem?: { url: string; alternativeText?: string | null } | null;
  sponsor?: string | null;
  organizer?: string | null;
  address?: string | null;
  phone?: string | null;
  siteCode?: string | null;
  icpNumber?: string | null;
  publicSecurityNumber?: string | null;
}

/** An uploaded file of a notice, as the content API gives it (size in KB). */
export interface Attachment {
  id?: number;
  name: string;
  ext?: string | null;
  mime?: string | null;
  size?: number | null;
  url: string;
}

export interface Organization {
  documentId: string;
  code: string;
  name: string;
  level?: string;
}

export interface AnnualReport {
  documentId: string;
  title: string;
  year: number;
  formatVersion?: number;
  organization?: Relation | null;
  overview?: unknown;
  problems?: unknown;
  otherMatters?: unknown;
  tables?: unknown;
  locale?: string;
  publishedAt?: string | null;
}

export interface Stats {
  organization: { code: string; name: string; documentId: string };
  year: number;
  notices: { total: number; byCategory: CategoryCount[]; uncategorised: number; byMonth: number[]; byDocumentType: Record<string, number> };
}

const TIMEOUT_MS = 20000;

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(), TIMEOUT_MS) : undefined;
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init, signal: controller?.signal });
  } catch (e) {
    throw new ApiError(e instanceof Error ? e.message : String(e), 0);
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (!res.ok) {
    let message = `HTTP ${res.status}`;
    try {
      const body = await res.clone().json();
      if (body && body.error && typeof body.error.message === 'string') message = `${message}: ${body.error.message}`;
    } catch {
      /* not JSON */
    }
    throw new ApiError(message, res.status);
  }
  return res;
}

async function getJson<T>(path: string, query?: Record<string, QueryValue>): Promise<T> {
  const qs = query ? stringifyQuery(query) : '';
  const res = await request(qs ? `${path}?${qs}` : path, { headers: { Accept: 'application/json' } });
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError('invalid JSON', res.status);
  }
}

interface Collection<T> {
  data: T[];
  meta: { pagination: Pagination };
}

export async function fetchCategories(locale: Locale): Promise<CategoryRecord[]> {
  const res = await getJson<Collection<{ code: string; name: string; sortOrder?: number; parent?: { code?: string } | null }>>(
    '/api/disclosure-categories',
    q.categoriesQuery(locale),
  );
  return res.data.map((c) => ({ code: c.code, name: c.name, sortOrder: c.sortOrder ?? null, parent: c.parent?.code ?? null }));
}

/**
 * The catalogue in the page's script. Codes, parents and order are the same in every locale, so
 * they are taken from the source locale (zh-Hans), and the names from the page's locale where it
 * has them (a Traditional version may not exist yet, or may lack its parent relation).
 */
export async function fetchCategoriesOrSource(locale: Locale): Promise<CategoryRecord[]> {
  if (locale === 'zh-Hans') return fetchCategories(locale);
  const [source, localized] = await Promise.all([fetchCategories('zh-Hans'), fetchCategories(locale).catch(() => [])]);
  return mergeCategoryNames(source, localized);
}

/** Organizations in the locale, else (none localized yet) the Simplified ones. */
export async function fetchOrganizations(locale: Locale): Promise<Organization[]> {
  const list = (await getJson<Collection<Organization>>('/api/organizations', q.organizationsQuery(locale))).data;
  return list.length || locale === 'zh-Hans' ? list : fetchOrganizations('zh-Hans');
}

export function fetchStats(organization: string, year: number): Promise<Stats> {
  return getJson<Stats>('/api/disclosure/stats', { organization, year });
}

export function fetchNotices(input: q.NoticeListQueryInput): Promise<Collection<Notice>> {
  return getJson<Collection<Notice>>('/api/notices', q.noticeListQuery(input));
}

/** A hit of the full-text search: titleHtml and excerptHtml are escaped text with the hits in <mark>. */
export interface SearchHit {
  kind: 'notice' | 'report';
  documentId: string;
  title: string;
  titleHtml: string;
  documentNumber: string | null;
  releaseDate: string | null;
  excerptHtml: string;
}

export function fetchSearch(input: q.SearchInput): Promise<{ data: SearchHit[]; meta: { pagination: Pagination; searchedAs: string[] } }> {
  return getJson('/api/disclosure/search', q.searchQuery(input));
}

export type HelpfulKind = 'notice' | 'report';

/** 有用: the page's count, and whether this browser has voted. */
export async function fetchHelpful(kind: HelpfulKind, documentId: string, voter: string): Promise<{ count: number; voted: boolean }> {
  return (await getJson<{ data: { count: number; voted: boolean } }>(`/api/disclosure/helpful/${kind}/${encodeURIComponent(documentId)}`, { voter })).data;
}

export async function voteHelpful(kind: HelpfulKind, documentId: string, voter: string): Promise<{ count: number; counted: boolean }> {
  const res = await request(`/api/disclosure/helpful/${kind}/${encodeURIComponent(documentId)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ voter }),
  });
  return ((await res.json()) as { data: { count: number; counted: boolean } }).data;
}

export interface PublicComment {
  documentId: string;
  nickname: string;
  text: string;
  reply: string | null;
  createdAt: string;
  repliedAt: string | null;
}

export async function fetchComments(kind: HelpfulKind, documentId: string, locale: Locale): Promise<PublicComment[]> {
  return (await getJson<{ data: PublicComment[] }>(`/api/disclosure/comments/${kind}/${encodeURIComponent(documentId)}`, { locale })).data;
}

/** Sends a comment; it shows once an editor approves it. Rejects with the server's message (Chinese first). */
export async function sendComment(kind: HelpfulKind, documentId: string, body: { nickname: string; text: string; contact?: string; website?: string }) {
  await request(`/api/disclosure/comments/${kind}/${encodeURIComponent(documentId)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function fetchNotice(documentId: string, locale: Locale): Promise<Notice> {
  return (await getJson<{ data: Notice }>(`/api/notices/${encodeURIComponent(documentId)}`, q.noticeQuery(locale))).data;
}

/** Whether the published Traditional version is a hand edit older than its Simplified source (false when unknown). */
export async function isStale(uid: string, documentId: string, locale: Locale): Promise<boolean> {
  if (locale === 'zh-Hans') return false;
  try {
    const res = await getJson<{ data: { status: string } }>('/api/chinese-variants/freshness', { uid, documentId, locale });
    return res.data?.status === 'stale';
  } catch {
    return false;
  }
}

/** 网站信息 in the locale (the Simplified one when no Traditional exists yet); null when none is configured. */
export async function fetchSite(locale: Locale): Promise<Site | null> {
  try {
    const site = (await getJson<{ data: Site | null }>('/api/site', q.siteQuery(locale))).data;
    if (site || locale === 'zh-Hans') return site ?? null;
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
    if (locale === 'zh-Hans') return null;
  }
  return fetchSite('zh-Hans');
}

export async function fetchReports(locale: Locale): Promise<AnnualReport[]> {
  return (await getJson<Collection<AnnualReport>>('/api/annual-reports', q.reportsQuery(locale))).data;
}

export async function fetchReport(documentId: string, locale: Locale): Promise<AnnualReport> {
  return (await getJson<{ data: AnnualReport }>(`/api/annual-reports/${encodeURIComponent(documentId)}`, q.reportQuery(locale))).data;
}

export async function fetchReportHtml(documentId: string, locale: Locale): Promise<string> {
  const res = await request(q.exportPath(documentId, 'html', locale), { headers: { Accept: 'text/html' } });
  return res.text();
}

export function fetchReportJson(documentId: string, locale: Locale): Promise<Record<string, unknown>> {
  return getJson<Record<string, unknown>>(q.exportPath(documentId, 'json', locale) + '&includeLabels=true');
}

const conversions = new Map<string, string>();

/** Converts text between the scripts with the chinese-variants endpoint (cached per session). */
export async function convertText(content: string, from: Locale, to: Locale): Promise<string> {
  const key = `${from}>${to}>${content}`;
  const cached = conversions.get(key);
  if (cached !== undefined) return cached;
  const res = await request('/api/chinese-variants/convert', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ from, to, format: 'text', content }),
  });
  const body = (await res.json()) as { content?: unknown; data?: { content?: unknown } };
  const out = typeof body.content === 'string' ? body.content : typeof body.data?.content === 'string' ? body.data.content : null;
  if (out === null) throw new ApiError('unexpected convert response', res.status);
  conversions.set(key, out);
  return out;
}
