import { readFileSync } from 'fs';
import * as path from 'path';
import { DEFAULT_GLOSSARY, EMPTY_GLOSSARY, getConverter } from '../server/src/engine';

const GOLDEN = path.resolve(__dirname, '../../../../../shared/reference/opencc-conformance/golden');
const input = readFileSync(path.join(GOLDEN, 'input/us_constitution_zhs.txt'), 'utf8');
const golden = (config: string): string => readFileSync(path.join(GOLDEN, `output/us_constitution_zhs.${config}.txt`), 'utf8');

describe('golden document (US Constitution, 22 KB)', () => {
  it.each(['s2t', 's2tw', 's2hk'] as const)('%s with the default glossary is byte-identical to upstream', (conversion) => {
    expect(getConverter(conversion).convertText(input)).toBe(golden(conversion));
  });

  it.each(['s2t', 's2tw', 's2hk'] as const)('%s with an empty glossary is byte-identical to upstream', (conversion) => {
    expect(getConverter(conversion, EMPTY_GLOSSARY).convertText(input)).toBe(golden(conversion));
  });

  it('s2twp with an empty glossary (expert escape hatch) is byte-identical to upstream', () => {
    expect(getConverter('s2twp', EMPTY_GLOSSARY, { allowUnguarded: true }).convertText(input)).toBe(golden('s2twp'));
  });

  it('s2twp with the default glossary differs from upstream only at the protected words', () => {
    const out = getConverter('s2twp', DEFAULT_GLOSSARY).convertText(input);
    // The document's only protected words: 发布 (once, 釋出 upstream) and 设置 (once, 設定 upstream).
    expect(input.split('发布')).toHaveLength(2);
    expect(input.split('设置')).toHaveLength(2);
    const expected = golden('s2twp').replace('當局應釋出選舉令', '當局應發佈選舉令').replace('期間設定或增薪', '期間設置或增薪');
    expect(expected).not.toBe(golden('s2twp'));
    expect(out).toBe(expected);
  });

  it('s2twp with the default glossary keeps every other Taiwan phrase (place names) of upstream s2twp', () => {
    const out = getConverter('s2twp').convertText(input);
    for (const tw of ['紐澤西州', '維吉尼亞', '康乃狄克州', '西元', '儲存']) expect(out).toContain(tw);
  });
});
