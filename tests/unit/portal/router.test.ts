import { buildHash, noticesHash, parseHash, type Route } from '../../../portal/src/router';

describe('parseHash', () => {
  it('treats empty, "#" and in-page anchors as the home page', () => {
    expect(parseHash('')).toEqual({ name: 'home', params: {} });
    expect(parseHash('#')).toEqual({ name: 'home', params: {} });
    expect(parseHash('#main')).toEqual({ name: 'home', params: {} });
    expect(parseHash('#/')).toEqual({ name: 'home', params: { org: undefined, year: undefined } });
  });

  it('reads the catalogue parameters', () => {
    expect(parseHash('#/?org=430381&year=2020')).toEqual({ name: 'home', params: { org: '430381', year: 2020 } });
    expect(parseHash('#/?year=20x0')).toEqual({ name: 'home', params: { org: undefined, year: undefined } });
  });

  it('reads the notice list filters', () => {
    expect(parseHash('#/notices?category=FDZD.02&year=2020&q=%E5%AE%89%E5%85%A8&page=3&org=430381106')).toEqual({
      name: 'notices',
      params: { category: 'FDZD.02', year: 2020, q: '安全', org: '430381106', page: 3 },
    });
  });

  it('defaults and sanitises page, year and blanks', () => {
    expect(parseHash('#/notices')).toEqual({ name: 'notices', params: { category: undefined, year: undefined, q: undefined, org: undefined, page: 1 } });
    expect(parseHash('#/notices?page=0&year=abc&q=%20%20')).toMatchObject({ params: { page: 1, year: undefined, q: undefined } });
    expect(parseHash('#/notices?page=-2')).toMatchObject({ params: { page: 1 } });
    expect(parseHash('#/notices?page=x')).toMatchObject({ params: { page: 1 } });
  });

  it('keeps a query containing "?" and "&" intact when encoded', () => {
    expect(parseHash('#/notices?q=' + encodeURIComponent('a&b?c'))).toMatchObject({ params: { q: 'a&b?c' } });
  });

  it('reads document pages', () => {
    expect(parseHash('#/notices/f1apvbq4g0oonkwwzp2bqg81')).toEqual({ name: 'notice', documentId: 'f1apvbq4g0oonkwwzp2bqg81' });
    expect(parseHash('#/reports')).toEqual({ name: 'reports' });
    expect(parseHash('#/reports/')).toEqual({ name: 'reports' });
    expect(parseHash('#/reports/abc123')).toEqual({ name: 'report', documentId: 'abc123' });
  });

  it('reads the online application pages', () => {
    expect(parseHash('#/apply')).toEqual({ name: 'apply' });
    expect(parseHash('#/apply/status')).toEqual({ name: 'apply-status' });
    expect(parseHash('#/apply/other')).toEqual({ name: 'not-found', path: '/apply/other' });
  });

  it('reports unknown paths and refuses odd document ids', () => {
    expect(parseHash('#/nope')).toEqual({ name: 'not-found', path: '/nope' });
    expect(parseHash('#/notices/a/b')).toEqual({ name: 'not-found', path: '/notices/a/b' });
    expect(parseHash('#/notices/%3Cscript%3E')).toMatchObject({ name: 'not-found' });
  });
});

describe('buildHash', () => {
  const routes: Route[] = [
    { name: 'home', params: { org: '430381106', year: 2026 } },
    { name: 'notices', params: { category: 'FDZD.02.01', year: 2020, q: '安全 生产&x', org: '430381', page: 2 } },
    { name: 'notice', documentId: 'abc' },
    { name: 'reports' },
    { name: 'report', documentId: 'r1' },
    { name: 'apply' },
    { name: 'apply-status' },
  ];
  it.each(routes)('round-trips %j', (route) => {
    const back = parseHash(buildHash(route));
    expect(back).toMatchObject(route);
  });

  it('leaves out empty parameters and page 1', () => {
    expect(noticesHash({ category: 'GUIDE', page: 1 })).toBe('#/notices?category=GUIDE');
    expect(noticesHash({})).toBe('#/notices');
    expect(buildHash({ name: 'home', params: {} })).toBe('#/');
  });
});
