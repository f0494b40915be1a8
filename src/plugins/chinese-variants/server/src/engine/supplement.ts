/**
 * Phrases the engine puts in front of OpenCC's own (s2* conversions, which cut text into words):
 * each one a dictionary gap found by the government-text test set, as [Simplified, Traditional, why].
 * Rules as data: a new gap is a new row here and a sentence in tests/gov-text.
 */
export const SUPPLEMENT: ReadonlyArray<readonly [string, string, string]> = [
  ['折合', '折合', '折合 (to amount to: 折合人民币) keeps 折; STPhrases reads 摺合 (to fold)'],
  ['县志', '縣志', 'a gazetteer is 志 (宜蘭縣志, 臺灣省通志); STPhrases reads 縣誌'],
  ['地方志', '地方志', 'as 县志'],
  ['市志', '市志', 'as 县志'],
  ['省志', '省志', 'as 县志'],
  ['涉烟', '涉菸', 'tobacco is 菸 (菸草, 菸葉): 涉烟违法 is about tobacco, not smoke'],
  ['编制规划', '編製規劃', 'to compile is 編製; 編制 (STPhrases) is a staffing establishment'],
  ['编制预算', '編製預算', 'as 编制规划'],
];

/** The supplement as an opencc-js serialized dictionary ("source target|…"). */
export const SUPPLEMENT_DICT = SUPPLEMENT.map(([source, target]) => `${source} ${target}`).join('|');
