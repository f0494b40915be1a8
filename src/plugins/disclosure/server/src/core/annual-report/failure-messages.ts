/**
 * Wording of validation failures, in Chinese (official labels) and English (codes), so that an
 * editor reads the form's own words and a developer can find the cell.
 */
import type { FormatDefinition, TableModel } from './format';
import { formatNumber } from './numbers';
import type { Bilingual } from './types';

/** Tables are numbered like their sections: 表三 / Table 3. */
function tableName(model: TableModel): Bilingual {
  return { zh: `表${model.number}`, en: `Table ${model.index}` };
}

function columnLabel(model: TableModel, col: string): string {
  const def = model.columns.find((c) => c.code === col);
  if (!def) return col;
  // 其他 alone is ambiguous in Table 3; its upper header says whose it is.
  return def.group ? `${def.group}·${def.label}` : def.label;
}

function rowPart(model: TableModel, row: string): Bilingual {
  const def = model.rows.find((r) => r.code === row);
  // Table 4's "rows" are the column groups of the printed table (行政复议, 行政诉讼·…).
  if (model.code === 'reviewsAndLawsuits') {
    return { zh: def ? [...def.groups, def.label].join('·') : row, en: `group ${row}` };
  }
  return { zh: `“${def?.label ?? row}” 行`, en: `row ${row}` };
}

export function columnPlace(model: TableModel, col: string): Bilingual {
  const t = tableName(model);
  return { zh: `${t.zh} ${columnLabel(model, col)} 列`, en: `${t.en}, column ${col}` };
}

export function rowPlace(model: TableModel, row: string): Bilingual {
  const t = tableName(model);
  const r = rowPart(model, row);
  return { zh: `${t.zh} ${r.zh}`, en: `${t.en}, ${r.en}` };
}

export function cellPlace(model: TableModel, row: string, col: string): Bilingual {
  const t = tableName(model);
  const r = rowPart(model, row);
  return { zh: `${t.zh} ${r.zh} ${columnLabel(model, col)} 列`, en: `${t.en}, ${r.en}, column ${col}` };
}

/** A cell named by its path "table.row.col" (as overrides and imports name them), in the format's words. */
export function cellPathPlace(format: FormatDefinition, path: string): Bilingual {
  const [table, row, col] = path.split('.');
  const model = (format.tables as Record<string, TableModel | undefined>)[table];
  return model && row && col ? cellPlace(model, row, col) : { zh: path, en: path };
}

export function mismatchMessage(place: Bilingual, expectedLabel: Bilingual, expected: number, actualLabel: Bilingual, actual: number): Bilingual {
  const e = formatNumber(expected);
  const a = formatNumber(actual);
  return {
    zh: `${place.zh}：${expectedLabel.zh}=${e}，${actualLabel.zh}=${a}，不相等`,
    en: `${place.en}: ${expectedLabel.en} = ${e} but ${actualLabel.en} = ${a}`,
  };
}

export type ValueProblem =
  | { reason: 'missing' }
  | { reason: 'not-a-number'; value: unknown }
  | { reason: 'negative' | 'not-integer'; value: number; wanted: 'non-negative-integer' | 'integer' | 'non-negative-decimal' };

const WANTED: Record<'non-negative-integer' | 'integer' | 'non-negative-decimal', Bilingual> = {
  'non-negative-integer': { zh: '非负整数', en: 'a non-negative integer' },
  integer: { zh: '整数', en: 'an integer' },
  'non-negative-decimal': { zh: '非负数', en: 'a non-negative number' },
};

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function valueMessage(place: Bilingual, problem: ValueProblem): Bilingual {
  switch (problem.reason) {
    case 'missing':
      return { zh: `${place.zh}：缺少数值`, en: `${place.en}: value is missing` };
    case 'not-a-number':
      return {
        zh: `${place.zh}：不是数字（${shown(problem.value)}）`,
        en: `${place.en}: not a number (${shown(problem.value)})`,
      };
    default: {
      const w = WANTED[problem.wanted];
      return { zh: `${place.zh}：应为${w.zh}，实为${problem.value}`, en: `${place.en}: must be ${w.en}, got ${problem.value}` };
    }
  }
}

/** A cross-year rule whose cell of last year's report has no usable value. */
export function previousMissingMessage(place: Bilingual, label: Bilingual): Bilingual {
  return {
    zh: `${place.zh}：上年报告缺少${label.zh}的数值，无法核对`,
    en: `${place.en}: ${label.en} is missing or not a number, cannot check`,
  };
}
