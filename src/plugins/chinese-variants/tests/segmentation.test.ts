import { EMPTY_GLOSSARY, getConverter } from '../server/src/engine';
import { Lexicon, jiebaLexicon } from '../server/src/engine/lexicon';
import { Pipeline } from '../server/src/engine/pipeline';

const s2tw = getConverter('s2tw');
const longestMatch = new Pipeline('s2tw');

describe('word segmentation (s2tw)', () => {
  // The table: upstream's longest match takes a phrase across a word boundary.
  it.each([
    ['被发布', '被髮布', '被發佈'],
    ['认为准予许可', '認為準予許可', '認為准予許可'],
    ['五分之一出席', '五分之一齣席', '五分之一出席'],
    ['参与制造', '參與制造', '參與製造'],
  ])('%s: %s by longest match, %s by words', (source, before, after) => {
    expect(longestMatch.run(source, null, false).text).toBe(before);
    expect(s2tw.convertText(source)).toBe(after);
  });

  it('reads 复议 one way in the same text', () => {
    const source = '申请人可以进行复议，也可以依法申请行政复议';
    expect(longestMatch.run(source, null, false).text).toBe('申請人可以進行復議，也可以依法申請行政複議');
    expect(s2tw.convertText(source)).toBe('申請人可以進行複議，也可以依法申請行政複議');
  });

  it("keeps the phrase-level corrections of the seed's character-by-character report", () => {
    const source = '联系电话，规范性文件，并对1000余条信息进行审核，对于公开栏（墙）';
    expect(s2tw.convertText(source)).toBe('聯繫電話，規範性文件，並對1000餘條信息進行審核，對於公開欄（牆）');
  });

  it('keeps a phrase that no word of the text contradicts, as upstream does (芒果|干 reads 果干 → 果乾)', () => {
    expect(s2tw.convertText('芒果干和头发')).toBe('芒果乾和頭髮');
    expect(getConverter('s2twp', EMPTY_GLOSSARY, { allowUnguarded: true }).convertText('大数据')).toBe('大數據');
  });

  it('converts a batch of units as each alone, words never crossing units, even a surrogate pair split between two', () => {
    const units = ['五分之一', '出席', '被发', '布', '干a\ud840', '\udc00一余'];
    expect(s2tw.convertEach(units)).toEqual(units.map((u) => s2tw.convertText(u)));
    expect(s2tw.convertWithSpans(units).join('')).toBe(s2tw.convertText(units.join('')));
  });
});

describe('Lexicon', () => {
  const lex = Lexicon.parse('一 100 m\n出 50 v\n出席 40 v\n一出 10 n\n席 5 n\n');
  const ends = new Int32Array(8);
  const logps = new Float64Array(8);

  it('lists every word starting at a position, shortest first, with log probabilities', () => {
    expect(lex.words).toBe(5);
    const n = lex.wordsAt('一出席', 1, 3, ends, logps);
    expect(n).toBe(2);
    expect([...ends.subarray(0, n)]).toEqual([2, 3]);
    expect(logps[1]).toBeCloseTo(Math.log(40 / 205));
    expect(lex.logpOf('一出席', 0, 2)).toBeCloseTo(Math.log(10 / 205));
    expect(lex.logpOf('一出席', 0, 3)).toBe(0);
    expect(lex.unknownLogp).toBeCloseTo(-Math.log(205));
  });

  it('stops at the end it is given and at unknown characters', () => {
    expect(lex.wordsAt('一出席', 1, 2, ends, logps)).toBe(1);
    expect(lex.wordsAt('甲', 0, 1, ends, logps)).toBe(0);
  });

  it("loads jieba's word list (349,045 lines) into typed arrays", () => {
    const jieba = jiebaLexicon();
    expect(jieba.words).toBeGreaterThan(340_000);
    expect(jieba.logpOf('出席', 0, 2)).toBeGreaterThan(jieba.logpOf('一出', 0, 2));
    expect(jieba.bytes).toBeLessThan(40e6);
  });
});

describe('ambiguities (what the review lists)', () => {
  it('lists a lone character of several forms, with its forms and a word for each, the one written first', () => {
    expect(s2tw.ambiguities('该项工作系本机关职责')).toEqual([
      { index: 4, length: 1, source: '系', candidates: ['系', '係', '繫'], examples: ['系统', '关系', '联系'] },
    ]);
  });

  it('lists nothing that a phrase, a word or a glossary term decides, nor characters whose other forms live only in words', () => {
    expect(s2tw.ambiguities('建立联系，完善体系，了解情况并在会后作出答复，才能推进')).toEqual([]);
    const term = getConverter('s2tw', { version: 'review-term', terms: [{ source: '作系本', replacement: '作係本' }] });
    expect(term.ambiguities('该项工作系本机关职责')).toEqual([]);
  });

  it('does not ask about forms the target writes alike (纔 is 才 in s2tw and s2hk, not in s2t)', () => {
    expect(s2tw.ambiguities('你才知道')).toEqual([]);
    expect(getConverter('s2hk').ambiguities('你才知道')).toEqual([]);
    expect(
      getConverter('s2t')
        .ambiguities('你才知道')
        .map((a) => a.candidates),
    ).toEqual([['才', '纔']]);
  });
});
