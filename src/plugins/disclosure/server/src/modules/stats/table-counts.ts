import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { tableOf } from './schema-names';
import { publishedNotices, Period } from './notice-counts';
import { FINAL_STATUSES } from '../../applications';

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

async function grouped(query: Knex.QueryBuilder, key: string, countExpr: string): Promise<Record<string, number>> {
  const rows = await query.select({ key }).countDistinct({ count: countExpr }).groupBy(key);
  return Object.fromEntries(rows.map((r: any) => [r.key, Number(r.count)]));
}

async function proactiveCounts(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  orgIds: number[],
  locale: string,
  period: Period,
  withReleasedToDate: boolean
) {
  const n = tableOf(strapi, 'api::notice.notice');
  const col = (a: string) => `n.${n.column(a)}`;
  const doc = col('documentId');
  const type = col('documentType');
  // 制发: the date written (成文日期), or the release date when none was recorded
  const issuedOn = `COALESCE(${col('writtenDate')}, ${col('releaseDate')})`;
  const base = () => publishedNotices(strapi, trx, orgIds, locale);
  const documents = () => base().whereIn(type, DOCUMENT_TYPES);
  return {
    issued: await grouped(documents().whereRaw(`${issuedOn} BETWEEN ? AND ?`, [period.from, period.to]), type, doc),
    abolished: await grouped(documents().whereIn(col('validity'), GONE).whereBetween(col('abolishedDate'), [period.from, period.to]), type, doc),
    inForce: await grouped(
      documents()
        .whereRaw(`${issuedOn} <= ?`, [period.to])
        .where((q) => q.whereNotIn(col('validity'), GONE).orWhereNull(col('abolishedDate')).orWhere(col('abolishedDate'), '>', period.to)),
      type,
      doc
    ),
    released: await grouped(base().whereBetween(col('releaseDate'), [period.from, period.to]), type, doc),
    // Only the trial format asks for it, and it scans an organization's whole history.
    releasedToDate: withReleasedToDate ? await grouped(base().where(col('releaseDate'), '<=', period.to), type, doc) : {},
  };
}

/**
 * Table 3 from the applications. An application is closed when its status is final and it has an
 * answer date; counted this way 一 + 二 = （七）总计 + 四 holds by construction for every column.
 */
async function applicationCounts(strapi: Core.Strapi, trx: Knex.Transaction, orgIds: number[], period: Period) {
  const a = tableOf(strapi, 'api::disclosure-application.disclosure-application');
  const col = (x: string) => `a.${a.column(x)}`;
  const org = a.link('organization');
  const base = () =>
    strapi.db
      .connection(`${a.name} as a`)
      .transacting(trx)
      .join(`${org.table} as a_org`, `a_org.${org.own}`, 'a.id')
      .whereIn(`a_org.${org.target}`, orgIds);
  const type = col('applicantType');
  const doc = col('documentId');
  const notClosedBy = (q: Knex.QueryBuilder, date: string, inclusive: boolean) =>
    q.where((w) =>
      w.whereNotIn(col('applicationStatus'), FINAL).orWhereNull(col('answeredDate')).orWhere(col('answeredDate'), inclusive ? '>=' : '>', date)
    );

  const result: Record<string, Record<string, number>> = {
    received: await grouped(base().whereBetween(col('receivedDate'), [period.from, period.to]), type, doc),
    carriedIn: await grouped(notClosedBy(base().where(col('receivedDate'), '<', period.from), period.from, true), type, doc),
    carriedOut: await grouped(notClosedBy(base().where(col('receivedDate'), '<=', period.to), period.to, false), type, doc),
  };
  const outcomes = await base()
    .whereIn(col('applicationStatus'), FINAL)
    .whereBetween(col('answeredDate'), [period.from, period.to])
    .whereNotNull(col('outcome'))
    .select({ outcome: col('outcome'), type })
    .countDistinct({ count: doc })
    .groupBy(col('outcome'), type);
  for (const row of outcomes as any[]) {
    result[row.outcome] = { ...(result[row.outcome] ?? {}), [row.type]: Number(row.count) };
  }
  const [{ fee }] = await base()
    .whereIn(col('applicationStatus'), FINAL)
    .whereBetween(col('answeredDate'), [period.from, period.to])
    .sum({ fee: col('feeYuan') });
  return { applications: result, processingFeeYuan: Number(fee ?? 0) };
}

/** Table 4: cases filed in the period by kind, with their result as of its last day. */
async function reviewCounts(strapi: Core.Strapi, trx: Knex.Transaction, orgIds: number[], period: Period) {
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
    .distinct({ document: col('documentId'), kind: col('kind') })
    .select(strapi.db.connection.raw(`${resultAtEnd} as result_at_end`, [period.to]))
    .as('cases');
  const rows = await strapi.db
    .connection.from(cases)
    .transacting(trx)
    .select({ kind: 'kind', result: 'result_at_end' })
    .count({ count: '*' })
    .groupBy('kind', 'result_at_end');
  const reviews: Record<string, Record<string, number>> = {};
  for (const row of rows as any[]) reviews[row.kind] = { ...(reviews[row.kind] ?? {}), [row.result]: Number(row.count) };
  return reviews;
}

export async function tableCounts(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  orgIds: number[],
  locale: string,
  period: Period,
  options: { withReleasedToDate: boolean }
): Promise<RawTableCounts> {
  const { applications, processingFeeYuan } = await applicationCounts(strapi, trx, orgIds, period);
  return {
    proactive: await proactiveCounts(strapi, trx, orgIds, locale, period, options.withReleasedToDate),
    applications,
    reviews: await reviewCounts(strapi, trx, orgIds, period),
    processingFeeYuan,
  };
}
