/**
 * Shapes of the annual report (政府信息公开工作年度报告). Codes are this project's own (see
 * formats/*.json); the code lists below mirror the format data so that the tables get precise types,
 * and a unit test keeps the two equal.
 */

/** '2021' = 国办公开办函〔2021〕30号 (reports from 2021); '2019' = the 2019–2020 trial format. */
export type FormatVersion = '2019' | '2021';
/** The content type stores the version as an integer; public functions accept either spelling. */
export type FormatVersionLike = FormatVersion | 2019 | 2021;

export type TableCode = 'proactive' | 'applications' | 'reviewsAndLawsuits';
export type SectionCode = 'overview' | 'proactive' | 'applications' | 'reviewsAndLawsuits' | 'problems' | 'otherMatters';

// ── Table 3 (applications) ────────────────────────────────────────────────────────────────────────

export const APPLICANT_COLUMNS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'] as const;
export const APPLICATION_COLUMNS = [...APPLICANT_COLUMNS, 'total'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export type ApplicationColumn = (typeof APPLICATION_COLUMNS)[number];

const OUTCOME_ROWS_COMMON_HEAD = [
  'granted',
  'partlyGranted',
  'withheld.stateSecret',
  'withheld.prohibitedByLaw',
  'withheld.securityStability',
  'withheld.thirdPartyRights',
  'withheld.internalAffairs',
  'withheld.processInformation',
  'withheld.enforcementFile',
  'withheld.queryMatter',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.stillUnclear',
  'notProcessed.petition',
  'notProcessed.repeated',
  'notProcessed.publication',
  'notProcessed.excessive',
  'notProcessed.confirmation',
] as const;

export const OUTCOME_ROWS_2021 = [...OUTCOME_ROWS_COMMON_HEAD, 'other.noCorrection', 'other.feeUnpaid', 'other.other'] as const;
/** The trial format had （六）其他处理 as one row: 'other' = other.noCorrection + other.feeUnpaid + other.other. */
export const OUTCOME_ROWS_2019 = [...OUTCOME_ROWS_COMMON_HEAD, 'other'] as const;
export type OutcomeRow2021 = (typeof OUTCOME_ROWS_2021)[number];
export type OutcomeRow2019 = (typeof OUTCOME_ROWS_2019)[number];

export const APPLICATION_ROWS_2021 = ['received', 'carriedIn', ...OUTCOME_ROWS_2021, 'closedTotal', 'carriedOut'] as const;
export const APPLICATION_ROWS_2019 = ['received', 'carriedIn', ...OUTCOME_ROWS_2019, 'closedTotal', 'carriedOut'] as const;
export type ApplicationRow2021 = (typeof APPLICATION_ROWS_2021)[number];
export type ApplicationRow2019 = (typeof APPLICATION_ROWS_2019)[number];

export type ApplicationsRowCells = { [C in ApplicationColumn]: number };
export type Applications2021 = { [R in ApplicationRow2021]: ApplicationsRowCells };
export type Applications2019 = { [R in ApplicationRow2019]: ApplicationsRowCells };

// ── Table 4 (reviews and lawsuits) ────────────────────────────────────────────────────────────────

export const REVIEW_GROUPS = ['review', 'lawsuitDirect', 'lawsuitAfterReview'] as const;
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
export type ReviewsAndLawsuits = { [G in ReviewGroup]: { [C in ReviewColumn]: number } };

// ── Table 2 (proactive disclosure) ────────────────────────────────────────────────────────────────

type DocumentCounts2021 = { issued: number; abolished: number; inForce: number };
export type Proactive2021 = {
  regulations: DocumentCounts2021;
  normativeDocuments: DocumentCounts2021;
  licensing: { decisions: number };
  punishment: { decisions: number };
  enforcement: { decisions: number };
  /** 本年收费金额（单位：万元）: a decimal. */
  fees: { amountTenThousandYuan: number };
};

type DocumentCounts2019 = { newlyMade: number; newlyPublished: number; totalPublished: number };
/** previousYearItems = 上一年项目数量; change = 本年增/减 (may be negative); decisions = 处理决定数量. */
type ItemCounts2019 = { previousYearItems: number; change: number; decisions: number };
export type Proactive2019 = {
  regulations: DocumentCounts2019;
  normativeDocuments: DocumentCounts2019;
  licensing: ItemCounts2019;
  otherServices: ItemCounts2019;
  punishment: ItemCounts2019;
  enforcement: ItemCounts2019;
  fees: { previousYearItems: number; change: number };
  /** totalAmount (采购总金额) is a decimal. */
  procurement: { projects: number; totalAmount: number };
};

// ── All tables ────────────────────────────────────────────────────────────────────────────────────

export type Tables2021 = { proactive: Proactive2021; applications: Applications2021; reviewsAndLawsuits: ReviewsAndLawsuits };
export type Tables2019 = { proactive: Proactive2019; applications: Applications2019; reviewsAndLawsuits: ReviewsAndLawsuits };
export type ReportTables = Tables2021 | Tables2019;
export type TablesFor<V extends FormatVersionLike> = V extends '2019' | 2019 ? Tables2019 : Tables2021;

/**
 * Tables as they may arrive from storage or a form: any cell may be missing or not a number.
 * Validation and rendering take this so that bad data is reported, never a crash.
 */
export type LooseTables = {
  readonly [table: string]: { readonly [row: string]: { readonly [col: string]: unknown } | undefined } | undefined;
};

/** One cell of one table; `year: 'previous'` marks a cell of last year's report (cross-year rules). */
export interface CellRef {
  table: TableCode;
  row: string;
  col: string;
  year?: 'previous';
}

export interface Bilingual {
  zh: string;
  en: string;
}

export type Severity = 'error' | 'warning';

/**
 * Why a rule failed: 'mismatch' (two sums differ), 'missing' / 'not-a-number' (no usable value),
 * 'negative', 'not-integer'.
 */
export type FailureReason = 'mismatch' | 'missing' | 'not-a-number' | 'negative' | 'not-integer';

/** One broken rule, JSON-serialisable so it can be stored with the report. */
export interface Failure {
  ruleId: string;
  severity: Severity;
  reason: FailureReason;
  /** The cells the rule looked at (for a sum, all its terms); the first ones are the checked cells. */
  cells: CellRef[];
  /** For 'mismatch': the value the checked side should have, and the value it has. */
  expected?: number;
  /** For 'mismatch' the checked side's value; for 'negative' / 'not-integer' the offending number. */
  actual?: number;
  message: Bilingual;
}

// ── Report prose (Strapi 5 blocks) ────────────────────────────────────────────────────────────────

export interface BlocksText {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}
export interface BlocksLink {
  type: 'link';
  url: string;
  children: BlocksText[];
}
export type BlocksInline = BlocksText | BlocksLink;
export interface BlocksParagraph {
  type: 'paragraph';
  children: BlocksInline[];
}
export type BlocksNode =
  | BlocksParagraph
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: BlocksInline[] }
  | { type: 'quote'; children: BlocksInline[] }
  | { type: 'code'; children: BlocksInline[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: BlocksNode[] }
  | { type: 'list-item'; children: BlocksInline[] }
  | { type: 'image'; image: { url: string; alternativeText?: string | null }; children: BlocksInline[] };

/** Prose: plain text (paragraphs separated by blank lines), Strapi blocks, or blocks as a JSON string. */
export type ProseInput = string | readonly BlocksNode[] | null | undefined;

/** Everything the renderer and the exports need. */
export interface AnnualReport {
  title: string;
  organizationName: string;
  year: number;
  formatVersion: FormatVersionLike;
  overview: ProseInput;
  problems: ProseInput;
  otherMatters: ProseInput;
  /** Typed as the format's tables; cells that are missing or not numbers are shown empty, not thrown on. */
  tables: ReportTables | LooseTables;
  /** 信息处理费 collected in the year, in 元; used for section 六 when otherMatters is empty. */
  processingFeeYuan?: number | null;
  /** How to reach the office, for the opening paragraph (address, phone, website). */
  contact?: { address?: string | null; phone?: string | null; website?: string | null } | null;
  /** The day the report was issued (published), YYYY-MM-DD, printed under the issuing body. */
  issuedDate?: string | null;
  /** Printed across every page of an export of an unpublished or invalid report, e.g. 草稿 · 未通过校验. */
  watermark?: string | null;
}

/** Applied to every fixed label (headings, table labels, notes), e.g. an OpenCC zh-Hans → zh-Hant converter. */
export type ConvertLabel = (label: string) => string;
