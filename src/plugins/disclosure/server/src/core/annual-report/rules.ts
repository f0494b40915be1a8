/**
 * The validation rules of the annual report, as data. Each rule is declared once; validate.ts is
 * the only code that interprets them. Numbers in comments refer to the rules of
 * annual-report-format.md ("Rules a correct report satisfies").
 */
import { APPLICANT_COLUMNS } from './types';
import type { Bilingual, FormatVersion, Severity, TableCode } from './types';

/** Row codes, or every row the format marks as an outcome (so one rule fits both formats' Table 3). */
export type RowSet = readonly string[] | { readonly flag: 'outcome' };

interface RuleBase {
  id: string;
  severity: Severity;
  description: Bilingual;
  /** Formats the rule applies to; absent = all. */
  formats?: readonly FormatVersion[];
}

/** For each column of `table`: sum of `left` rows (expected) = sum of `right` rows (actual). */
export interface SumEqualsRule extends RuleBase {
  kind: 'sum-equals';
  table: TableCode;
  for: 'each-column';
  left: RowSet;
  right: RowSet;
  leftLabel: Bilingual;
  rightLabel: Bilingual;
}

/**
 * For each row ('row-sum') or each group of Table 4 ('group-sum', same arithmetic, group wording):
 * the `total` column (actual) = sum of the `parts` columns (expected).
 */
export interface RowSumRule extends RuleBase {
  kind: 'row-sum' | 'group-sum';
  table: TableCode;
  total: string;
  parts: readonly string[];
  partsLabel: Bilingual;
  totalLabel: Bilingual;
}

/** For each column: this year's `current` row (actual) = last year's `previous` row (expected). */
export interface CrossYearEqualRule extends RuleBase {
  kind: 'cross-year-equal';
  table: TableCode;
  for: 'each-column';
  current: string;
  previous: string;
  previousLabel: Bilingual;
  currentLabel: Bilingual;
}

/**
 * For each row having all the named columns: `column` (actual) = last year's `column`
 * + this year's `plus` − this year's `minus` (expected).
 */
export interface ContinuityRule extends RuleBase {
  kind: 'continuity';
  table: TableCode;
  column: string;
  plus: readonly string[];
  minus: readonly string[];
  expectedLabel: Bilingual;
  actualLabel: Bilingual;
}

/** Every cell of every table whose column matches `columns` must hold a number of the given kind. */
export interface CellValueRule extends RuleBase {
  kind: 'non-negative-integer' | 'integer' | 'non-negative-decimal';
  columns: { decimal: boolean; signed: boolean };
}

export type Rule = SumEqualsRule | RowSumRule | CrossYearEqualRule | ContinuityRule | CellValueRule;

export const RULES: readonly Rule[] = [
  {
    // Rule 1; also printed in Table 3's corner cell.
    id: 'applications.balance',
    severity: 'error',
    description: {
      zh: '表三每一列：第一项加第二项之和，等于第三项（七）总计加第四项之和',
      en: 'Table 3, every column: received + carriedIn = closedTotal + carriedOut',
    },
    kind: 'sum-equals',
    table: 'applications',
    for: 'each-column',
    left: ['received', 'carriedIn'],
    right: ['closedTotal', 'carriedOut'],
    leftLabel: { zh: '一+二', en: 'received + carriedIn' },
    rightLabel: { zh: '七+四', en: 'closedTotal + carriedOut' },
  },
  {
    // Rule 2. The outcome rows come from the format: 21 in 2021, 19 in the trial format.
    id: 'applications.closed-total',
    severity: 'error',
    description: {
      zh: '表三每一列：（七）总计等于（一）至（六）各项之和',
      en: 'Table 3, every column: closedTotal = sum of the outcome rows',
    },
    kind: 'sum-equals',
    table: 'applications',
    for: 'each-column',
    left: { flag: 'outcome' },
    right: ['closedTotal'],
    leftLabel: { zh: '（一）至（六）各项之和', en: 'sum of outcome rows' },
    rightLabel: { zh: '（七）总计', en: 'closedTotal' },
  },
  {
    // Rule 3.
    id: 'applications.row-total',
    severity: 'error',
    description: {
      zh: '表三每一行：总计等于自然人与法人或其他组织五列之和',
      en: 'Table 3, every row: total = sum of the six applicant columns',
    },
    kind: 'row-sum',
    table: 'applications',
    total: 'total',
    parts: APPLICANT_COLUMNS,
    partsLabel: { zh: '自然人至其他之和', en: 'sum of applicant columns' },
    totalLabel: { zh: '总计', en: 'total' },
  },
  {
    // Rule 4.
    id: 'reviewsAndLawsuits.group-total',
    severity: 'error',
    description: {
      zh: '表四每一组：总计等于结果维持、结果纠正、其他结果、尚未审结之和',
      en: 'Table 4, every group: total = upheld + corrected + other + pending',
    },
    kind: 'group-sum',
    table: 'reviewsAndLawsuits',
    total: 'total',
    parts: ['upheld', 'corrected', 'other', 'pending'],
    partsLabel: { zh: '结果维持+结果纠正+其他结果+尚未审结', en: 'upheld + corrected + other + pending' },
    totalLabel: { zh: '总计', en: 'total' },
  },
  {
    // Rule 5. A warning: last year's report may itself have been wrong and cannot be changed now.
    id: 'applications.carry-over',
    severity: 'warning',
    description: {
      zh: '表三每一列：本年第二项（上年结转）等于上年报告第四项（结转下年度继续办理）',
      en: "Table 3, every column: this year's carriedIn = last year's carriedOut",
    },
    kind: 'cross-year-equal',
    table: 'applications',
    for: 'each-column',
    current: 'carriedIn',
    previous: 'carriedOut',
    previousLabel: { zh: '上年第四项', en: "last year's carriedOut" },
    currentLabel: { zh: '本年第二项', en: "this year's carriedIn" },
  },
  {
    // Rule 7; a warning for the same reason as the carry-over. The trial format has no 现行有效件数.
    id: 'proactive.in-force-continuity',
    severity: 'warning',
    formats: ['2021'],
    description: {
      zh: '表二规章、行政规范性文件：本年现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数',
      en: "Table 2, regulations and normative documents: inForce = last year's inForce + issued − abolished",
    },
    kind: 'continuity',
    table: 'proactive',
    column: 'inForce',
    plus: ['issued'],
    minus: ['abolished'],
    expectedLabel: { zh: '上年现行有效件数+本年制发件数−本年废止件数', en: "last year's inForce + issued − abolished" },
    actualLabel: { zh: '现行有效件数', en: 'inForce' },
  },
  {
    // Rule 6, counts.
    id: 'cells.non-negative-integer',
    severity: 'error',
    description: { zh: '各项数量应为非负整数', en: 'Every count is a non-negative integer' },
    kind: 'non-negative-integer',
    columns: { decimal: false, signed: false },
  },
  {
    // Rule 6, amounts: 本年收费金额（单位：万元）; in the trial format also 采购总金额.
    id: 'cells.non-negative-decimal',
    severity: 'error',
    description: { zh: '金额应为非负数（可含小数）', en: 'Every amount is a non-negative decimal' },
    kind: 'non-negative-decimal',
    columns: { decimal: true, signed: false },
  },
  {
    // Trial format only: 本年增/减 is a change and may be negative, but is still a whole number.
    id: 'cells.integer',
    severity: 'error',
    formats: ['2019'],
    description: { zh: '本年增/减应为整数', en: 'Every change (本年增/减) is an integer' },
    kind: 'integer',
    columns: { decimal: false, signed: true },
  },
];
