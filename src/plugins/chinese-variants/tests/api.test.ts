import { CONVERSIONS, convert, ConversionError, FORMATS, formatConverter, getConverter, isConversion, isFormat, type Conversion } from '../server/src/engine';

function errorOf(fn: () => unknown): ConversionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConversionError) return e;
    throw e;
  }
  throw new Error('expected a ConversionError');
}

describe('engine API', () => {
  it('offers the eight conversions and four formats', () => {
    expect([...CONVERSIONS]).toEqual(['s2t', 's2tw', 's2hk', 's2twp', 't2s', 'tw2s', 'tw2sp', 'hk2s']);
    expect([...FORMATS]).toEqual(['text', 'html', 'markdown', 'blocks']);
    expect(CONVERSIONS.every(isConversion)).toBe(true);
    expect(isConversion('s2hkp')).toBe(false);
    expect(isConversion(undefined)).toBe(false);
    expect(isFormat('html')).toBe(true);
    expect(isFormat('rtf')).toBe(false);
  });

  it.each<[Conversion, string, string]>([
    ['s2t', '头发和信息', '頭髮和信息'],
    ['s2tw', '头发里的软件', '頭髮裡的軟件'],
    ['s2hk', '头发里的软件', '頭髮裏的軟件'],
    ['s2twp', '方便面和鼠标', '泡麵和滑鼠'],
    ['t2s', '頭髮和資訊', '头发和资讯'],
    ['tw2s', '頭髮裡的軟件', '头发里的软件'],
    ['tw2sp', '資訊檔案', '信息文件'],
    ['hk2s', '頭髮裏的軟件', '头发里的软件'],
  ])('%s converts text', (conversion, input, expected) => {
    expect(convert(conversion, 'text', input)).toBe(expected);
    expect(getConverter(conversion).convertText(input)).toBe(expected);
  });

  it('throws typed errors for unknown conversions and formats, and content of the wrong type', () => {
    expect(errorOf(() => convert('s2x' as Conversion, 'text', '头发')).code).toBe('UNKNOWN_CONVERSION');
    expect(errorOf(() => getConverter('zh' as Conversion)).message).toMatch(/Unknown conversion "zh"/);
    expect(errorOf(() => convert('s2t', 'rtf' as 'text', '头发')).code).toBe('UNKNOWN_FORMAT');
    expect(errorOf(() => convert('s2t', 'text', 1 as unknown as string)).code).toBe('INVALID_CONTENT');
    expect(errorOf(() => convert('s2t', 'blocks', '头发' as unknown as [])).code).toBe('INVALID_CONTENT');
  });

  it('formatConverter returns a reusable function per format', () => {
    const toHtml = formatConverter('s2tw', 'html');
    expect(toHtml('<b>头</b>发')).toBe('<b>頭</b>髮');
    expect(toHtml('<i>头发</i>')).toBe('<i>頭髮</i>');
    expect(formatConverter('s2tw', 'text')('头发')).toBe('頭髮');
  });
});
