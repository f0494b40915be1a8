import { fieldChanges, wordDiff } from '../server/src/engine/text-diff';

describe('word diff of the Simplified source', () => {
  it('cuts Chinese into words, not characters', () => {
    expect(wordDiff('关于开展森林防火检查的通知', '关于开展冬季森林防火专项检查的通知')).toEqual([
      { op: 'same', text: '关于开展' },
      { op: 'added', text: '冬季' },
      { op: 'same', text: '森林防火' },
      { op: 'added', text: '专项' },
      { op: 'same', text: '检查的通知' },
    ]);
    expect(wordDiff('申请人应当补正', '申请人可以补正')).toEqual([
      { op: 'same', text: '申请人' },
      { op: 'removed', text: '应当' },
      { op: 'added', text: '可以' },
      { op: 'same', text: '补正' },
    ]);
  });

  it('shortens long unchanged stretches to context on either side', () => {
    const long = '本机关依据《中华人民共和国政府信息公开条例》第二十条规定主动公开下列政府信息，公民可以通过政府网站查阅。';
    const parts = wordDiff(`${long}截止日期为六月。${long}`, `${long}截止日期为七月。${long}`);
    expect(parts.map((p) => p.op)).toEqual(['same', 'removed', 'added', 'same']);
    expect(parts[0].text.startsWith('…')).toBe(true);
    expect(parts[0].text.length).toBeLessThanOrEqual(13);
    expect(parts[3].text.endsWith('…')).toBe(true);
    expect(parts.filter((p) => p.op !== 'same').map((p) => p.text)).toEqual(['六月', '七月']);
  });

  it('finds one change in a long body (segmented sentence by sentence)', () => {
    const sentence = '本机关依据《中华人民共和国政府信息公开条例》第二十条规定主动公开下列政府信息，公民可以通过政府网站查阅。';
    const before = sentence.repeat(1000) + '申请截止日期为六月三十日。' + sentence.repeat(1000);
    const after = before.replace('六月三十日', '七月十五日');
    const changed = wordDiff(before, after).filter((p) => p.op !== 'same');
    expect(changed.map((p) => p.text).join('|')).toMatch(/六月.*\|.*七月/);
  });

  it('shows a rewritten field as replaced, by the beginning of each version', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `第${i}条规定的事项。`).join('');
    const after = Array.from({ length: 3000 }, (_, i) => `附表${i * 7}所列内容。`).join('');
    const parts = wordDiff(before, after);
    expect(parts.map((p) => p.op)).toEqual(['removed', 'added']);
    expect(parts[0].text).toBe(`${before.slice(0, 24)}…`);
    expect(parts[1].text).toBe(`${after.slice(0, 24)}…`);
  });

  it('lists only the fields that changed, removed fields last', () => {
    expect(fieldChanges({ title: '通知', summary: '旧摘要', body: '正文' }, { title: '通知', body: '新正文' })).toEqual([
      {
        field: 'body',
        parts: [
          { op: 'added', text: '新' },
          { op: 'same', text: '正文' },
        ],
      },
      { field: 'summary', parts: [{ op: 'removed', text: '旧摘要' }] },
    ]);
  });
});
