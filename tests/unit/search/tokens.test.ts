/**
 * Full-text tokens: a query finds a text exactly when (for Han characters, digits and letters) the text
 * contains it, checked here against a brute-force substring match with an in-memory phrase matcher that
 * behaves as FTS5 and tsquery phrases do.
 */
import { excerpt, highlight, indexTokens, phraseOf, queryTerms, type Phrase } from '../../../src/plugins/disclosure/server/src/core/search';

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
