import format2021 from '../annual-report/formats/2021.json';
import type { OUTCOME_ROWS_2021 } from '../annual-report/types';

export type OutcomeCode = (typeof OUTCOME_ROWS_2021)[number];

type FormatRow = { code?: string; label?: string; group?: string; outcome?: boolean };

/**
 * The 21 outcome rows of Table 3 (三、本年度办理结果) of the national format (国办公开办函〔2021〕30号), in
 * the table's order, read from the format file (the one place they are written), each label prefixed with
 * its group heading ("（三）不予公开 1.属于国家秘密"). OUTCOME_ROWS_2021 (the type) and the content type's
 * enumeration are checked against it (tests/unit/foundation/outcome-codes.test.ts).
 */
export const OUTCOMES: readonly { code: OutcomeCode; label: string }[] = (() => {
  const out: { code: OutcomeCode; label: string }[] = [];
  let group = '';
  for (const row of format2021.tables.applications.rows as FormatRow[]) {
    if (row.group !== undefined) group = row.group.startsWith('（') ? row.group : '';
    else if (row.outcome && row.code && row.label) {
      if (row.label.startsWith('（')) group = '';
      out.push({ code: row.code as OutcomeCode, label: group ? `${group} ${row.label}` : row.label });
    }
  }
  return out;
})();

export const OUTCOME_CODES: readonly OutcomeCode[] = OUTCOMES.map((o) => o.code);

export function isOutcomeCode(value: unknown): value is OutcomeCode {
  return typeof value === 'string' && (OUTCOME_CODES as readonly string[]).includes(value);
}

export function outcomeLabel(code: OutcomeCode): string {
  return OUTCOMES.find((o) => o.code === code)?.label ?? code;
}
