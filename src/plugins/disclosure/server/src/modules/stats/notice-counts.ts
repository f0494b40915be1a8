import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { countWhen, tableOf } from './schema-names';

export interface CategoryCount {
  code: string;
  name: string;
  parent: string | null;
  /** Published notices filed directly under this category. */
  count: number;
  /** With everything under its descendants (the catalogue shows this). */
  total: number;
}

export interface NoticeCounts {
  total: number;
  byCategory: CategoryCount[];
  uncategorised: number;
  /** Index 0 = January. */
  byMonth: number[];
  byDocumentType: Record<string, number>;
}

export interface Period {
  from: string;
  to: string;
}

/**
 * Published rows of the organizations' (row ids) notices in the source locale: the base every notice
 * count starts from. One row per document: Strapi keeps at most one published row per document and
 * locale, and the organization relation is to-one (one link row per notice row).
 */
export function publishedNotices(strapi: Core.Strapi, trx: Knex.Transaction, orgIds: number[], locale: string) {
  const n = tableOf(strapi, 'api::notice.notice');
  const org = n.link('organization');
  return strapi.db
    .connection(`${n.name} as n`)
    .transacting(trx)
    .join(`${org.table} as n_org`, `n_org.${org.own}`, 'n.id')
    .whereIn(`n_org.${org.target}`, orgIds)
    .whereNotNull(`n.${n.column('publishedAt')}`)
    .where(`n.${n.column('locale')}`, locale);
}

/** Adds each category's descendants to its own count (the tree is small; the counts come from SQL). */
export function rollUp(categories: { code: string; name: string; parent: string | null }[], counts: Map<string, number>): CategoryCount[] {
  const children = new Map<string | null, string[]>();
  for (const c of categories) children.set(c.parent, [...(children.get(c.parent) ?? []), c.code]);
  const totals = new Map<string, number>();
  const total = (code: string, seen: Set<string>): number => {
    if (totals.has(code)) return totals.get(code)!;
    if (seen.has(code)) return 0; // a cycle in the tree: count each node once
    seen.add(code);
    const sum = (counts.get(code) ?? 0) + (children.get(code) ?? []).reduce((s, child) => s + total(child, seen), 0);
    totals.set(code, sum);
    return sum;
  };
  return categories.map((c) => ({ ...c, count: counts.get(c.code) ?? 0, total: total(c.code, new Set()) }));
}

/** The twelve months of the period's year as half-open date ranges `[from, until)`, January first. */
export function monthsOf(period: Period): [string, string][] {
  const year = Number(period.from.slice(0, 4));
  const first = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  return Array.from({ length: 12 }, (_, i) => [first(year, i + 1), i === 11 ? first(year + 1, 1) : first(year, i + 2)]);
}

/** The category tree of the locale, in catalogue order. */
async function categoryTree(strapi: Core.Strapi, trx: Knex.Transaction, locale: string) {
  const c = tableOf(strapi, 'api::disclosure-category.disclosure-category');
  const parentLink = c.link('parent');
  const rows = await strapi.db
    .connection(`${c.name} as c`)
    .transacting(trx)
    .leftJoin(`${parentLink.table} as c_parent`, `c_parent.${parentLink.own}`, 'c.id')
    .leftJoin(`${c.name} as p`, 'p.id', `c_parent.${parentLink.target}`)
    .where(`c.${c.column('locale')}`, locale)
    .select({ code: `c.${c.column('code')}`, name: `c.${c.column('name')}`, parent: `p.${c.column('code')}`, sortOrder: `c.${c.column('sortOrder')}` })
    .orderBy([{ column: `c.${c.column('sortOrder')}` }, { column: `c.${c.column('code')}` }]);
  return rows.map((t: any) => ({ code: t.code as string, name: t.name as string, parent: (t.parent ?? null) as string | null }));
}

/**
 * Published notices of the period in one pass: grouped by category, each group counting its rows per
 * month and per document type (conditional aggregation). COUNT(*) counts documents: one published row
 * per document (see publishedNotices), and the category relation is to-one too.
 */
export async function noticeCounts(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  orgIds: number[],
  locale: string,
  period: Period
): Promise<NoticeCounts> {
  const n = tableOf(strapi, 'api::notice.notice');
  const release = `n.${n.column('releaseDate')}`;
  const type = `n.${n.column('documentType')}`;
  const types = n.enumOf('documentType');
  const months = monthsOf(period);
  const cat = n.link('category');
  const c = tableOf(strapi, 'api::disclosure-category.disclosure-category');
  const code = `c.${c.column('code')}`;

  const perCategory = await publishedNotices(strapi, trx, orgIds, locale)
    .whereBetween(release, [period.from, period.to])
    .leftJoin(`${cat.table} as n_cat`, `n_cat.${cat.own}`, 'n.id')
    .leftJoin(`${c.name} as c`, 'c.id', `n_cat.${cat.target}`)
    .select({ code })
    .count({ count: '*' })
    .select(months.map(([from, until], i) => countWhen(strapi, `${release} >= ? AND ${release} < ?`, [from, until], `m${i}`)))
    .select(types.map((t, i) => countWhen(strapi, `${type} = ?`, [t], `t${i}`)))
    .select(countWhen(strapi, `${type} IS NULL`, [], 'untyped'))
    .groupBy(code);
  const tree = await categoryTree(strapi, trx, locale);

  // Only the per-category subtotals are added up here, a few dozen rows; the rows are counted in SQL.
  const counts = new Map<string, number>();
  let uncategorised = 0;
  let total = 0;
  const byMonth = Array.from({ length: 12 }, () => 0);
  const byType = new Map<string, number>();
  const addType = (key: string, count: number) => byType.set(key, (byType.get(key) ?? 0) + count);
  for (const row of perCategory as any[]) {
    const count = Number(row.count);
    total += count;
    if (row.code === null) uncategorised += count;
    else counts.set(row.code, (counts.get(row.code) ?? 0) + count);
    months.forEach((_, i) => (byMonth[i] += Number(row[`m${i}`] ?? 0)));
    types.forEach((t, i) => addType(t, Number(row[`t${i}`] ?? 0)));
    addType('other', Number(row.untyped ?? 0));
  }
  const byDocumentType: Record<string, number> = {};
  for (const [key, count] of byType) if (count > 0) byDocumentType[key] = count;

  return { total, byCategory: rollUp(tree, counts), uncategorised, byMonth, byDocumentType };
}
