import { getConverter, LEGAL_TERMS, LEGAL_VOCABULARY, withDefaultGlossary } from '../server/src/engine';

/** The agreed Traditional (s2tw) form of a few of the names, checked by hand; the rest follow the same rules. */
const AGREED: Record<string, string> = {
  中华人民共和国行政复议法: '中華人民共和國行政複議法',
  中华人民共和国政府信息公开条例: '中華人民共和國政府信息公開條例',
  中华人民共和国数据安全法: '中華人民共和國數據安全法',
  中华人民共和国网络安全法: '中華人民共和國網絡安全法',
  中华人民共和国政府采购法: '中華人民共和國政府採購法',
  国有土地上房屋征收与补偿条例: '國有土地上房屋徵收與補償條例',
  最高人民法院关于审理政府信息公开行政案件若干问题的规定: '最高人民法院關於審理政府信息公開行政案件若干問題的規定',
  发展和改革委员会: '發展和改革委員會',
  政务服务和大数据管理局: '政務服務和大數據管理局',
  人力资源和社会保障局: '人力資源和社會保障局',
};

const glossary = withDefaultGlossary({ version: 'legal', terms: LEGAL_TERMS });

describe('legal and institutional vocabulary', () => {
  it('holds each name once', () => {
    expect(new Set(LEGAL_VOCABULARY).size).toBe(LEGAL_VOCABULARY.length);
    expect(LEGAL_VOCABULARY.length).toBeGreaterThanOrEqual(80);
  });

  it.each(Object.entries(AGREED))('%s is written %s', (source, traditional) => {
    expect(LEGAL_VOCABULARY).toContain(source);
    expect(getConverter('s2tw', glossary).convertText(source)).toBe(traditional);
  });

  it('keeps a name as the name under s2twp (no Taiwan vocabulary inside it), while the text around it gets it', () => {
    const text = '依照《中华人民共和国数据安全法》，本机关配备了出租车。';
    const out = getConverter('s2twp', withDefaultGlossary({ version: 'legal-twp', terms: LEGAL_TERMS })).convertText(text);
    expect(out).toContain('《中華人民共和國數據安全法》');
    expect(out).toContain('本機關配備了計程車');
  });

  it('writes a name the same way wherever it stands, whatever its neighbours', () => {
    const c = getConverter('s2tw', glossary);
    const out = c.convertText('申请人可以进行复议，依据《中华人民共和国行政复议法》和行政复议法实施条例申请行政复议。');
    expect(out).toBe('申請人可以進行複議，依據《中華人民共和國行政複議法》和行政複議法實施條例申請行政複議。');
    for (const name of LEGAL_VOCABULARY) {
      const alone = c.convertText(name);
      for (const [before, after] of [
        ['依照', '的规定'],
        ['发', '布'],
        ['一', '出'],
      ]) {
        expect(c.convertText(`${before}${name}${after}`)).toContain(alone);
      }
    }
  });
});
