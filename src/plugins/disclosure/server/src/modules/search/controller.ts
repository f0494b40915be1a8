import type { Core } from '@strapi/strapi';
import { MAX_QUERY_LENGTH, queryTerms } from '../../core/search';
import { fieldError } from '../common/field-error';
import { SEARCHED, UnknownFilterError, type Kind, type SearchParams, type SearchService } from './service';

export const MAX_PAGE_SIZE = 50;
const MAX_PAGE = 1000;
const KNOWN = ['q', 'locale', 'page', 'pageSize', 'kind', 'organization', 'category', 'year', 'documentType'];

function positive(value: unknown, field: string, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= max)) throw fieldError(field, `“${field}”须为 1 至 ${max} 的整数。`, `"${field}" must be an integer from 1 to ${max}.`);
  return n;
}

function text(value: unknown, field: string, max = 64): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max)
    throw fieldError(field, `“${field}”须为不超过 ${max} 个字符的文本。`, `"${field}" must be text of at most ${max} characters.`);
  return value;
}

/** The query string checked, each problem a 400 naming its parameter (Chinese, then English). */
export function parseSearchQuery(strapi: Core.Strapi, query: Record<string, unknown>): SearchParams {
  const unknown = Object.keys(query).filter((k) => !KNOWN.includes(k));
  if (unknown.length) throw fieldError(unknown[0], `不支持的参数：${unknown.join('、')}。`, `Unknown parameters: ${unknown.join(', ')}.`, { allowed: KNOWN });
  const q = text(query.q, 'q', MAX_QUERY_LENGTH);
  if (!q || !queryTerms(q).length) {
    throw fieldError(
      'q',
      `请输入要查找的字词（不超过 ${MAX_QUERY_LENGTH} 个字符）。`,
      `"q": the words to search for (up to ${MAX_QUERY_LENGTH} characters) are required.`,
    );
  }
  const locale = text(query.locale, 'locale', 16) ?? 'zh-Hans';
  const kind = text(query.kind, 'kind', 16);
  if (kind && !(kind in SEARCHED))
    throw fieldError('kind', `“kind”须为 ${Object.keys(SEARCHED).join('、')} 之一。`, `"kind" must be one of ${Object.keys(SEARCHED).join(', ')}.`);
  const yearText = text(query.year, 'year', 4);
  if (yearText !== undefined && !/^\d{4}$/.test(yearText)) throw fieldError('year', '“year”须为四位数年份。', '"year" must be a four-digit year.');
  const documentType = text(query.documentType, 'documentType');
  const types: string[] = (strapi.contentType(SEARCHED.notice as any)?.attributes as any)?.documentType?.enum ?? [];
  if (documentType && !types.includes(documentType)) {
    throw fieldError('documentType', `“documentType”须为 ${types.join('、')} 之一。`, `"documentType" must be one of ${types.join(', ')}.`);
  }
  return {
    q,
    locale,
    page: positive(query.page, 'page', MAX_PAGE, 1),
    pageSize: positive(query.pageSize, 'pageSize', MAX_PAGE_SIZE, 10),
    kind: kind as Kind | undefined,
    organization: text(query.organization, 'organization'),
    category: text(query.category, 'category'),
    year: yearText ? Number(yearText) : undefined,
    documentType,
  };
}

const searchController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/disclosure/search: published notices and reports, ranked, with marked excerpts, in either script. */
  async find(ctx: any) {
    const params = parseSearchQuery(strapi, ctx.query ?? {});
    const locales = await strapi.plugin('i18n').service('locales').find();
    if (!locales.some((l: any) => l.code === params.locale)) {
      const codes = locales.map((l: any) => l.code).join(', ');
      throw fieldError('locale', `“locale”须为已启用的语言（${codes}）。`, `"locale" must be an enabled locale (${codes}).`);
    }
    const service = strapi.plugin('disclosure').service('search') as SearchService;
    try {
      const { hits, total, capped, terms, searchedAs } = await service.search(params);
      ctx.body = {
        data: hits,
        meta: {
          terms,
          searchedAs,
          // totalCapped: there are more than `total` hits (counting stops there, and so do the pages)
          pagination: { page: params.page, pageSize: params.pageSize, pageCount: Math.ceil(total / params.pageSize), total, totalCapped: capped },
        },
      };
    } catch (error) {
      if (error instanceof UnknownFilterError) throw fieldError(error.field, error.zh, error.message);
      throw error;
    }
  },
});

export default searchController;
