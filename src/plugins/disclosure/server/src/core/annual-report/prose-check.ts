/**
 * The prose checker: figures stated in the report's prose are read back and compared with the tables.
 *  - a figure whose words name a cell (TERMS, data) must equal it, at the precision written;
 *  - "未收到…申请", "未发生…行政复议" and the like state a zero;
 *  - parts after 其中 (or in brackets after a figure) must not add up to more than their total;
 *  - 同比/较上年 增长 n% or 增加 n件 must follow from last year's figure, when last year is known.
 * Works on Simplified and Traditional text (the few Traditional forms of the words read are folded).
 */
import { cellName, NOTICES_PUBLISHED, PROCESSING_FEE, type ProseSection } from './draft-prose';
import { agreesAtPrecision, findFigures, type Figure, type Unit } from './numerals';
import { formatNumber } from './numbers';
import { splitSentences } from './bound-prose';
import type { Bilingual, LooseTables, ReportTables } from './types';

/** Cell name → value; undefined when unknown (then nothing is checked against it). */
export type Facts = Record<string, number | undefined>;

export interface ProseFinding {
  kind: 'contradiction' | 'parts-exceed-total' | 'year-on-year';
  severity: 'error';
  section: ProseSection;
  sentence: string;
  /** The figure as written. */
  text: string;
  cell?: string;
  stated: number;
  expected: number;
  message: Bilingual;
}

/** Words that name a cell, as data. `units` lists the units the cell is stated in (first: the cell's own). */
interface Term {
  cell: string;
  pattern: string;
  units: readonly Unit[];
  label: string;
}

const COUNT: readonly Unit[] = ['件'];
/** Regulations and normative documents: the verb may come earlier in the clause ("制发规章1件、行政规范性文件3件"). */
const DOCUMENT_VERBS: Record<string, string> = { issued: '制发|印发|出台|制定|发布', abolished: '废止|废除', inForce: '现行有效' };
const DOCUMENT_SUBJECTS: Record<string, string> = { regulations: '规章', normativeDocuments: '(?:行政)?规范性文件' };

export const TERMS: readonly Term[] = [
  { cell: cellName('applications', 'received', 'total'), pattern: '(?:收到|新收|受理|接收|收悉)[^，,；;。（(]{0,12}?申请', units: COUNT, label: '收到申请' },
  { cell: cellName('applications', 'carriedIn', 'total'), pattern: '上一?年度?结转', units: COUNT, label: '上年结转' },
  { cell: cellName('applications', 'carriedOut', 'total'), pattern: '结转(?:至|到)?下一?年度?', units: COUNT, label: '结转下年度' },
  { cell: cellName('applications', 'closedTotal', 'total'), pattern: '办结', units: COUNT, label: '办结' },
  { cell: NOTICES_PUBLISHED, pattern: '主动公开(?:各类)?(?:政府)?信息', units: ['条', '件'], label: '主动公开政府信息' },
  { cell: cellName('proactive', 'licensing', 'decisions'), pattern: '行政许可(?:处理)?决定', units: COUNT, label: '行政许可处理决定' },
  { cell: cellName('proactive', 'punishment', 'decisions'), pattern: '行政处罚(?:处理)?决定', units: COUNT, label: '行政处罚处理决定' },
  { cell: cellName('proactive', 'enforcement', 'decisions'), pattern: '行政强制(?:处理)?决定', units: COUNT, label: '行政强制处理决定' },
  { cell: cellName('proactive', 'fees', 'amountTenThousandYuan'), pattern: '行政事业性收费', units: ['万元', '元'], label: '行政事业性收费' },
  { cell: cellName('reviewsAndLawsuits', 'review', 'total'), pattern: '行政复议', units: COUNT, label: '行政复议' },
  { cell: 'reviewsAndLawsuits.lawsuits.total', pattern: '行政诉讼', units: COUNT, label: '行政诉讼' },
  { cell: PROCESSING_FEE, pattern: '信息处理费', units: ['元', '万元'], label: '信息处理费' },
];

const TERM_RES = TERMS.map((t) => ({ term: t, re: new RegExp(t.pattern, 'g') }));
const NEGATION = /(?:未|没有|无)/g;
const TOTAL_MARK = /(?:共计|合计|总计|累计|共)$/;

/** Traditional forms of the characters the checker reads, folded to Simplified (one to one, so offsets hold). */
const FOLD: Record<string, string> = Object.fromEntries(
  [...'收請轉結辦規範廢製許處強費議訟復開務條萬億兩個項訴現發據這與較長減計']
    .map((t, i) => [t, [...'收请转结办规范废制许处强费议讼复开务条万亿两个项诉现发据这与较长减计'][i]])
    .filter(([t, s]) => t !== s),
);
const fold = (text: string) => Array.from(text, (ch) => FOLD[ch] ?? ch).join('');

/** The facts of a report: every table cell by name, the lawsuits together, and the extras given. */
export function reportFacts(tables: ReportTables | LooseTables, extra: Facts = {}): Facts {
  const facts: Facts = {};
  for (const [table, rows] of Object.entries((tables ?? {}) as Record<string, unknown>)) {
    if (!rows || typeof rows !== 'object') continue;
    for (const [row, cols] of Object.entries(rows as Record<string, unknown>)) {
      if (!cols || typeof cols !== 'object') continue;
      for (const [col, v] of Object.entries(cols as Record<string, unknown>)) {
        const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (Number.isFinite(n)) facts[`${table}.${row}.${col}`] = n;
      }
    }
  }
  const direct = facts['reviewsAndLawsuits.lawsuitDirect.total'];
  const after = facts['reviewsAndLawsuits.lawsuitAfterReview.total'];
  if (direct !== undefined && after !== undefined) facts['reviewsAndLawsuits.lawsuits.total'] = direct + after;
  for (const [k, v] of Object.entries(extra)) if (typeof v === 'number' && Number.isFinite(v)) facts[k] = v;
  return facts;
}

interface Bound {
  figure: Figure;
  term?: Term;
}

/** Clauses end at ，；： and brackets; offsets into the sentence. */
function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if ('，,；;：:。（(）)'.includes(text[i])) return i + 1;
  return 0;
}

function lastMatch(re: RegExp, text: string): { index: number; end: number } | null {
  let found: { index: number; end: number } | null = null;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) found = { index: m.index!, end: m.index! + m[0].length };
  return found;
}

/** The term a figure states: the last one named between the previous figure (or the clause start) and it. */
function termOf(sentence: string, figure: Figure, segmentStart: number): Term | undefined {
  const segment = sentence.slice(segmentStart, figure.start);
  let best: { term: Term; index: number } | undefined;
  for (const { term, re } of TERM_RES) {
    const m = lastMatch(re, segment);
    if (m && (!best || m.index > best.index)) best = { term, index: m.index };
  }
  // Regulations and normative documents: subject in the segment, verb anywhere earlier in the clause.
  const clause = sentence.slice(clauseStart(sentence, figure.start), figure.start);
  for (const [row, subject] of Object.entries(DOCUMENT_SUBJECTS)) {
    const s = lastMatch(new RegExp(subject, 'g'), segment);
    if (!s || (best && best.index > s.index)) continue;
    let verb: { col: string; index: number } | undefined;
    for (const [col, v] of Object.entries(DOCUMENT_VERBS)) {
      const m = lastMatch(new RegExp(v, 'g'), clause.slice(0, clause.length - (segment.length - s.index)));
      if (m && (!verb || m.index > verb.index)) verb = { col, index: m.index };
    }
    if (verb) best = { term: { cell: cellName('proactive', row, verb.col), pattern: subject, units: COUNT, label: `${row}.${verb.col}` }, index: s.index };
  }
  return best?.term;
}

function inUnit(value: number, from: Unit, to: Unit): number {
  if (from === to) return value;
  if (from === '元' && to === '万元') return value / 10_000;
  if (from === '万元' && to === '元') return value * 10_000;
  return value;
}

function message(kind: ProseFinding['kind'], sentence: string, text: string, stated: number, expected: number, label: string): Bilingual {
  const quote = sentence.length > 60 ? `${sentence.slice(0, 60)}…` : sentence;
  switch (kind) {
    case 'contradiction':
      return {
        zh: `正文“${quote}”中的“${text}”与表格不符：${label}为${formatNumber(expected)}`,
        en: `"${text}" in the prose contradicts the tables: ${label} is ${formatNumber(expected)}`,
      };
    case 'parts-exceed-total':
      return {
        zh: `正文“${quote}”中各分项之和（${formatNumber(stated)}）超过所述总数（${formatNumber(expected)}）`,
        en: `the parts stated (${formatNumber(stated)}) exceed the total stated (${formatNumber(expected)})`,
      };
    default:
      return {
        zh: `正文“${quote}”中的同比变化“${text}”与上年数据不符：按上年${label}计算应为${formatNumber(expected)}`,
        en: `the year-on-year change "${text}" does not follow from last year's figure: it should be ${formatNumber(expected)}`,
      };
  }
}

const YOY = /(?:同比|较上年|比上年|与上年相比|较去年|比去年)(?:度)?[^，。；\d零〇一二两三四五六七八九十]{0,3}?(增长|增加|上升|提高|减少|下降|降低)/;

/**
 * Checks one section's text against the facts (this year's, and last year's for 同比 when known).
 * Returns the contradictions found; an empty list when the prose agrees with the tables.
 */
export function checkProse(section: ProseSection, text: string, facts: Facts, previous?: Facts | null): ProseFinding[] {
  const findings: ProseFinding[] = [];
  for (const paragraph of text.split(/\n+/)) {
    for (const original of splitSentences(paragraph)) {
      const sentence = fold(original);
      const figures = findFigures(sentence);
      const bound: Bound[] = [];
      let segmentStart = 0;
      for (const figure of figures) {
        const start = Math.max(segmentStart, clauseStart(sentence, figure.start));
        const yoy = YOY.exec(sentence.slice(start, figure.start));
        const term = yoy ? undefined : termOf(sentence, figure, start);
        bound.push({ figure, term });
        segmentStart = figure.end;
        const add = (kind: ProseFinding['kind'], stated: number, expected: number, label: string, cell?: string) =>
          findings.push({
            kind,
            severity: 'error',
            section,
            sentence: original,
            text: figure.text,
            cell,
            stated,
            expected,
            message: message(kind, original, figure.text, stated, expected, label),
          });

        if (term && term.units.includes(figure.unit)) {
          const actual = facts[term.cell];
          if (actual !== undefined) {
            const cellUnit = term.units[0];
            const expected = inUnit(actual, cellUnit, figure.unit);
            if (!agreesAtPrecision(figure.value, expected, figure.decimals)) add('contradiction', figure.value, expected, term.label, term.cell);
          }
        }
        if (yoy) {
          // the change refers to the nearest figure before it that states a cell
          const base = [...bound].reverse().find((b) => b.term && b !== bound[bound.length - 1]);
          const cell = base?.term?.cell;
          const current = cell ? facts[cell] : undefined;
          const last = cell ? previous?.[cell] : undefined;
          if (cell && current !== undefined && last !== undefined) {
            const sign = /减少|下降|降低/.test(yoy[1]) ? -1 : 1;
            const stated = sign * figure.value;
            if (figure.unit === '%') {
              if (last > 0) {
                const expected = ((current - last) / last) * 100;
                if (!agreesAtPrecision(stated, expected, Math.max(figure.decimals, 0)) && Math.abs(stated - expected) >= 0.5 + 1e-9)
                  add('year-on-year', stated, Number(expected.toFixed(1)), base!.term!.label, cell);
              }
            } else if (base!.term!.units.includes(figure.unit)) {
              const expected = current - last;
              if (!agreesAtPrecision(stated, expected, figure.decimals)) add('year-on-year', stated, expected, base!.term!.label, cell);
            }
          }
        }
      }
      checkParts(section, original, sentence, figures, findings);
      checkZeros(section, original, sentence, figures, facts, findings);
    }
  }
  return findings;
}

/** 共…其中 a、b (or a figure followed by brackets listing parts): the parts must not exceed the total. */
function checkParts(section: ProseSection, original: string, sentence: string, figures: Figure[], findings: ProseFinding[]) {
  const push = (total: Figure, sum: number) =>
    findings.push({
      kind: 'parts-exceed-total',
      severity: 'error',
      section,
      sentence: original,
      text: total.text,
      stated: sum,
      expected: total.value,
      message: message('parts-exceed-total', original, total.text, sum, total.value, ''),
    });
  for (const m of sentence.matchAll(/其中|（|\(/g)) {
    const at = m.index!;
    const inBrackets = m[0] !== '其中' || /[（(]\s*$/.test(sentence.slice(0, at));
    if (m[0] !== '其中' && sentence.slice(at + 1, at + 3) === '其中') continue; // "（其中" is read at 其中
    const total = [...figures].reverse().find((f) => f.end <= at && f.unit !== '%');
    if (!total) continue;
    // the total is the figure right before (nothing but a comma or bracket between) or one marked 共/合计
    const between = sentence.slice(total.end, at);
    const markedTotal = TOTAL_MARK.test(sentence.slice(0, total.start).slice(-2)) || TOTAL_MARK.test(sentence.slice(0, total.start).slice(-1));
    if (!/^[，,\s（(]*$/.test(between) && !markedTotal) continue;
    const endMark = inBrackets ? /[）)]/ : /[。；;！？]/;
    const rest = sentence.slice(at);
    const endAt = rest.search(endMark);
    const scopeEnd = at + (endAt < 0 ? rest.length : endAt);
    const parts = figures.filter((f) => f.start > at && f.end <= scopeEnd && f.unit === total.unit);
    if (parts.length < 2 && !(parts.length === 1 && parts[0].value > total.value)) continue;
    const sum = parts.reduce((a, f) => a + f.value, 0);
    if (sum > total.value + 1e-9) push(total, sum);
  }
}

/** 未收到…申请 / 未发生…行政复议、行政诉讼 / 未收取信息处理费: a zero for each term named after the negation. */
function checkZeros(section: ProseSection, original: string, sentence: string, figures: Figure[], facts: Facts, findings: ProseFinding[]) {
  for (const neg of sentence.matchAll(NEGATION)) {
    const start = neg.index!;
    const rest = sentence.slice(start);
    const clauseEnd = rest.search(/[，,；;。]/);
    const clause = rest.slice(0, clauseEnd < 0 ? rest.length : clauseEnd);
    // a figure in the clause means the clause states numbers, not an absence
    if (figures.some((f) => f.start >= start && f.start < start + clause.length)) continue;
    for (const { term, re } of TERM_RES) {
      re.lastIndex = 0;
      if (!re.test(clause)) continue;
      const actual = facts[term.cell];
      if (actual !== undefined && actual !== 0) {
        findings.push({
          kind: 'contradiction',
          severity: 'error',
          section,
          sentence: original,
          text: clause,
          cell: term.cell,
          stated: 0,
          expected: actual,
          message: message('contradiction', original, clause, 0, actual, term.label),
        });
      }
    }
  }
}

/** A finding's identity for acknowledgements: kind, cell and the numbers (not the wording around them). */
export function proseFingerprint(f: ProseFinding): string {
  return `${f.kind}|${f.section}|${f.cell ?? ''}|${f.text}|${f.stated}|${f.expected}`;
}
