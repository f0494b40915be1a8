import {
  cachedConverterKeys,
  clearConverterCache,
  DEFAULT_GLOSSARY,
  formatConverter,
  getConverter,
  MAX_GLOSSARY_VERSIONS_PER_CONVERSION,
  type Glossary,
} from '../server/src/engine';

const glossary = (version: string): Glossary => ({ version, terms: [{ source: '里耶', replacement: `里耶${version}` }] });

describe('converter cache', () => {
  beforeEach(() => clearConverterCache());

  it('returns the same converter object for the same (conversion, glossary version)', () => {
    const a = getConverter('s2tw', glossary('v1'));
    expect(getConverter('s2tw', glossary('v1'))).toBe(a);
    expect(getConverter('s2tw')).toBe(getConverter('s2tw', DEFAULT_GLOSSARY));
    expect(getConverter('s2tw', glossary('v2'))).not.toBe(a);
    expect(getConverter('s2hk', glossary('v1'))).not.toBe(a);
  });

  it('is keyed by version: a new version is what makes new terms take effect', () => {
    expect(getConverter('s2tw', glossary('v1')).convertText('里耶')).toBe('里耶v1');
    // Same version, different terms: the cached converter is reused (documented contract).
    expect(getConverter('s2tw', { version: 'v1', terms: [] }).convertText('里耶')).toBe('里耶v1');
    expect(getConverter('s2tw', glossary('v2')).convertText('里耶')).toBe('里耶v2');
  });

  it('evicts old glossary versions per conversion, least recently used first', () => {
    const first = getConverter('s2t', glossary('old'));
    for (let k = 0; k < MAX_GLOSSARY_VERSIONS_PER_CONVERSION; k += 1) getConverter('s2t', glossary(`new${k}`));
    getConverter('s2tw', glossary('other'));
    const keys = cachedConverterKeys();
    expect(keys.filter((k) => k.conversion === 's2t').map((k) => k.version)).toEqual(
      Array.from({ length: MAX_GLOSSARY_VERSIONS_PER_CONVERSION }, (_, k) => `new${k}`),
    );
    expect(keys).toContainEqual({ conversion: 's2tw', version: 'other' });
    expect(getConverter('s2t', glossary('old'))).not.toBe(first); // rebuilt after eviction
  });

  it('keeps a recently used version over an older one', () => {
    const keep = getConverter('s2t', glossary('keep'));
    for (let k = 0; k < MAX_GLOSSARY_VERSIONS_PER_CONVERSION * 2; k += 1) {
      getConverter('s2t', glossary(`n${k}`));
      expect(getConverter('s2t', glossary('keep'))).toBe(keep);
    }
  });

  it('format converters share the cached converter', () => {
    const before = cachedConverterKeys().length;
    formatConverter('s2hk', 'html');
    formatConverter('s2hk', 'markdown');
    formatConverter('s2hk', 'blocks');
    expect(cachedConverterKeys().length).toBe(before + 1);
  });

  it('builds a new glossary version cheaply: dictionaries are shared per process', () => {
    getConverter('s2tw', glossary('warm'));
    const t0 = process.hrtime.bigint();
    getConverter('s2tw', glossary('cold-glossary'));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    expect(ms).toBeLessThan(50); // the dictionary build alone takes ~100 ms or more
  });
});
