import { resolveConfig, validateConfig, REVERSE } from '../server/src/config';
import { glossaryForLocale, withProtected } from '../server/src/services/glossary';
import { convert, PROTECTED_SOURCES } from '../server/src/engine';

describe('plugin config', () => {
  it('defaults: zh-Hans → zh-Hant with s2tw, all localized types, sync on', () => {
    expect(resolveConfig({})).toEqual({ sourceLocale: 'zh-Hans', targets: { 'zh-Hant': 's2tw' }, contentTypes: undefined, sync: true });
  });

  it('a targets map replaces the default one (no deep merge)', () => {
    expect(resolveConfig({ targets: { 'zh-Hant-HK': 's2hk', 'zh-Hant-TW': 's2twp' } }).targets).toEqual({ 'zh-Hant-HK': 's2hk', 'zh-Hant-TW': 's2twp' });
  });

  it.each([
    [{ sourceLocale: 42 }, /sourceLocale/],
    [{ targets: [] }, /targets must be a map/],
    [{ targets: {} }, /at least one/],
    [{ targets: { 'zh-Hant': 't2s' } }, /s2t, s2tw, s2hk, s2twp/],
    [{ targets: { 'zh-Hant': 's2tw', 'zh-Hans': 's2t' } }, /source locale/],
    [{ targets: { 'not a locale!': 's2t' } }, /not a locale code/],
    [{ contentTypes: ['notice'] }, /content-type uids/],
    [{ sync: 'yes' }, /sync must be a boolean/],
  ])('refuses %j', (config, message) => {
    expect(() => validateConfig(config)).toThrow(message);
  });

  it('has a reverse conversion for every target conversion', () => {
    expect(REVERSE).toEqual({ s2t: 't2s', s2tw: 'tw2s', s2hk: 'hk2s', s2twp: 'tw2s' });
  });
});

describe('stored glossary → engine glossary', () => {
  const rows = [
    { term: '里耶', replacements: { 'zh-Hant': '里耶' }, enabled: true },
    { term: '发布', replacements: {}, enabled: true },
    { term: '网络', replacements: { 'zh-Hant-TW': '網路' }, enabled: true },
    { term: '停用', replacements: { 'zh-Hant': 'X' }, enabled: false },
  ];

  it('per locale: a replacement when the locale has one, else keep; disabled terms left out', () => {
    expect(glossaryForLocale(rows, 'zh-Hant', 'v1')).toEqual({
      version: 'v1:zh-Hant',
      terms: [
        { source: '里耶', replacement: '里耶' },
        { source: '发布', keep: true },
        { source: '网络', keep: true },
      ],
    });
    expect(glossaryForLocale(rows, 'zh-Hant-TW', 'v1').terms[2]).toEqual({ source: '网络', replacement: '網路' });
  });

  it('the protected vocabulary is always there, so s2twp can run even after an editor deleted a term', () => {
    const g = withProtected(glossaryForLocale(rows, 'zh-Hant-TW', 'v2'));
    const sources = new Set(g.terms.map((t) => t.source));
    expect(PROTECTED_SOURCES.every((s) => sources.has(s))).toBe(true);
    expect(convert('s2twp', 'text', '发布信息的网络', g)).toBe('發佈信息的網路');
  });
});
