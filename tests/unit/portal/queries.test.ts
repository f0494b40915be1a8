import { stringifyQuery } from '../../../portal/src/qs';
import { exportPath, noticeListQuery, searchQuery, selectableYears, yearRange } from '../../../portal/src/queries';

const decode = (qs: string) => qs.split('&').map((p) => p.split('=').map(decodeURIComponent).join('='));

describe('stringifyQuery', () => {
  it('writes nested objects and arrays in the bracket style', () => {
    expect(decode(stringifyQuery({ filters: { title: { $containsi: '安全 & 生产' } }, sort: ['a:desc', 'b'], pagination: { page: 2 } }))).toEqual([
      'filters[title][$containsi]=安全 & 生产',
      'sort[0]=a:desc',
      'sort[1]=b',
      'pagination[page]=2',
    ]);
  });

  it('leaves out null and undefined, keeps false and 0', () => {
    expect(stringifyQuery({ a: undefined, b: null, c: false, d: 0 })).toBe('c=false&d=0');
  });

  it('encodes values so they cannot break the query', () => {
    expect(stringifyQuery({ q: 'a&b=c#d' })).toBe('q=a%26b%3Dc%23d');
  });
});

describe('noticeListQuery', () => {
  it('asks for published notices of the locale, newest first, with category and organization', () => {
    const q = noticeListQuery({ locale: 'zh-Hant' });
    expect(q.locale).toBe('zh-Hant');
    expect(q.filters).toBeUndefined();
    expect(q.sort).toEqual(['releaseDate:desc', 'id:desc']);
    expect(q.pagination).toEqual({ page: 1, pageSize: 10 });
    expect(q.populate).toEqual({ category: { fields: ['code', 'name'] }, organization: { fields: ['code', 'name'] } });
    expect(JSON.stringify(q)).not.toContain('status');
  });

  it('filters by one category with $eq and by a category with descendants with $in', () => {
    expect(noticeListQuery({ locale: 'zh-Hans', categoryCodes: ['GUIDE'] }).filters).toEqual({ $and: [{ category: { code: { $eq: 'GUIDE' } } }] });
    expect(noticeListQuery({ locale: 'zh-Hans', categoryCodes: ['FDZD.02', 'FDZD.02.01'] }).filters).toEqual({
      $and: [{ category: { code: { $in: ['FDZD.02', 'FDZD.02.01'] } } }],
    });
  });

  it('filters a year by the releaseDate range', () => {
    expect(yearRange(2020)).toEqual({ $gte: '2020-01-01', $lte: '2020-12-31' });
    expect(noticeListQuery({ locale: 'zh-Hans', year: 2020 }).filters).toEqual({ $and: [{ releaseDate: { $gte: '2020-01-01', $lte: '2020-12-31' } }] });
  });

  it('combines every filter with $and, and pages', () => {
    const q = noticeListQuery({ locale: 'zh-Hans', categoryCodes: ['FDZD.06'], year: 2026, organization: '430381106', page: 3, pageSize: 20 });
    const and = (q.filters as any).$and;
    expect(and).toHaveLength(3);
    expect(and[2]).toEqual({ organization: { code: { $eq: '430381106' } } });
    expect(q.pagination).toEqual({ page: 3, pageSize: 20 });
    const qs = decode(stringifyQuery(q));
    expect(qs).toContain('filters[$and][0][category][code][$eq]=FDZD.06');
    expect(qs).toContain('filters[$and][1][releaseDate][$gte]=2026-01-01');
    expect(qs).toContain('pagination[page]=3');
  });

  it('never asks for a page below 1', () => {
    expect(noticeListQuery({ locale: 'zh-Hans', page: 0 }).pagination).toEqual({ page: 1, pageSize: 10 });
  });
});

describe('searchQuery', () => {
  it('asks the search route with the filters set, from page 1', () => {
    expect(searchQuery({ q: '低保', locale: 'zh-Hant', category: 'FDZD.02', year: 2026, page: 0 })).toEqual({
      q: '低保',
      locale: 'zh-Hant',
      category: 'FDZD.02',
      year: 2026,
      page: 1,
      pageSize: 10,
    });
    expect(decode(stringifyQuery(searchQuery({ q: '壶政发〔2026〕12号', locale: 'zh-Hans', organization: '430381106' })))).toEqual([
      'q=壶政发〔2026〕12号',
      'locale=zh-Hans',
      'organization=430381106',
      'page=1',
      'pageSize=10',
    ]);
  });
});

describe('exportPath and years', () => {
  it('builds the export download path', () => {
    expect(exportPath('abc', 'docx', 'zh-Hant')).toBe('/api/disclosure/annual-reports/abc/export?format=docx&locale=zh-Hant');
    expect(exportPath('a/b', 'html', 'zh-Hans')).toBe('/api/disclosure/annual-reports/a%2Fb/export?format=html&locale=zh-Hans');
  });
  it('offers this year back to 2008', () => {
    const years = selectableYears(new Date('2026-06-01T00:00:00Z'));
    expect(years[0]).toBe(2026);
    expect(years[years.length - 1]).toBe(2008);
    expect(years).toHaveLength(19);
  });
});
