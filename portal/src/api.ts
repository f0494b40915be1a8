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

// ---- 网上申请 (online applications): writes, with the server's per-field problems kept ----

export interface Choice {
  code: string;
  label: string;
}

export interface ApplyForm {
  organizations: { documentId: string; name: string; code: string }[];
  choices: Record<'applicantType' | 'idType' | 'deliveryMethod' | 'medium', Choice[]>;
  limits: { attachmentBytes: number; content: number; name: number; address: number; title: number; documentNumber: number };
}

export interface ApplyReceipt {
  trackingNumber: string;
  queryCode: string;
  submittedAt: string;
  organization: string;
  status: string;
}

export interface ApplicationFile {
  id: number;
  name: string;
  size: number;
  mime: string;
  createdAt: string;
}

export interface ApplicationStatus {
  trackingNumber: string;
  organization: string | null;
  status: string;
  statusLabel: { zh: string; en: string } | null;
  submittedAt: string | null;
  receivedDate: string | null;
  dueDate: string | null;
  dueDateProvisional: boolean;
  dueDateExplanation: { zh: string; en: string }[];
  correction: {
    requestedDate: string;
    request: string | null;
    answerBy: string | null;
    receivedDate: string | null;
    awaiting: boolean;
    files: ApplicationFile[];
  } | null;
  extension: { workingDays: number | null; reason: string | null; approvedDate: string | null } | null;
  answer: { date: string | null; outcome: string | null; outcomeLabel: string | null; text: string | null; files: ApplicationFile[] } | null;
  dismissal: { reason: string | null } | null;
  attachments: ApplicationFile[];
  history: { at: string; status: string; statusLabel: { zh: string; en: string } | null }[];
}

/** A refused write: the server's message and the problems it named per field. */
export class FormError extends ApiError {
  constructor(
    message: string,
    status: number,
    readonly fields: { field: string; message: string }[],
  ) {
    super(message, status);
  }
}

async function send<T>(path: string, body: FormData | object): Promise<T> {
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: isForm ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: isForm ? (body as FormData) : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(e instanceof Error ? e.message : String(e), 0);
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const error = json?.error ?? {};
    const fields = Array.isArray(error.details?.errors)
      ? error.details.errors.map((e: any) => ({ field: String(e.path?.[0] ?? ''), message: String(e.message ?? '') }))
      : [];
    throw new FormError(typeof error.message === 'string' ? error.message : `HTTP ${res.status}`, res.status, fields);
  }
  return json?.data as T;
}

export async function fetchApplyForm(locale: Locale): Promise<ApplyForm> {
  return (await getJson<{ data: ApplyForm }>('/api/disclosure/online-applications/form', { locale })).data;
}

export const submitApplication = (form: FormData) => send<ApplyReceipt>('/api/disclosure/online-applications', form);

export const lookupApplication = (trackingNumber: string, queryCode: string, locale: Locale) =>
  send<ApplicationStatus>('/api/disclosure/online-applications/lookup', { trackingNumber, queryCode, locale });

export const sendCorrection = (form: FormData) => send<ApplicationStatus>('/api/disclosure/online-applications/correction', form);

/** A reply document: fetched with the credentials in the body (never in a URL), saved by the browser. */
export async function downloadReply(trackingNumber: string, queryCode: string, fileId: number): Promise<Blob> {
  const res = await request('/api/disclosure/online-applications/file', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ trackingNumber, queryCode, fileId }),
  });
  return res.blob();
}
