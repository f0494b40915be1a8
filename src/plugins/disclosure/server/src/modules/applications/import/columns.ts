/**
 * Columns of the application import (XLSX/CSV) and the validation of one row. No database: the fee rules come from save-rules.
 * Headers are the Chinese field names; enumerations accept the Chinese label or the stored code.
 */
import {
  APPLICANT_TYPE_LABELS,
  APPLICATION_STATUSES,
  PRE_RECEIPT_STATUSES,
  CHANNEL_LABELS,
  FEE_METHOD_LABELS,
  computeDueDate,
  integrityProblems,
  isIsoDate,
  OUTCOMES,
  STATUS_LABELS,
  validateOutcome,
  type WorkingDayCalendar,
} from '../../../core/working-days';
import { dueDateInputOf } from '../due-date-input';
import { feeProblem as feeRowProblem } from '../save-rules';

export interface Column {
  header: string;
  field: string;
  required?: boolean;
  kind: 'string' | 'text' | 'date' | 'enum' | 'integer';
  /** label or code → code */
  values?: Record<string, string>;
  /** Enumerations: the accepted values as the template's drop-down shows them, label and code. */
  choices?: readonly { label: string; code: string }[];
  maxLength?: number;
  /** Personal data: its value is never repeated in a rejection reason. */
  personal?: boolean;
  hint: string;
}

// label → code, from the plugin's one list of each (core/working-days/labels.ts)
const inverse = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([code, label]) => [label, code]));
const APPLICANT_TYPES = inverse(APPLICANT_TYPE_LABELS);
const CHANNELS = inverse(CHANNEL_LABELS);
const FEE_METHODS = inverse(FEE_METHOD_LABELS);

/** How the template's drop-down shows a value: its label with its code, e.g. "（一）予以公开 [granted]". */
export const choiceText = (c: { label: string; code: string }) => `${c.label} [${c.code}]`;

/** An enumeration column's values: label, code, or the drop-down's "label [code]" all give the code. */
function enumColumn(labels: Record<string, string>) {
  const choices = Object.entries(labels).map(([label, code]) => ({ label, code }));
  const values: Record<string, string> = {};
  for (const c of choices) {
    values[c.label] = c.code;
    values[c.code] = c.code;
    values[choiceText(c)] = c.code;
  }
  return { kind: 'enum' as const, values, choices };
}
// An imported application was received by the office already: the online pre-receipt statuses are not imported.
const IMPORTED_STATUSES = APPLICATION_STATUSES.filter((s) => !PRE_RECEIPT_STATUSES.includes(s));
const STATUSES = Object.fromEntries(IMPORTED_STATUSES.map((s) => [STATUS_LABELS[s].zh, s]));
const OUTCOME_LABELS = Object.fromEntries(OUTCOMES.map((o) => [o.label, o.code]));

export const COLUMNS: readonly Column[] = [
  { header: '申请编号', field: 'trackingNumber', required: true, kind: 'string', maxLength: 64, hint: '原系统中的编号；重复导入时按此识别，已存在的不再导入' },
  { header: '机关代码', field: 'organizationCode', required: true, kind: 'string', maxLength: 32, hint: '办理机关的代码，如 430381106' },
  {
    header: '申请人类型',
    field: 'applicantType',
    required: true,
    ...enumColumn(APPLICANT_TYPES),
    hint: Object.keys(APPLICANT_TYPES).join('、'),
  },
  { header: '申请人姓名或名称', field: 'applicantName', kind: 'string', maxLength: 200, personal: true, hint: '' },
  { header: '联系方式', field: 'applicantContact', kind: 'string', maxLength: 300, personal: true, hint: '' },
  { header: '申请方式', field: 'channel', required: true, ...enumColumn(CHANNELS), hint: Object.keys(CHANNELS).join('、') },
  { header: '收到申请日期', field: 'receivedDate', required: true, kind: 'date', hint: 'YYYY-MM-DD' },
  { header: '申请内容', field: 'requestedContent', kind: 'text', maxLength: 10000, personal: true, hint: '不超过 10000 字' },
  {
    header: '办理状态',
    field: 'applicationStatus',
    required: true,
    ...enumColumn(STATUSES),
    hint: IMPORTED_STATUSES.map((s) => STATUS_LABELS[s].zh).join('、'),
  },
  {
    header: '办理结果',
    field: 'outcome',
    ...enumColumn(OUTCOME_LABELS),
    hint: '已答复、已终止时必填：年度报告表三的一项（从下拉列表选择，或填写名称或代码，如“（一）予以公开”或 granted）',
  },
  { header: '答复日期', field: 'answeredDate', kind: 'date', hint: 'YYYY-MM-DD' },
  { header: '告知补正日期', field: 'correctionRequestedDate', kind: 'date', hint: 'YYYY-MM-DD' },
  { header: '收到补正日期', field: 'correctionReceivedDate', kind: 'date', hint: 'YYYY-MM-DD' },
  { header: '延长工作日数', field: 'extensionWorkingDays', kind: 'integer', hint: '1–20' },
  { header: '延期批准人', field: 'extensionApprover', kind: 'string', maxLength: 100, hint: '' },
  { header: '延期理由', field: 'extensionReason', kind: 'text', maxLength: 1000, hint: '不超过 1000 字' },
  { header: '延期批准日期', field: 'extensionApprovedDate', kind: 'date', hint: 'YYYY-MM-DD' },
  { header: '收费方式', field: 'feeMethod', ...enumColumn(FEE_METHODS), hint: '信息处理费（国办函〔2020〕109号）：不收费、按件计收或按页计收，二者不可兼用' },
  { header: '当月申请序号', field: 'feeRequestNumberInMonth', kind: 'integer', hint: '按件计收时必填：申请人本月第几件申请（第11件起收费）' },
  { header: '页数', field: 'feePages', kind: 'integer', hint: '按页计收时必填：提供信息的页数（第31页起收费）' },
  { header: '信息处理费（元）', field: 'feeYuan', kind: 'integer', hint: '可不填：按收费方式自动计算；填写时须与计算结果一致' },
  { header: '缴费日期', field: 'feePaidDate', kind: 'date', hint: 'YYYY-MM-DD；只有已缴纳的信息处理费计入年度报告' },
];

/** Which columns each status needs, for the template's instructions (the rules themselves are in validateRow). */
export const STATUS_REQUIREMENTS: readonly { status: string; needs: string }[] = [
  { status: '已收到', needs: '收到申请日期' },
  { status: '待补正', needs: '收到申请日期、告知补正日期' },
  { status: '征求意见中', needs: '不能导入：请在系统中登记征求意见' },
  { status: '已延期', needs: '收到申请日期、延长工作日数、延期批准人、延期理由、延期批准日期' },
  { status: '已答复', needs: '收到申请日期、办理结果、答复日期' },
  { status: '已终止', needs: '收到申请日期、办理结果、答复日期；“逾期不补正”还须告知补正日期' },
];

export const HEADERS = COLUMNS.map((c) => c.header);

export interface Rejection {
  /** Line in the file (the header is line 1). */
  line: number;
  column: string | null;
  reason: string;
}

export type ImportRow = Record<string, string | number | null> & { trackingNumber: string; organizationCode: string };

/** Normalises a spreadsheet cell (exceljs values: Date, number, rich text, hyperlink, formula) to a trimmed string. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as any;
    if (Array.isArray(v.richText))
      return v.richText
        .map((r: any) => r.text)
        .join('')
        .trim();
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value).trim();
}

const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** Accepts YYYY-MM-DD, YYYY/M/D and YYYY.M.D; returns YYYY-MM-DD or null. */
export function normaliseDate(text: string): string | null {
  const m = DATE_TEXT.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Why a date cell is refused: a day that does not exist (2026-02-30) is told apart from text that is no date. */
function dateProblem(text: string, shown: string): string {
  return DATE_TEXT.test(text) ? `日期不存在${shown} / this date does not exist` : `不是有效日期（YYYY-MM-DD）${shown} / not a date`;
}

const headerOf = (field: string) => COLUMNS.find((c) => c.field === field)?.header ?? field;

/** Maps header cells to column indexes; reports missing required and unknown headers. */
export function mapHeaders(headerCells: string[]): { index: Map<string, number>; problems: Rejection[] } {
  const index = new Map<string, number>();
  const problems: Rejection[] = [];
  headerCells.forEach((h, i) => {
    const text = h
      .replace(/^\uFEFF/, '')
      .replace(/[*＊]$/, '')
      .trim();
    if (!text) return;
    const column = COLUMNS.find((c) => c.header === text || c.field === text);
    if (!column) problems.push({ line: 1, column: text, reason: '未知的列名 / unknown column' });
    else if (index.has(column.field)) problems.push({ line: 1, column: text, reason: '列名重复 / duplicate column' });
    else index.set(column.field, i);
  });
  for (const c of COLUMNS) {
    if (c.required && !index.has(c.field)) problems.push({ line: 1, column: c.header, reason: '缺少必需的列 / required column missing' });
  }
  return { index, problems };
}

/**
 * Validates one data row. Returns the normalised row or the list of its problems (line, column, reason).
 * `organizationExists` checks the code; `calendar` lets the due-date rules (extension, correction) run.
 */
export function validateRow(
  cells: string[],
  line: number,
  index: Map<string, number>,
  organizationExists: (code: string) => boolean,
  calendar: WorkingDayCalendar,
  today: string,
): { row: ImportRow | null; problems: Rejection[] } {
  const problems: Rejection[] = [];
  const row: Record<string, string | number | null> = {};
  for (const c of COLUMNS) {
    const i = index.get(c.field);
    const text = i === undefined ? '' : (cells[i] ?? '');
    const reject = (reason: string) => problems.push({ line, column: c.header, reason });
    if (text === '') {
      if (c.required) reject('必填 / required');
      row[c.field] = null;
      continue;
    }
    const shown = c.personal ? '' : `：${text.slice(0, 40)}`;
    switch (c.kind) {
      case 'date': {
        const d = normaliseDate(text);
        if (!d) reject(dateProblem(text, shown));
        row[c.field] = d;
        break;
      }
      case 'enum': {
        const code = c.values?.[text];
        const accepted = (c.choices ?? []).map((v) => `${v.label}（${v.code}）`).join('、');
        if (!code) reject(`无法识别的值${shown}；可用的值：${accepted} / unknown value; accepted: ${(c.choices ?? []).map((v) => v.code).join(', ')}`);
        row[c.field] = code ?? null;
        break;
      }
      case 'integer': {
        const n = Number(text);
        if (!Number.isInteger(n)) reject(`必须是整数${shown} / not a whole number`);
        row[c.field] = Number.isInteger(n) ? n : null;
        break;
      }
      default:
        if (c.maxLength && text.length > c.maxLength) reject(`超过 ${c.maxLength} 字 / longer than ${c.maxLength} characters`);
        row[c.field] = text;
    }
  }
  if (row.organizationCode && !organizationExists(String(row.organizationCode))) {
    problems.push({ line, column: '机关代码', reason: `机关不存在或无权导入：${row.organizationCode} / unknown organization, or not one of yours` });
  }
  if (problems.length === 0) {
    try {
      validateOutcome(row.applicationStatus as any, row.outcome as any);
    } catch (e: any) {
      problems.push({ line, column: '办理结果', reason: e.message });
    }
    if (row.answeredDate && row.receivedDate && String(row.answeredDate) < String(row.receivedDate)) {
      problems.push({ line, column: '答复日期', reason: '答复日期早于收到申请日期 / answered before received' });
    }
    // The import fills in nothing: a final status needs its answer date in the file (today is never assumed).
    if ((row.applicationStatus === 'answered' || row.applicationStatus === 'closed') && !row.answeredDate) {
      problems.push({ line, column: '答复日期', reason: '“已答复”“已终止”的申请须填写答复日期 / answered and closed applications need their answer date' });
    }
    if (row.applicationStatus === 'extended' && !row.extensionWorkingDays) {
      problems.push({ line, column: '延长工作日数', reason: '已延期的申请须填写延长工作日数、批准人和理由 / extension data required' });
    }
    if (row.applicationStatus === 'consulting') {
      problems.push({
        line,
        column: '办理状态',
        reason: '征求意见中的申请请在系统中登记征求意见后再导入 / import consulting applications after their consultation ends',
      });
    }
    // The due-date rules can only refuse correction and extension data; skip the walk for rows without any.
    const needsDueDateCheck = [
      'correctionRequestedDate',
      'correctionReceivedDate',
      'extensionWorkingDays',
      'extensionApprover',
      'extensionReason',
      'extensionApprovedDate',
    ].some((f) => row[f] !== null);
    if (problems.length === 0 && needsDueDateCheck) {
      try {
        const late = computeDueDate(dueDateInputOf(row, today), calendar).warnings.find((w) => w.code === 'extension-approved-late');
        if (late)
          problems.push({ line, column: '延期批准日期', reason: `${late.zh}，申请已逾期，不能再延期 / ${late.en}: the application was already overdue` });
      } catch (e: any) {
        const column = /extension|延/.test(e.code ?? e.message) ? '延长工作日数' : /correction|补正/.test(e.message) ? '告知补正日期' : null;
        problems.push({ line, column, reason: e.message });
      }
    }
    const fields = new Set(Object.keys(row).filter((f) => row[f] !== null));
    for (const p of integrityProblems(row, fields, today)) problems.push({ line, column: headerOf(p.field), reason: `${p.zh} / ${p.en}` });
    if (problems.length === 0) {
      const feeProblem = feeRowProblem(row);
      if (feeProblem) problems.push({ line, column: headerOf(feeProblem.field), reason: feeProblem.message });
    }
  }
  return problems.length ? { row: null, problems } : { row: row as ImportRow, problems };
}
