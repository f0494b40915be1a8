/**
 * Query objects for the content API (serialised by qs.ts). Pure, so they are unit-tested.
 */
import type { Locale } from './i18n';
import type { QueryValue } from './qs';

export const NOTICE_PAGE_SIZE = 10;

export interface NoticeListQueryInput {
  locale: Locale;
  /** Category codes (the chosen category and its descendants). */
  categoryCodes?: string[];
  year?: number;
  organization?: string;
  page?: number;
  pageSize?: number;
}

/** Calendar-year range on the releaseDate (a date field, so plain YYYY-MM-DD bounds). */
export function yearRange(year: number): { $gte: string; $lte: string } {
  return { $gte: `${year}-01-01`, $lte: `${year}-12-31` };
}

export function noticeListQuery(input: NoticeListQueryInput): Record<string, QueryValue> {
  const and: QueryValue[] = [];
  if (input.categoryCodes && input.categoryCodes.length) {
    and.push({ category: { code: input.categoryCodes.length === 1 ? { $eq: input.categoryCodes[0] } : { $in: input.categoryCodes } } });
  }
  if (input.year) and.push({ releaseDate: yearRange(input.year) });
  if (input.organization) and.push({ organization: { code: { $eq: input.organization } } });
  return {
    locale: input.locale,
    ...(and.length ? { filters: { $and: and } } : {}),
    fields: ['title', 'summary', 'releaseDate', 'indexNumber', 'documentNumber', 'validity', 'documentType'],
    populate: { category: { fields: ['code', 'name'] }, organization: { fields: ['code', 'name'] } },
    sort: ['releaseDate:desc', 'id:desc'],
    pagination: { page: Math.max(1, input.page ?? 1), pageSize: input.pageSize ?? NOTICE_PAGE_SIZE },
  };
}

export function noticeQuery(locale: Locale): Record<string, QueryValue> {
  return {
    locale,
    populate: {
      category: { fields: ['code', 'name'] },
      organization: { fields: ['code', 'name'] },
      attachments: { fields: ['name', 'ext', 'mime', 'size', 'url'] },
    },
  };
}

export function categoriesQuery(locale: Locale): Record<string, QueryValue> {
  return {
    locale,
    fields: ['code', 'name', 'sortOrder'],
    populate: { parent: { fields: ['code'] } },
    sort: ['sortOrder:asc', 'code:asc'],
    pagination: { page: 1, pageSize: 200 },
  };
}

export function organizationsQuery(locale: Locale): Record<string, QueryValue> {
  return { locale, fields: ['code', 'name', 'level'], sort: ['code:asc'], pagination: { page: 1, pageSize: 100 } };
}

export function reportsQuery(locale: Locale): Record<string, QueryValue> {
  return {
    locale,
    fields: ['title', 'year', 'formatVersion'],
    populate: { organization: { fields: ['code', 'name'] } },
    sort: ['year:desc', 'id:desc'],
    pagination: { page: 1, pageSize: 100 },
  };
}

export function reportQuery(locale: Locale): Record<string, QueryValue> {
  return { locale, populate: { organization: { fields: ['code', 'name'] } } };
}

export const EXPORT_FORMATS = ['html', 'docx', 'xlsx', 'pdf', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportPath(documentId: string, format: ExportFormat, locale: Locale): string {
  return `/api/disclosure/annual-reports/${encodeURIComponent(documentId)}/export?format=${format}&locale=${encodeURIComponent(locale)}`;
}

export interface SearchInput {
  q: string;
  locale: Locale;
  /** category code (the route includes what is below it) */
  category?: string;
  organization?: string;
  year?: number;
  page?: number;
  pageSize?: number;
}

/** The full-text search route's query string (GET /api/disclosure/search). */
export function searchQuery(input: SearchInput): Record<string, QueryValue> {
  return {
    q: input.q,
    locale: input.locale,
    ...(input.category ? { category: input.category } : {}),
    ...(input.organization ? { organization: input.organization } : {}),
    ...(input.year ? { year: input.year } : {}),
    page: Math.max(1, input.page ?? 1),
    pageSize: input.pageSize ?? NOTICE_PAGE_SIZE,
  };
}

/** Years offered in the selectors: this year back to 2008 (the first 条例). */
export function selectableYears(now: Date = new Date()): number[] {
  const years: number[] = [];
  for (let y = now.getFullYear(); y >= 2008; y--) years.push(y);
  return years;
}

export function siteQuery(locale: Locale): Record<string, QueryValue> {
  return { locale, populate: { emblem: { fields: ['url', 'alternativeText'] } } };
}
