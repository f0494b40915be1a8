/**
 * Figures as report prose writes them: Arabic digits (1,234 / 5.6 / 1.2万) and Chinese numerals
 * (一百一十三, 两千, 十二, 三千零五, 〇), each followed by a unit (件, 条, 元, 万元, 人次…) or a percent.
 */

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000, 億: 100_000_000 };

/** 一百一十三 → 113, 十二 → 12, 两千零五 → 2005, 三万二千 → 32000; undefined when not a numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGIT) {
      digit = DIGIT[ch];
    } else if (ch in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[ch];
      digit = null;
    } else if (ch in BIG_UNIT) {
      total = (total + section + (digit ?? 0)) * BIG_UNIT[ch];
      section = 0;
      digit = null;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** The units a stated figure may carry; 万元 is an amount in ten thousands of yuan, % a rate. */
export const UNITS = ['万元', '元', '件', '条', '人次', '个', '次', '项', '份', '篇', '期', '%'] as const;
export type Unit = (typeof UNITS)[number];

export interface Figure {
  value: number;
  unit: Unit;
  /** Decimals as written (5.62万元 → 2), for comparisons at the stated precision. */
  decimals: number;
  /** Offsets of the figure (number and unit) in the text. */
  start: number;
  end: number;
  text: string;
}

const CN = '零〇一二两兩三四五六七八九十百千万萬亿億';
const FIGURE = new RegExp(
  `(\\d[\\d,，]*(?:\\.\\d+)?|[${CN}]+)(万(?=[件条人个次项份篇期])|萬(?=[件條人個次項份篇期]))?\\s*(万元|萬元|元|件|条|條|人次|个|個|次|项|項|份|篇|期|%|％)`,
  'g',
);
const UNIT_OF: Record<string, Unit> = { 萬元: '万元', 條: '条', 個: '个', 項: '项', '％': '%' };

/** Every figure with a unit in `text`, in order. */
export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, number, tenThousand, rawUnit] = m;
    // 第二十条 is an article, 一次性 an adverb, 条例 a word: none is a figure.
    const before = text[m.index! - 1];
    const after = text[m.index! + whole.length];
    if (before === '第' || after === '性' || (rawUnit === '条' && after === '例') || (rawUnit === '條' && after === '例')) continue;
    let value: number | undefined;
    let decimals = 0;
    if (/^\d/.test(number)) {
      // "1,234" and the full-width comma: a thousands separator only when followed by three digits
      if (/[,，](?!\d{3}(?:\D|$))/.test(number)) continue;
      const plain = number.replace(/[,，]/g, '');
      value = Number(plain);
      decimals = plain.includes('.') ? plain.split('.')[1].length : 0;
    } else {
      // A lone 十/百/千/万 is not a figure ("十件大事" is, "千" alone in a word is not worth the risk).
      if (/^[十百千万萬亿億]$/.test(number) && number !== '十') continue;
      value = parseChineseNumeral(number);
    }
    if (value === undefined || !Number.isFinite(value)) continue;
    if (tenThousand) {
      value *= 10_000;
      decimals = Math.max(0, decimals - 4);
    }
    figures.push({
      value,
      unit: UNIT_OF[rawUnit] ?? (rawUnit as Unit),
      decimals,
      start: m.index!,
      end: m.index! + whole.length,
      text: whole,
    });
  }
  return figures;
}

/** Whether `stated`, written with `decimals` decimals, is `actual` rounded to that precision. */
export function agreesAtPrecision(stated: number, actual: number, decimals: number): boolean {
  const step = 10 ** -decimals;
  return Math.abs(stated - actual) < step / 2 + 1e-9;
}
