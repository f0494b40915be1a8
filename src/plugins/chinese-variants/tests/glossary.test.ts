import { readFileSync } from 'fs';
import * as path from 'path';
import * as OpenCC from 'opencc-js';
import {
  ConversionError,
  DEFAULT_GLOSSARY,
  EMPTY_GLOSSARY,
  getConverter,
  PROTECTED_COMPOUNDS,
  PROTECTED_SOURCES,
  PROTECTED_VOCABULARY,
  withDefaultGlossary,
  type Glossary,
} from '../server/src/engine';

const GOLDEN = path.resolve(__dirname, '../../../../../shared/reference/opencc-conformance/golden');
const golden = readFileSync(path.join(GOLDEN, 'input/us_constitution_zhs.txt'), 'utf8');

const s2tw = getConverter('s2tw', EMPTY_GLOSSARY);
const s2twpUnguarded = getConverter('s2twp', EMPTY_GLOSSARY, { allowUnguarded: true });
const s2twp = getConverter('s2twp'); // default glossary

const glossary = (version: string, ...terms: Glossary['terms']): Glossary => ({ version, terms });

describe('default glossary under s2twp', () => {
  it('contains the official vocabulary the brief names', () => {
    const required = '发布 文件 信息 设置 优化 窗口 项目 支持 数据 网络 执行 程序 默认 打印 质量 视频 软件 硬件 服务器 用户';
    expect([...PROTECTED_VOCABULARY].sort()).toEqual(required.split(' ').sort());
    expect(DEFAULT_GLOSSARY.terms.map((t) => t.source)).toEqual(PROTECTED_SOURCES);
  });

  it.each([...PROTECTED_VOCABULARY])('keeps %s as its s2tw (Traditional characters) form, alone and in a sentence', (word) => {
    expect(s2twp.convertText(word)).toBe(s2tw.convertText(word));
    expect(s2twp.convertText(`关于${word}的通知`)).toBe(s2tw.convertText(`关于${word}的通知`));
  });

  it('gives the forms checked against opencc-js, not the Taiwan IT vocabulary', () => {
    expect(s2twp.convertText('发布')).toBe('發佈'); // s2tw's own form; unguarded s2twp gives 釋出
    expect(s2twp.convertText('文件')).toBe('文件');
    expect(s2twp.convertText('信息')).toBe('信息');
    expect(s2twpUnguarded.convertText('发布')).toBe('釋出');
    expect(s2twpUnguarded.convertText('文件')).toBe('檔案');
    expect(s2twpUnguarded.convertText('信息')).toBe('資訊');
    // 18 of the 20 are rewritten by s2twp on their own; 执行 and 质量 only inside compounds (执行官 → 執行長).
    const rewritten = PROTECTED_VOCABULARY.filter((w) => s2twpUnguarded.convertText(w) !== s2tw.convertText(w));
    expect([...PROTECTED_VOCABULARY].filter((w) => !rewritten.includes(w))).toEqual(['执行', '质量']);
  });

  it('protects compounds too: 新闻发布会, 规范性文件, 数据库, 用户名', () => {
    expect(s2twp.convertText('召开新闻发布会')).toBe('召開新聞發佈會');
    expect(s2twpUnguarded.convertText('召开新闻发布会')).toBe('召開新聞釋出會');
    expect(s2twp.convertText('规范性文件')).toBe('規範性文件');
    expect(s2twp.convertText('数据库')).toBe('數據庫');
    expect(s2twp.convertText('用户名')).toBe('用戶名');
    expect(s2twpUnguarded.convertText('用户名')).toBe('使用者名稱');
  });

  it('lists exactly the OpenCC phrases in which s2twp would lose a protected word (re-derived from opencc-js)', () => {
    const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const twp = OpenCC.Converter({ from: 'cn', to: 'twp' });
    const segmentation = (OpenCC.Locale.configs.s2tw.segmentation as unknown as string[]).join('|');
    const phrases = new Set(segmentation.split('|').map((line) => line.split(' ')[0]));
    const derived = [...phrases]
      .filter((p) => !PROTECTED_VOCABULARY.includes(p))
      .filter((p) => PROTECTED_VOCABULARY.some((w) => p.includes(w) && !twp(p).includes(tw(w))))
      .sort();
    expect([...PROTECTED_COMPOUNDS].sort()).toEqual(derived);
  });

  it('leaves the rest of s2twp alone (Taiwan phrases that are not official vocabulary)', () => {
    expect(s2twp.convertText('方便面和鼠标')).toBe('泡麵和滑鼠');
  });
});

describe('s2twp guard', () => {
  it('refuses to build without the protected vocabulary', () => {
    expect(() => getConverter('s2twp', EMPTY_GLOSSARY)).toThrow(ConversionError);
    expect(() => getConverter('s2twp', glossary('mine-1', { source: '里耶', replacement: '里耶' }))).toThrow(
      /s2twp rewrites official vocabulary.*Missing: 发布, 文件, 信息/,
    );
    try {
      getConverter('s2twp', glossary('partial', ...DEFAULT_GLOSSARY.terms.filter((t) => t.source !== '数据库')));
      throw new Error('expected a ConversionError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConversionError);
      expect((e as ConversionError).code).toBe('UNGUARDED_CONVERSION');
      expect((e as ConversionError).message).toContain('Missing: 数据库.');
    }
  });

  it('accepts the default glossary merged with the caller terms, and overrides of protected words', () => {
    const mine = withDefaultGlossary(glossary('mine-2', { source: '数据', replacement: '資料' }));
    expect(getConverter('s2twp', mine).convertText('数据和信息')).toBe('資料和信息');
  });

  it('cannot be bypassed through the cache once an expert built the unguarded converter', () => {
    const g = glossary('expert-only', { source: '里耶', replacement: '里耶' });
    expect(getConverter('s2twp', g, { allowUnguarded: true }).convertText('信息')).toBe('資訊');
    expect(() => getConverter('s2twp', g)).toThrow(ConversionError);
  });

  it('does not apply to the other conversions', () => {
    expect(getConverter('s2tw', EMPTY_GLOSSARY).convertText('信息')).toBe('信息');
    expect(getConverter('tw2sp').convertText('資訊檔案')).toBe('信息文件');
  });
});

describe('glossary terms', () => {
  it('replaces a term with its replacement', () => {
    expect(s2tw.convertText('里耶秦简')).toBe('裡耶秦簡'); // OpenCC reads 里 as 裡 (inside)
    expect(getConverter('s2tw', glossary('liye', { source: '里耶', replacement: '里耶' })).convertText('里耶秦简')).toBe('里耶秦簡');
  });

  it('never lets a later stage re-convert a replacement', () => {
    // s2tw's second stage maps 爲 → 為; the replacement must come out exactly as written.
    expect(s2tw.convertText('我们为人民服务')).toBe('我們為人民服務');
    const g = glossary('wei', { source: '为人民服务', replacement: '爲人民服務' });
    expect(getConverter('s2tw', g).convertText('我们为人民服务')).toBe('我們爲人民服務');
  });

  it('competes with OpenCC phrases by length, winning ties', () => {
    const withTerm = (source: string): string => getConverter('s2tw', glossary(`len-${source}`, { source, replacement: 'X' })).convertText('头发长');
    expect(withTerm('头发')).toBe('X長'); // same length as the phrase 头发: glossary wins
    expect(withTerm('头发长')).toBe('X'); // longer: glossary wins
    expect(withTerm('头')).toBe('頭髮長'); // shorter than the phrase 头发: the phrase wins
    // A phrase starting earlier (理头发) is never cut by a term starting inside it.
    expect(getConverter('s2tw', glossary('len-头发')).convertText('理头发长')).toBe('理頭髮長');
  });

  it('does not break OpenCC phrases next to a term', () => {
    const g = withDefaultGlossary(glossary('liye-tw', { source: '里耶', replacement: '里耶' }));
    const out = getConverter('s2twp', g).convertText('头发里耶方便面');
    expect(out).toBe(`${s2twpUnguarded.convertText('头发')}里耶${s2twpUnguarded.convertText('方便面')}`);
    expect(out).toBe('頭髮里耶泡麵');
  });

  it('a later term overrides an earlier one with the same source', () => {
    const g = glossary('override', { source: '里耶', replacement: 'A' }, { source: '里耶', replacement: 'B' });
    expect(getConverter('s2tw', g).convertText('里耶')).toBe('B');
  });

  it('changes nothing when its terms do not occur (golden document, byte for byte)', () => {
    const absent = glossary('absent', ...['里耶', '张家界', '信息公开', '政府信息'].map((source) => ({ source, keep: true })));
    for (const w of absent.terms) expect(golden.includes(w.source)).toBe(false);
    for (const c of ['s2t', 's2tw', 's2hk'] as const) {
      expect(getConverter(c, absent).convertText(golden)).toBe(getConverter(c, EMPTY_GLOSSARY).convertText(golden));
    }
    const twp = withDefaultGlossary(absent);
    expect(getConverter('s2twp', twp).convertText(golden)).toBe(getConverter('s2twp').convertText(golden));
  });

  it('keeps accuracy when kept terms occur all over the document (golden document, byte for byte)', () => {
    const present = glossary(
      'present',
      ...['宪法', '众议院', '参议院', '合众国', '总统', '国会', '法律', '选举', '各州', '美利坚'].map((source) => ({ source, keep: true })),
    );
    for (const w of present.terms) expect(golden.includes(w.source)).toBe(true);
    for (const c of ['s2t', 's2tw', 's2hk'] as const) {
      expect(getConverter(c, present).convertText(golden)).toBe(getConverter(c, EMPTY_GLOSSARY).convertText(golden));
    }
  });

  it('rejects malformed glossaries with a ConversionError', () => {
    const bad: unknown[] = [
      { version: '', terms: [] },
      { version: 'b1', terms: 'x' },
      { version: 'b2', terms: [{ source: '' }] },
      { version: 'b3', terms: [{ source: '里耶', replacement: '' }] },
      { version: 'b4', terms: [{ source: '里耶', keep: false }] },
      { version: 'b5', terms: [{ source: '里耶', keep: true, replacement: '里耶' }] },
      { version: 'b6', terms: [null] },
    ];
    for (const g of bad) {
      expect(() => getConverter('s2tw', g as Glossary)).toThrow(ConversionError);
    }
  });

  it('defaults: the Simplified default glossary for s2*, none for conversions from Traditional', () => {
    expect(getConverter('s2tw').glossaryVersion).toBe(DEFAULT_GLOSSARY.version);
    expect(getConverter('t2s').glossaryVersion).toBe(EMPTY_GLOSSARY.version);
    expect(getConverter('tw2sp').glossaryVersion).toBe(EMPTY_GLOSSARY.version);
  });
});
