import {
  APPLICANT_COLUMNS,
  emptyTables,
  outcomeRowFor,
  REVIEW_GROUPS,
  withTotals,
  type FormatVersion,
  type ReportTables,
  type Tables2019,
  type Tables2021,
} from '../../core/annual-report';
import type { RawTableCounts } from './table-counts';

const DOC_ROWS = { regulations: 'regulation', normativeDocuments: 'normative-document' } as const;
const DECISION_ROWS = { licensing: 'licensing-decision', punishment: 'punishment-decision', enforcement: 'enforcement-decision' } as const;
const REVIEW_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;

function fillApplications(tables: ReportTables, raw: RawTableCounts, version: FormatVersion) {
  const apps = tables.applications as unknown as Record<string, Record<string, number>>;
  for (const [row, byType] of Object.entries(raw.applications)) {
    const target = ['received', 'carriedIn', 'carriedOut'].includes(row) ? row : outcomeRowFor(version, row);
    if (!target || !apps[target]) continue;
    for (const col of APPLICANT_COLUMNS) apps[target][col] += byType[col] ?? 0;
  }
}

function fillReviews(tables: ReportTables, raw: RawTableCounts) {
  for (const group of REVIEW_GROUPS) {
    for (const result of REVIEW_RESULTS) tables.reviewsAndLawsuits[group][result] = raw.reviews[group]?.[result] ?? 0;
  }
}

function proactive2021(tables: Tables2021, raw: RawTableCounts) {
  for (const [row, type] of Object.entries(DOC_ROWS) as [keyof typeof DOC_ROWS, string][]) {
    tables.proactive[row] = {
      issued: raw.proactive.issued[type] ?? 0,
      abolished: raw.proactive.abolished[type] ?? 0,
      inForce: raw.proactive.inForce[type] ?? 0,
    };
  }
  for (const [row, type] of Object.entries(DECISION_ROWS) as [keyof typeof DECISION_ROWS, string][]) {
    tables.proactive[row] = { decisions: raw.proactive.released[type] ?? 0 };
  }
}

/** The trial format asked for other figures; those that the records hold are filled, the rest stay 0 for the editor. */
function proactive2019(tables: Tables2019, raw: RawTableCounts) {
  for (const [row, type] of Object.entries(DOC_ROWS) as [keyof typeof DOC_ROWS, string][]) {
    tables.proactive[row] = {
      newlyMade: raw.proactive.issued[type] ?? 0,
      newlyPublished: raw.proactive.released[type] ?? 0,
      totalPublished: raw.proactive.releasedToDate[type] ?? 0,
    };
  }
  for (const [row, type] of Object.entries(DECISION_ROWS) as [keyof typeof DECISION_ROWS, string][]) {
    tables.proactive[row].decisions = raw.proactive.released[type] ?? 0;
  }
}

/** Turns the SQL counts into the national tables of the given format, totals included. */
export function toReportTables(raw: RawTableCounts, version: FormatVersion): ReportTables {
  const tables = emptyTables(version) as ReportTables;
  if (version === '2021') proactive2021(tables as Tables2021, raw);
  else proactive2019(tables as Tables2019, raw);
  fillApplications(tables, raw, version);
  fillReviews(tables, raw);
  return withTotals(tables, version);
}
