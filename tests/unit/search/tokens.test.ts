/**
 * Full-text tokens: a query finds a text exactly when (for Han characters, digits and letters) the text
 * contains it, checked here against a brute-force substring match with an in-memory phrase matcher that
 * behaves as FTS5 and tsquery phrases do.
 */
import {
  excerpt,
  highlight,
  indexTokens,
  phraseOf,
  queryTerms,
  runsPattern,
  runsText,
  tsqueryTokens,
  type Phrase,
} from '../../../src/plugins/disclosure/server/src/core/search';

function phraseMatches(text: string, p: Phrase): boolean {
  const tokens = indexTokens(text).split(' ');
  for (let i = 0; i + p.tokens.length <= tokens.length; i++) {
    if (p.tokens.every((t, j) => (p.prefix && j === p.tokens.length - 1 ? tokens[i + j].startsWith(t) : tokens[i + j] === t))) return true;
  }
  return false;
}

describe('search tokens', () => {
  it('indexes Han runs as bigrams plus the last character, other runs as lower-case words', () => {
    expect(indexTokens('壶政发〔2026〕12号')).toBe('壶政 政发 发 2026 12 号');
    expect(indexTokens('ＰＤＦ文件')).toBe('pdf 文件 件');
    expect(indexTokens('')).toBe('');
  });

  it('turns a query term into a phrase whose last single character or word is a prefix', () => {
    expect(phraseOf('房屋')).toEqual({ tokens: ['房屋'], prefix: false });
    expect(phraseOf('壶政发〔2026〕12号')).toEqual({ tokens: ['壶政', '政发', '发', '2026', '12', '号'], prefix: true });
    expect(phraseOf('低')).toEqual({ tokens: ['低'], prefix: true });
    expect(phraseOf('〔〕')).toBeNull();
    expect(queryTerms('  低保　房屋 低保 ')).toEqual(['低保', '房屋']);
  });

  it('finds a Han substring of two or more characters exactly where the text contains it', () => {
    const texts = ['关于做好城乡低保工作的通知', '房屋征收与补偿', '壶天镇人民政府关于印发壶政发〔2026〕12号文件的通知', '低温天气提示', '保障房屋安全'];
    const queries = ['低保', '房屋', '屋征', '人民政府', '壶政发〔2026〕12号', '12号文件', '通知', '保障', '天气提', '政府关于印发', '文件的'];
    for (const q of queries) {
      const p = phraseOf(q)!;
      for (const text of texts) {
        const plain = (s: string) => s.replace(/[〔〕]/g, '');
        expect([q, text, phraseMatches(text, p)]).toEqual([q, text, plain(text).includes(plain(q))]);
      }
    }
  });

  it('finds a single character anywhere in a run', () => {
    for (const text of ['低保', '城乡低保', '保']) expect(phraseMatches(text, phraseOf('保')!)).toBe(true);
    expect(phraseMatches('城乡低', phraseOf('保')!)).toBe(false);
  });
});

describe('runs', () => {
  it('contain the pattern of a term exactly where the text holds its phrase (how PostgreSQL confirms phrases)', () => {
    const texts = [
      '关于做好城乡低保工作的通知',
      '壶天镇人民政府关于印发壶政发〔2026〕12号文件的通知',
      '房屋安全，屋征稿件，征收公告；12号文件2026年',
      'PDF文件 2026年度 abc12号码',
      '号2026 x12 甲号码',
      '低',
    ];
    const queries = [
      '低保',
      '房屋征收',
      '2026〕12号',
      '壶政发〔2026〕12号',
      '12号',
      '号',
      '号2026',
      'pdf文',
      'abc',
      'bc',
      '2026',
      '026',
      '12号码',
      '甲号',
      '低保工作的',
      '文件2026',
    ];
    for (const q of queries) {
      for (const text of texts) {
        expect([q, text, runsText(text).includes(runsPattern(q)!)]).toEqual([q, text, phraseMatches(text, phraseOf(q)!)]);
      }
    }
    // fields are apart: a phrase never spans two
    expect(runsText('城乡低', '保障').includes(runsPattern('低保')!)).toBe(false);
    expect(runsPattern('〔〕')).toBeNull();
  });

  it('leave to them what the index would pay much for: a closing prefix and single characters', () => {
    expect(tsqueryTokens(phraseOf('湘政办发〔2024〕45号')!)).toBe("('湘政' & '政办' & '办发' & '2024' & '45')");
    expect(tsqueryTokens(phraseOf('房屋')!)).toBe("'房屋'");
    expect(tsqueryTokens(phraseOf('低')!)).toBe("'低':*");
    expect(tsqueryTokens(phraseOf('号2026')!)).toBe("'2026':*");
    expect(tsqueryTokens(phraseOf('号码')!)).toBe("'号码'");
  });
});

describe('excerpts', () => {
  it('cuts around the first hit and marks every hit, escaping the rest', () => {
    const body = '甲'.repeat(200) + '城乡<低保>对象' + '乙'.repeat(200);
    const cut = excerpt(body, ['低保']);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toContain('城乡<低保>对象');
    expect(highlight(cut, ['低保'])).toContain('城乡&lt;<mark>低保</mark>&gt;对象');
    expect(highlight('Low 低保 LOW', ['low'])).toBe('<mark>Low</mark> 低保 <mark>LOW</mark>');
  });
});
