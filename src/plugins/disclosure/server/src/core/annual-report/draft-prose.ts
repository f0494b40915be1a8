/**
 * First drafts of the report's prose from its own numbers, for an editor to complete. Only facts
 * the system knows are stated; what it cannot know is left as a 【待补充：…】 marker, which
 * findDraftPlaceholders() detects so that a draft is not published unfinished by mistake.
 *
 * Drafts are built as sentences with stable keys and the cells each one states (draftSections), so that
 * a regeneration can tell its own earlier sentences from the editor's and update only its own
 * (bound-prose.ts). The text functions below are those sentences joined.
 */
import { formatVersionForYear, getFormat, type ApplicationsNode, type FormatDefinition } from './format';
import { formatNumber, formatYuan } from './numbers';
import { toBlocks } from './prose';
import { numericCell } from './tables';
import type { BlocksParagraph, FormatVersionLike, LooseTables, ReportTables, TableCode } from './types';

export interface DraftProseInput {
  organizationName: string;
  year: number;
  /** Defaults to the format of the year. */
  formatVersion?: FormatVersionLike;
  tables: ReportTables | LooseTables;
  /** Items (notices, documents…) proactively published in the year. */
  noticesPublished: number;
  /** Published items per catalogue category, in the order to mention them; zero counts are left out. */
  categoryCounts?: readonly { name: string; count: number }[];
  /** 信息处理费 collected in the year, in 元; null/undefined = not known yet. */
  processingFeeYuan?: number | null;
}

/** One generated sentence: a stable key, its text, and the named cells its figures come from. */
export interface DraftSentence {
  key: string;
  text: string;
  cells: string[];
  placeholder?: boolean;
}
/** A paragraph is a run of sentences. */
export type DraftParagraph = DraftSentence[];

export const PROSE_SECTIONS = ['overview', 'problems', 'otherMatters'] as const;
export type ProseSection = (typeof PROSE_SECTIONS)[number];
export type DraftSections = Record<ProseSection, DraftParagraph[]>;

export interface DraftProse {
  /** 一、总体情况: （一）主动公开 … （五）监督保障, paragraphs separated by blank lines. */
  overview: string;
  /** 六、其他需要报告的事项. */
  otherMatters: string;
  overviewBlocks: BlocksParagraph[];
  otherMattersBlocks: BlocksParagraph[];
}

/** The generator's markers of what only the editor can write, in either script: never to be published. */
const PLACEHOLDER = /【(?:待补充|待補充|待填写|待填寫|请补充|請補充|请填写|請填寫)[^】]*】/g;

/** The unfinished parts of a draft, e.g. ['【待补充：平台建设情况】']; empty when there are none. */
export function findDraftPlaceholders(text: string): string[] {
  return text.match(PLACEHOLDER) ?? [];
}

const MISSING = '【待补充：数据缺失】';

/** Name of a cell in prose bindings and the prose checker: "applications.received.total". */
export const cellName = (table: TableCode, row: string, col: string) => `${table}.${row}.${col}`;
/** Facts the prose states that are not table cells. */
export const NOTICES_PUBLISHED = 'notices.published';
export const PROCESSING_FEE = 'processingFeeYuan';

type Reader = (table: TableCode, row: string, col: string) => number | undefined;

/** Reads cells and remembers which, so each sentence can list the cells it states. */
class Binder {
  private used = new Set<string>();
  constructor(private readonly tables: ReportTables | LooseTables) {}
  readonly v: Reader = (table, row, col) => {
    this.used.add(cellName(table, row, col));
    return numericCell(this.tables, { table, row, col });
  };
  use(name: string) {
    this.used.add(name);
  }
  /** A sentence with the cells read since the last one. */
  sentence(key: string, text: string): DraftSentence {
    const cells = [...this.used];
    this.used = new Set();
    return { key, text, cells, ...(findDraftPlaceholders(text).length && cells.length === 0 ? { placeholder: true } : {}) };
  }
}

const heading = (key: string, text: string): DraftSentence => ({ key, text, cells: [] });
const placeholder = (key: string, text: string): DraftSentence => ({ key, text, cells: [], placeholder: true });

function shown(n: number | undefined): string {
  return n === undefined ? MISSING : formatNumber(n);
}

function sumOf(values: (number | undefined)[]): number | undefined {
  return values.some((v) => v === undefined) ? undefined : (values as number[]).reduce((a, b) => a + b, 0);
}

/** "甲3件、乙2件": items with a known non-zero count, or '' when there are none. */
function listNonZero(items: { name: string; n: number | undefined }[], unit: string): string {
  return items
    .filter((i) => i.n !== 0)
    .map((i) => `${i.name}${shown(i.n)}${unit}`)
    .join('、');
}

function proactive2021(b: Binder): DraftSentence[] {
  const c = (row: string, col: string) => shown(b.v('proactive', row, col));
  return [
    b.sentence(
      'proactive.documents',
      `本年度制发规章${c('regulations', 'issued')}件、行政规范性文件${c('normativeDocuments', 'issued')}件，` +
        `废止规章${c('regulations', 'abolished')}件、行政规范性文件${c('normativeDocuments', 'abolished')}件，` +
        `截至年底现行有效规章${c('regulations', 'inForce')}件、行政规范性文件${c('normativeDocuments', 'inForce')}件。`,
    ),
    b.sentence(
      'proactive.decisions',
      `本年度作出行政许可处理决定${c('licensing', 'decisions')}件、行政处罚处理决定${c('punishment', 'decisions')}件、` +
        `行政强制处理决定${c('enforcement', 'decisions')}件；收取行政事业性收费${c('fees', 'amountTenThousandYuan')}万元。`,
    ),
  ];
}

function proactive2019(b: Binder): DraftSentence[] {
  const c = (row: string, col: string) => shown(b.v('proactive', row, col));
  return [
    b.sentence(
      'proactive.documents',
      `本年度新制作规章${c('regulations', 'newlyMade')}件、规范性文件${c('normativeDocuments', 'newlyMade')}件，` +
        `新公开规章${c('regulations', 'newlyPublished')}件、规范性文件${c('normativeDocuments', 'newlyPublished')}件，` +
        `对外公开规章总数${c('regulations', 'totalPublished')}件、规范性文件总数${c('normativeDocuments', 'totalPublished')}件。`,
    ),
    b.sentence(
      'proactive.decisions',
      `本年度作出行政许可处理决定${c('licensing', 'decisions')}件、其他对外管理服务事项处理决定${c('otherServices', 'decisions')}件、` +
        `行政处罚处理决定${c('punishment', 'decisions')}件、行政强制处理决定${c('enforcement', 'decisions')}件；` +
        `政府集中采购项目${c('procurement', 'projects')}个。`,
    ),
  ];
}

function proactiveParagraph(input: DraftProseInput, format: FormatDefinition, b: Binder): DraftParagraph {
  const categories = listNonZero(
    (input.categoryCounts ?? []).map((c) => ({ name: c.name, n: c.count })),
    '条',
  );
  b.use(NOTICES_PUBLISHED);
  const opening = b.sentence(
    'proactive.opening',
    `本年度，${input.organizationName}共主动公开政府信息${formatNumber(input.noticesPublished)}条${categories ? `，其中${categories}` : ''}。`,
  );
  return [opening, ...(format.version === '2019' ? proactive2019(b) : proactive2021(b))];
}

/** "（二）部分公开（区分处理的，…）" → "部分公开": the short name of an outcome category. */
function shortName(label: string): string {
  return label.replace(/^（[一二三四五六七八九十]+）/, '').replace(/（.*）$/, '');
}

function rowsUnder(node: ApplicationsNode): string[] {
  return node.kind === 'row' ? [node.row.code] : node.children.flatMap(rowsUnder);
}

/** Outcome categories （一）…（六） with their rows, from the format's Table 3 tree. */
function outcomeCategories(format: FormatDefinition): { name: string; rows: string[] }[] {
  const results = format.applications.tree.find((n) => n.kind === 'group');
  if (!results || results.kind !== 'group') return [];
  return results.children
    .filter((n) => n.kind === 'group' || n.row.outcome)
    .map((n) => ({ name: shortName(n.kind === 'group' ? n.label : n.row.label), rows: rowsUnder(n) }));
}

function applicationsParagraph(input: DraftProseInput, format: FormatDefinition, b: Binder): DraftParagraph {
  const total = (row: string) => b.v('applications', row, 'total');
  const received = total('received');
  const carriedIn = total('carriedIn');
  const org = input.organizationName;
  if (received === 0 && carriedIn === 0) {
    total('closedTotal');
    total('carriedOut');
    return [b.sentence('applications.opening', `本年度，${org}未收到政府信息公开申请，无上年结转申请。`)];
  }

  const applicantOrgs = format.applications.columns.filter((c) => c.group).map((c) => b.v('applications', 'received', c.code));
  const split = `其中自然人${shown(b.v('applications', 'received', 'naturalPerson'))}件，法人或其他组织${shown(sumOf(applicantOrgs))}件`;
  const opening = b.sentence('applications.opening', `本年度，${org}共收到政府信息公开申请${shown(received)}件（${split}），上年结转${shown(carriedIn)}件。`);

  const closed = total('closedTotal');
  const categories = listNonZero(
    outcomeCategories(format).map((c) => ({ name: c.name, n: sumOf(c.rows.map(total)) })),
    '件',
  );
  const handled = closed === 0 ? '本年度未办结申请' : `本年度办结${shown(closed)}件${categories ? `，其中${categories}` : ''}`;
  return [opening, b.sentence('applications.handled', `${handled}；结转下年度继续办理${shown(total('carriedOut'))}件。`)];
}

function reviewsSentence(format: FormatDefinition, b: Binder): DraftSentence {
  const { groups, columns } = format.reviewsAndLawsuits;
  const parts = columns.filter((c) => !c.sumOfOthers);
  const groupTotal = (code: string) => b.v('reviewsAndLawsuits', code, 'total');
  const review = groups.find((g) => !g.parent);
  const lawsuits = groups.filter((g) => g.parent);
  const reviewTotal = review ? groupTotal(review.code) : 0;
  const lawsuitTotal = sumOf(lawsuits.map((g) => groupTotal(g.code)));
  if (reviewTotal === 0 && lawsuitTotal === 0) return b.sentence('reviews', '本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。');

  const reviewDetail = review
    ? listNonZero(
        parts.map((c) => ({ name: c.label, n: b.v('reviewsAndLawsuits', review.code, c.code) })),
        '件',
      )
    : '';
  const lawsuitDetail = listNonZero(
    lawsuits.map((g) => ({ name: g.label, n: groupTotal(g.code) })),
    '件',
  );
  return b.sentence(
    'reviews',
    `本年度，因政府信息公开引起行政复议${shown(reviewTotal)}件${reviewDetail ? `（${reviewDetail}）` : ''}，` +
      `行政诉讼${shown(lawsuitTotal)}件${lawsuitDetail ? `（${lawsuitDetail}）` : ''}。`,
  );
}

/** 一、总体情况 as sentences: the five customary sub-headings, each its own paragraph. */
function overviewParagraphs(input: DraftProseInput): DraftParagraph[] {
  const format = getFormat(input.formatVersion ?? formatVersionForYear(input.year));
  const b = new Binder(input.tables);
  return [
    [heading('overview.heading.proactive', '（一）主动公开')],
    proactiveParagraph(input, format, b),
    [heading('overview.heading.applications', '（二）依申请公开')],
    applicationsParagraph(input, format, b),
    [heading('overview.heading.management', '（三）政府信息管理')],
    [placeholder('management', '【待补充：政府信息公开审查、规范性文件清理、政策解读等管理工作情况】')],
    [heading('overview.heading.platforms', '（四）平台建设')],
    [placeholder('platforms', '【待补充：政府网站、政务新媒体等公开平台建设情况】')],
    [heading('overview.heading.supervision', '（五）监督保障')],
    [reviewsSentence(format, b), placeholder('supervision', '【待补充：工作考核、社会评议、责任追究及培训等情况】')],
  ];
}

/**
 * The sentence on the 信息处理费 collected (元), or a placeholder when the amount is not known.
 * Also used by the renderers when section 六 has no prose of its own.
 */
export function processingFeeSentence(organizationName: string, year: number, feeYuan: number | null | undefined): string {
  if (feeYuan === null || feeYuan === undefined) return '【待补充：本年度收取信息处理费情况（单位：元）】';
  if (feeYuan === 0) return `本年度，${organizationName}未收取信息处理费。`;
  // The fee rules (国办函〔2020〕109号) apply from 1 January 2021.
  const basis = year >= 2021 ? '依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）' : '';
  return `本年度，${organizationName}${basis}收取信息处理费${formatYuan(feeYuan)}元。`;
}

function otherMattersParagraphs(input: Pick<DraftProseInput, 'organizationName' | 'year' | 'processingFeeYuan'>): DraftParagraph[] {
  const fee = input.processingFeeYuan;
  return [
    [
      {
        key: 'processingFee',
        text: processingFeeSentence(input.organizationName, input.year, fee),
        cells: fee === null || fee === undefined ? [] : [PROCESSING_FEE],
      },
    ],
    [placeholder('otherMatters', '【待补充：其他需要报告的事项，如人大代表建议和政协提案办理结果公开情况等】')],
  ];
}

const PROBLEMS_DRAFT = '【待补充：本年度政府信息公开工作存在的主要问题及改进情况】';

/** Every prose section as generated sentences, bound to the cells they state. */
export function draftSections(input: DraftProseInput): DraftSections {
  return {
    overview: overviewParagraphs(input),
    problems: [[placeholder('problems', PROBLEMS_DRAFT)]],
    otherMatters: otherMattersParagraphs(input),
  };
}

/** Paragraphs as text: sentences joined, paragraphs separated by blank lines. */
export function paragraphsText(paragraphs: readonly DraftParagraph[]): string {
  return paragraphs.map((p) => p.map((s) => s.text).join('')).join('\n\n');
}

/** 一、总体情况, as plain text with the five customary sub-headings, each its own paragraph. */
export function draftOverview(input: DraftProseInput): string {
  return paragraphsText(overviewParagraphs(input));
}

/** 六、其他需要报告的事项: the 信息处理费 collected, in 元, and room for the rest. */
export function draftOtherMatters(input: Pick<DraftProseInput, 'organizationName' | 'year' | 'processingFeeYuan'>): string {
  return paragraphsText(otherMattersParagraphs(input));
}

/** Both drafts, as text and as Strapi blocks. */
export function draftProse(input: DraftProseInput): DraftProse {
  const overview = draftOverview(input);
  const otherMatters = draftOtherMatters(input);
  return { overview, otherMatters, overviewBlocks: toBlocks(overview), otherMattersBlocks: toBlocks(otherMatters) };
}
