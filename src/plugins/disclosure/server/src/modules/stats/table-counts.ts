import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { countWhen, sumWhen, tableOf } from '../storage/schema-names';
import { publishedNotices, Period } from './notice-counts';
import { FINAL_STATUSES } from '../../core/working-days';

/** Raw counts for the report tables, keyed by the format's codes. Totals are derived later. */
export interface RawTableCounts {
  proactive: {
    issued: Record<string, number>;
    abolished: Record<string, number>;
    inForce: Record<string, number>;
    /** Published in the period, by document type (decisions, and 2019's newly published). */
    released: Record<string, number>;
    /** Published up to the end of the period, by document type (2019's 对外公开总数量). */
    releasedToDate: Record<string, number>;
  };
  /** applications[row][applicantType] for received, carriedIn, carriedOut and each outcome code. */
  applications: Record<string, Record<string, number>>;
  /** reviews[kind][result as of the period's end]. */
  reviews: Record<string, Record<string, number>>;
  processingFeeYuan: number;
}

const DOCUMENT_TYPES = ['regulation', 'normative-document'];
const GONE = ['abolished', 'expired'];
const FINAL = [...FINAL_STATUSES];
const list = (values: readonly string[]) => values.map(() => '?').join(', ');

/** Rows of a query grouped by `key`, as `{ [measure]: { [key]: count } }` for each measure column. */
function byKey(rows: any[], measures: readonly string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = Object.fromEntries(measures.map((m) => [m, {}]));
  for (const row of rows) for (const m of measures) out[m][row.key] = Number(row[m] ?? 0);
  return out;
}

/**
 * Table 2's regulations and normative documents in one pass over the organizations' documents:
 * issued (制发) and abolished in the period, in force on its last day. COUNT(*) counts documents for
 * the reason given in notice-counts.ts (one published row per document and locale).
 */
export async function documentCounts(strapi: Core.Strapi, trx: Knex.Transaction, organizations: string[], locale: string, period: Period) {
  const n = tableOf(strapi, 'api::notice.notice');
  const col = (a: string) => `n.${n.column(a)}`;
  // 制发: the date written (成文日期), or the release date when none was recorded
  const issuedOn = `COALESCE(${col('writtenDate')}, ${col('releaseDate')})`;
  const gone = `${col('validity')} IN (${list(GONE)})`;
  const abolishedInPeriod = `${gone} AND ${col('abolishedDate')} BETWEEN ? AND ?`;
  const rows = await publishedNotices(strapi, trx, organizations, locale)
    .whereIn(col('documentType'), DOCUMENT_TYPES)
    // the union of the three conditions below, so that later documents are not read
    .where((q) => q.whereRaw(`${issuedOn} <= ?`, [period.to]).orWhereRaw(abolishedInPeriod, [...GONE, period.from, period.to]))
    .select({ key: col('documentType') })
    .select(countWhen(strapi, `${issuedOn} BETWEEN ? AND ?`, [period.from, period.to], 'issued'))
    .select(countWhen(strapi, abolishedInPeriod, [...GONE, period.from, period.to], 'abolished'))
    .select(
      countWhen(
        strapi,
        `${issuedOn} <= ? AND (${col('validity')} NOT IN (${list(GONE)}) OR ${col('abolishedDate')} IS NULL OR ${col('abolishedDate')} > ?)`,
        [period.to, ...GONE, period.to],
        'inForce',
      ),
    )
    .groupBy(col('documentType'));
  return byKey(rows, ['issued', 'abolished', 'inForce']);
}

/** 2019's 对外公开总数量: everything published up to the end of the period, by document type. */
export async function releasedToDateCounts(strapi: Core.Strapi, trx: Knex.Transaction, organizations: string[], locale: string, period: Period) {
  const n = tableOf(strapi, 'api::notice.notice');
  const type = `n.${n.column('documentType')}`;
  const rows = await publishedNotices(strapi, trx, organizations, locale)
    .where(`n.${n.column('releaseDate')}`, '<=', period.to)
    .select({ key: type })
    .count({ count: '*' })
    .groupBy(type);
  return byKey(rows, ['count']).count;
}

/**
 * Table 3 from the applications in one pass, grouped by applicant type and outcome (so one CASE counts
 * the closed applications of every outcome: 21 per-outcome CASEs made this the slowest part on SQLite).
 * An application is closed when its status is final and it has an answer date; counted this way
 * 一 + 二 = （七）总计 + 四 holds by construction for every column. Applications are neither localized
 * nor drafted: one row per document. The organization is read from the link column, as for notices.
 */
export async function applicationCounts(strapi: Core.Strapi, trx: Knex.Transaction, organizations: string[], period: Period) {
  const a = tableOf(strapi, 'api::disclosure-application.disclosure-application');
  const col = (x: string) => `a.${a.column(x)}`;
  const outcomes = a.enumOf('outcome');
  const received = col('receivedDate');
  const answered = col('answeredDate');
  const openOn = (op: string) => `(${col('applicationStatus')} NOT IN (${list(FINAL)}) OR ${answered} IS NULL OR ${answered} ${op} ?)`;
  const closedInPeriod = `${col('applicationStatus')} IN (${list(FINAL)}) AND ${answered} BETWEEN ? AND ?`;
  const closedBindings = [...FINAL, period.from, period.to];
  const rows: any[] = await strapi.db
    .connection(`${a.name} as a`)
    .transacting(trx)
    .whereIn(col('organizationDocumentId'), organizations)
    // the union of the conditions below: received by the period's end, or closed in it …
    .where((q) => q.where(received, '<=', period.to).orWhereRaw(closedInPeriod, closedBindings))
    // … leaving out those closed before the period began, which count nowhere (most of the history)
    .where((q) => q.where(received, '>=', period.from).orWhereRaw(openOn('>='), [...FINAL, period.from]))
    .select({ key: col('applicantType'), outcome: col('outcome') })
    .select(countWhen(strapi, `${received} BETWEEN ? AND ?`, [period.from, period.to], 'received'))
    .select(countWhen(strapi, `${received} < ? AND ${openOn('>=')}`, [period.from, ...FINAL, period.from], 'carriedIn'))
    .select(countWhen(strapi, `${received} <= ? AND ${openOn('>')}`, [period.to, ...FINAL, period.to], 'carriedOut'))
    .select(countWhen(strapi, closedInPeriod, closedBindings, 'closed'))
    // 信息处理费 actually collected: fees paid in the period, whatever became of the application
    .select(sumWhen(strapi, col('feeYuan'), `${col('feePaidDate')} BETWEEN ? AND ?`, [period.from, period.to], 'fee'))
    .groupBy(col('applicantType'), col('outcome'));

  // Only the (at most 6 × 22) group subtotals are added up here; every applicant type seen gets a
  // value in every measure, as when the rows were grouped by applicant type alone.
  const result: Record<string, Record<string, number>> = { received: {}, carriedIn: {}, carriedOut: {} };
  const closedBy = new Map<string, Record<string, number>>(outcomes.map((o) => [o, {}]));
  for (const row of rows) {
    for (const m of ['received', 'carriedIn', 'carriedOut']) result[m][row.key] = (result[m][row.key] ?? 0) + Number(row[m] ?? 0);
    for (const counts of closedBy.values()) counts[row.key] ??= 0;
    const counts = closedBy.get(row.outcome);
    if (counts) counts[row.key] += Number(row.closed ?? 0);
  }
  for (const [outcome, counts] of closedBy) if (Object.values(counts).some((c) => c > 0)) result[outcome] = counts;
  // the fee per group, added up over the groups
  const processingFeeYuan = rows.reduce((sum, row) => sum + Number(row.fee ?? 0), 0);
  return { applications: result, processingFeeYuan };
}

/** Table 4: cases filed in the period by kind, with their result as of its last day (one row per case). */
export async function reviewCounts(strapi: Core.Strapi, trx: Knex.Transaction, orgIds: number[], period: Period) {
  const r = tableOf(strapi, 'api::review-case.review-case');
  const col = (x: string) => `r.${r.column(x)}`;
  const org = r.link('organization');
  const resultAtEnd = `CASE WHEN ${col('concludedDate')} IS NOT NULL AND ${col('concludedDate')} <= ? AND ${col('result')} <> 'pending' THEN ${col('result')} ELSE 'pending' END`;
  // The result is computed in a subquery so that GROUP BY names a column, not a repeated expression
  // with its own bound parameter (PostgreSQL would not see the two as the same).
  const cases = strapi.db
    .connection(`${r.name} as r`)
    .join(`${org.table} as r_org`, `r_org.${org.own}`, 'r.id')
    .whereIn(`r_org.${org.target}`, orgIds)
    .whereBetween(col('filedDate'), [period.from, period.to])
    .select({ kind: col('kind') })
    .select(strapi.db.connection.raw(`${resultAtEnd} as result_at_end`, [period.to]))
    .as('cases');
  const rows = await strapi.db.connection
    .from(cases)
    .transacting(trx)
    .select({ kind: 'kind', result: 'result_at_end' })
    .count({ count: '*' })
    .groupBy('kind', 'result_at_end');
  const reviews: Record<string, Record<string, number>> = {};
  for (const row of rows as any[]) reviews[row.kind] = { ...(reviews[row.kind] ?? {}), [row.result]: Number(row.count) };
  return reviews;
}

/** Tables 2–4 from the counts above; the period's releases by type are the notice counts' (the same rows). */
export function toRawTableCounts(parts: {
  documents: Awaited<ReturnType<typeof documentCounts>>;
  releasedByType: Record<string, number>;
  releasedToDate: Record<string, number>;
  applications: Awaited<ReturnType<typeof applicationCounts>>;
  reviews: Record<string, Record<string, number>>;
}): RawTableCounts {
  const { issued, abolished, inForce } = parts.documents;
  return {
    proactive: { issued, abolished, inForce, released: parts.releasedByType, releasedToDate: parts.releasedToDate },
    applications: parts.applications.applications,
    reviews: parts.reviews,
    processingFeeYuan: parts.applications.processingFeeYuan,
  };
}
