import { readFileSync } from 'fs';
import * as path from 'path';
import * as OpenCC from 'opencc-js';
import { longestMatch, newMatch, trieForGroup } from '../server/src/engine/trie';

const GOLDEN = path.resolve(__dirname, '../../../../../shared/reference/opencc-conformance/golden');

describe('trie walk over opencc-js Trie nodes', () => {
  it('finds exactly what opencc-js Trie.matchPrefix finds, at every position', () => {
    const group = OpenCC.Locale.configs.s2tw.conversionChain[0] as unknown as string[];
    const reference = new OpenCC.Trie();
    reference.loadDictGroup(group);
    const root = trieForGroup(group);
    const text = `${readFileSync(path.join(GOLDEN, 'input/us_constitution_zhs.txt'), 'utf8')}𠀾头发𠀾`;
    const m = newMatch();
    let matches = 0;
    const mismatches: number[] = [];
    for (let i = 0; i < text.length; i += 1) {
      const expected = reference.matchPrefix(text, i);
      const found = longestMatch(root, text, i, text.length, m);
      if (found) matches += 1;
      const same = found ? expected !== null && expected.end === m.end && expected.value === m.value : expected === null;
      if (!same) mismatches.push(i);
    }
    expect(mismatches).toEqual([]);
    expect(matches).toBeGreaterThan(1000);
  });

  it('never matches past the end bound', () => {
    const root = trieForGroup(OpenCC.Locale.configs.s2tw.conversionChain[0] as unknown as string[]);
    const m = newMatch();
    expect(longestMatch(root, '头发', 0, 2, m) && m.value).toBe('頭髮');
    expect(longestMatch(root, '头发', 0, 1, m) && m.value).toBe('頭');
  });
});
