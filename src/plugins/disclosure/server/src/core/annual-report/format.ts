/**
 * The report formats as definitions: sections, tables, rows, columns and their official labels.
 * The data lives in formats/*.json (2021.json is the project's reference file copied verbatim,
 * 2019.json the trial format written in the same schema); this module only normalises it.
 */
import format2019 from './formats/2019.json';
import format2021 from './formats/2021.json';
import common from './formats/common.json';
import type { FormatVersion, FormatVersionLike, SectionCode, TableCode } from './types';

export interface ColumnDef {
  code: string;
  label: string;
  /** Upper header under which the column sits (Table 3: 法人或其他组织). */
  group?: string;
  /** A decimal amount (fees, procurement) rather than a count. */
  decimal: boolean;
  /** May be negative (2019 format: 本年增/减). */
  signed: boolean;
  /** The row's total of the other columns. */
  sumOfOthers: boolean;
}

export interface SectionDef {
  code: SectionCode;
  /** Chinese ordinal: 一 … 六. */
  number: string;
  label: string;
  kind: 'prose' | 'table';
  table?: TableCode;
}

export interface ProactiveBlockDef {
  heading: string;
  columns: ColumnDef[];
  rows: { code: string; label: string }[];
}

export interface ApplicationsRowDef {
  code: string;
  label: string;
  /** Enclosing group labels, outermost first (e.g. ['三、本年度办理结果', '（三）不予公开']). */
  groups: string[];
  /** One of the result rows that （七）总计 adds up. */
  outcome: boolean;
  /** The （七）总计 row. */
  sumOfOutcomes: boolean;
  /** 2019 only: the 2021 rows this row merges (其他处理 = the three 2021 sub-rows). */
  from2021?: string[];
}

/** Table 3's label column as a tree: group labels are merged cells without numbers. */
export type ApplicationsNode = { kind: 'group'; label: string; children: ApplicationsNode[] } | { kind: 'row'; row: ApplicationsRowDef };

export interface ReviewGroupDef {
  code: string;
  label: string;
  /** Upper header (行政诉讼) shared by several groups. */
  parent?: string;
}

/** A uniform rows × columns view of any table, for validation and flat exports. */
export interface TableModel {
  code: TableCode;
  /** The section's Chinese ordinal (二, 三, 四) and its position (2, 3, 4): "表三" / "Table 3". */
  number: string;
  index: number;
  label: string;
  rows: { code: string; label: string; groups: string[]; columns: ColumnDef[] }[];
  /** Every column code used by some row, in first-use order. */
  columns: ColumnDef[];
}

export interface FormatDefinition {
  version: FormatVersion;
  /** The document that fixes the format, e.g. 国办公开办函〔2021〕30号. */
  documentNumber: string;
  appliesFromYear: number;
  appliesToYear?: number;
  sections: SectionDef[];
  proactive: { rowHeader: string; blocks: ProactiveBlockDef[] };
  applications: {
    cornerNote: string;
    columnGroupLabel: string;
    columns: ColumnDef[];
    rows: ApplicationsRowDef[];
    tree: ApplicationsNode[];
  };
  reviewsAndLawsuits: { groups: ReviewGroupDef[]; columns: ColumnDef[] };
  tables: Record<TableCode, TableModel>;
  /** The rules as the format file words them (for display; the checked rules are in rules.ts). */
  ruleTexts: string[];
}

type RawColumn = { code: string; label: string; group?: string; decimal?: boolean; signed?: boolean; sumOfOthers?: boolean };
type RawAppRow = {
  code?: string;
  label?: string;
  group?: string;
  outcome?: boolean;
  sumOfOutcomes?: boolean;
  from2021?: string[];
};
type RawFormat = {
  format: string;
  appliesFromYear: number;
  appliesToYear?: number;
  sections: { code: string; number: string; label: string; kind: string; table?: string }[];
  tables: {
    proactive: { blocks: { heading: string; columns: RawColumn[]; rows: { code: string; label: string }[] }[] };
    applications: { cornerNote: string; columnGroupLabel: string; columns: RawColumn[]; rows: RawAppRow[] };
    reviewsAndLawsuits: { groups: ReviewGroupDef[]; columns: RawColumn[] };
  };
  rules: string[];
};

const TABLE_CODES: readonly TableCode[] = ['proactive', 'applications', 'reviewsAndLawsuits'];

function column(raw: RawColumn): ColumnDef {
  return {
    code: raw.code,
    label: raw.label,
    ...(raw.group ? { group: raw.group } : {}),
    decimal: raw.decimal === true,
    signed: raw.signed === true,
    sumOfOthers: raw.sumOfOthers === true,
  };
}

/**
 * Nesting depth of a Table 3 label, read from its numbering: "一、" 0, "（一）" 1, "1." 2. The
 * reference file lists rows flat with group markers, so this is how the merged cells are recovered.
 */
function labelDepth(label: string): number {
  if (/^[一二三四五六七八九十]+、/.test(label)) return 0;
  if (/^（[一二三四五六七八九十]+）/.test(label)) return 1;
  if (/^\d+\./.test(label)) return 2;
  throw new Error(`annual report format: cannot tell the level of Table 3 label "${label}"`);
}

function nestApplicationRows(raw: RawAppRow[]): { rows: ApplicationsRowDef[]; tree: ApplicationsNode[] } {
  const tree: ApplicationsNode[] = [];
  const open: { depth: number; node: Extract<ApplicationsNode, { kind: 'group' }> }[] = [];
  const rows: ApplicationsRowDef[] = [];
  for (const entry of raw) {
    const label = entry.group ?? entry.label;
    if (!label) throw new Error('annual report format: a Table 3 row has neither label nor group');
    const depth = labelDepth(label);
    while (open.length && open[open.length - 1].depth >= depth) open.pop();
    const siblings = open.length ? open[open.length - 1].node.children : tree;
    if (entry.group) {
      const node = { kind: 'group' as const, label, children: [] as ApplicationsNode[] };
      siblings.push(node);
      open.push({ depth, node });
      continue;
    }
    if (!entry.code) throw new Error(`annual report format: Table 3 row "${label}" has no code`);
    const row: ApplicationsRowDef = {
      code: entry.code,
      label,
      groups: open.map((g) => g.node.label),
      outcome: entry.outcome === true,
      sumOfOutcomes: entry.sumOfOutcomes === true,
      ...(entry.from2021 ? { from2021: entry.from2021 } : {}),
    };
    rows.push(row);
    siblings.push({ kind: 'row', row });
  }
  return { rows, tree };
}

function unionColumns(lists: ColumnDef[][]): ColumnDef[] {
  const seen = new Map<string, ColumnDef>();
  for (const list of lists) for (const c of list) if (!seen.has(c.code)) seen.set(c.code, c);
  return [...seen.values()];
}

function build(version: FormatVersion, raw: RawFormat): FormatDefinition {
  const sections: SectionDef[] = raw.sections.map((s) => ({
    code: s.code as SectionCode,
    number: s.number,
    label: s.label,
    kind: s.kind === 'table' ? 'table' : 'prose',
    ...(s.table ? { table: s.table as TableCode } : {}),
  }));
  const blocks: ProactiveBlockDef[] = raw.tables.proactive.blocks.map((b) => ({
    heading: b.heading,
    columns: b.columns.map(column),
    rows: b.rows,
  }));
  const appColumns = raw.tables.applications.columns.map(column);
  const { rows: appRows, tree } = nestApplicationRows(raw.tables.applications.rows);
  const reviewColumns = raw.tables.reviewsAndLawsuits.columns.map(column);
  const groups = raw.tables.reviewsAndLawsuits.groups;

  const sectionOf = (table: TableCode) => {
    const index = sections.findIndex((s) => s.table === table);
    if (index < 0) throw new Error(`annual report format ${version}: no section for table ${table}`);
    return { number: sections[index].number, index: index + 1, label: sections[index].label };
  };
  const proactiveRows = blocks.flatMap((b) => b.rows.map((r) => ({ code: r.code, label: r.label, groups: [b.heading], columns: b.columns })));
  const tables: Record<TableCode, TableModel> = {
    proactive: {
      code: 'proactive',
      ...sectionOf('proactive'),
      rows: proactiveRows,
      columns: unionColumns(blocks.map((b) => b.columns)),
    },
    applications: {
      code: 'applications',
      ...sectionOf('applications'),
      rows: appRows.map((r) => ({ code: r.code, label: r.label, groups: r.groups, columns: appColumns })),
      columns: appColumns,
    },
    reviewsAndLawsuits: {
      code: 'reviewsAndLawsuits',
      ...sectionOf('reviewsAndLawsuits'),
      rows: groups.map((g) => ({ code: g.code, label: g.label, groups: g.parent ? [g.parent] : [], columns: reviewColumns })),
      columns: reviewColumns,
    },
  };
  for (const code of TABLE_CODES) if (!tables[code].rows.length) throw new Error(`annual report format ${version}: table ${code} is empty`);

  return {
    version,
    documentNumber: raw.format,
    appliesFromYear: raw.appliesFromYear,
    ...(raw.appliesToYear !== undefined ? { appliesToYear: raw.appliesToYear } : {}),
    sections,
    proactive: { rowHeader: common.proactiveRowHeader, blocks },
    applications: {
      cornerNote: raw.tables.applications.cornerNote,
      columnGroupLabel: raw.tables.applications.columnGroupLabel,
      columns: appColumns,
      rows: appRows,
      tree,
    },
    reviewsAndLawsuits: { groups, columns: reviewColumns },
    tables,
    ruleTexts: raw.rules,
  };
}

// Built once: the definitions are immutable data shared by every caller.
const FORMATS: Record<FormatVersion, FormatDefinition> = {
  '2019': build('2019', format2019 as RawFormat),
  '2021': build('2021', format2021 as RawFormat),
};

/** Accepts '2019' | '2021' | 2019 | 2021 (the content type stores an integer); throws on anything else. */
export function toFormatVersion(value: unknown): FormatVersion {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  if (text === '2019' || text === '2021') return text;
  throw new RangeError(`unknown annual report format version: ${JSON.stringify(value)} (expected 2019 or 2021)`);
}

/** The definition of a format version: sections, tables, rows, columns, official labels. */
export function getFormat(version: FormatVersionLike): FormatDefinition {
  return FORMATS[toFormatVersion(version)];
}

/**
 * The format a report year must use: the trial format for 2019–2020, the 2021 format from 2021.
 * Throws for years before 2019 (reports under the 2008 条例 had another layout, not supported).
 */
export function formatVersionForYear(year: number): FormatVersion {
  if (!Number.isInteger(year) || year < 2019) {
    throw new RangeError(`no supported annual report format for year ${year}: formats exist from 2019`);
  }
  return year >= 2021 ? '2021' : '2019';
}

/** "二、主动公开政府信息情况": a section's printed heading. */
export function sectionHeading(section: SectionDef): string {
  return `${section.number}、${section.label}`;
}

/**
 * The format's fixed wording (section, group, row and column labels) as terms: the numbering
 * （一）/ 1. stripped, at least four characters (shorter ones are common words), each once. The
 * chinese-variants glossary takes them so that a report converts its labels the same way everywhere.
 */
export function labelTerms(version: FormatVersionLike): string[] {
  const f = getFormat(version);
  const labels = [
    ...f.sections.map((x) => x.label),
    f.proactive.rowHeader,
    ...f.proactive.blocks.flatMap((b) => [b.heading, ...b.columns.map((c) => c.label), ...b.rows.map((r) => r.label)]),
    f.applications.columnGroupLabel,
    ...f.applications.columns.flatMap((c) => [c.label, c.group ?? '']),
    ...f.applications.rows.flatMap((r) => [r.label, ...r.groups]),
    ...f.reviewsAndLawsuits.groups.flatMap((g) => [g.label, g.parent ?? '']),
    ...f.reviewsAndLawsuits.columns.map((c) => c.label),
  ];
  const terms = labels
    .map((l) => l.replace(/^[（(][一二三四五六七八九十]+[）)]|^[一二三四五六七八九十]+、|^\d+[.．、]/u, '').trim())
    .filter((l) => /^\p{Script=Han}{4,}$/u.test(l));
  return [...new Set(terms)];
}
