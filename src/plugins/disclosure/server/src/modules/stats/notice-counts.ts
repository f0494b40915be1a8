import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { monthOf, tableOf } from '../storage/schema-names';

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
 * Published rows of the organizations' notices in the source locale: the base every notice count
 * starts from. One row per document: Strapi keeps at most one published row per document and locale,
 * and the organization relation is to-one. The organization is read from the notice's link column
 * (its organization's documentId, kept from the link table by triggers: see link-columns.ts), so the
 * organization-year is one range of an index.
 */
export function publishedNotices(strapi: Core.Strapi, trx: Knex.Transaction, organizations: string[], locale: string) {
  const n = tableOf(strapi, 'api::notice.notice');
  return strapi.db
    .connection(`${n.name} as n`)
    .transacting(trx)
    .whereIn(`n.${n.column('organizationDocumentId')}`, organizations)
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

/** The category tree of the locale, in catalogue order, with each category's documentId. */
async function categoryTree(strapi: Core.Strapi, trx: Knex.Transaction, locale: string) {
  const c = tableOf(strapi, 'api::disclosure-category.disclosure-category');
  const parentLink = c.link('parent');
  const rows = await strapi.db
    .connection(`${c.name} as c`)
    .transacting(trx)
    .leftJoin(`${parentLink.table} as c_parent`, `c_parent.${parentLink.own}`, 'c.id')
    .leftJoin(`${c.name} as p`, 'p.id', `c_parent.${parentLink.target}`)
    .where(`c.${c.column('locale')}`, locale)
    .select({
      documentId: `c.${c.column('documentId')}`,
      code: `c.${c.column('code')}`,
      name: `c.${c.column('name')}`,
      parent: `p.${c.column('code')}`,
      sortOrder: `c.${c.column('sortOrder')}`,
    })
    .orderBy([{ column: `c.${c.column('sortOrder')}` }, { column: `c.${c.column('code')}` }]);
  return rows.map((t: any) => ({
    documentId: String(t.documentId),
    code: t.code as string,
    name: t.name as string,
    parent: (t.parent ?? null) as string | null,
  }));
}

/**
 * Published notices of the period in one pass, grouped by category, month and document type (plain
 * GROUP BY: 23 per-month and per-type CASE columns made this pass half again as slow on SQLite).
 * The inner grouping is by day, type and category, the order of the index the rows are read from, so
 * that SQLite aggregates them as they come instead of sorting them first (a third of the time); the
 * outer one adds the days up into months. COUNT(*) counts documents: one published row per document
 * (see publishedNotices), and the category relation is to-one too; its link column holds the
 * category's documentId, named by the tree.
 */
export async function noticeCounts(strapi: Core.Strapi, trx: Knex.Transaction, organizations: string[], locale: string, period: Period): Promise<NoticeCounts> {
  const n = tableOf(strapi, 'api::notice.notice');
  const release = `n.${n.column('releaseDate')}`;
  const type = `n.${n.column('documentType')}`;
  const category = `n.${n.column('categoryDocumentId')}`;
  const types = new Set(n.enumOf('documentType'));

  const byDay = publishedNotices(strapi, trx, organizations, locale)
    .whereBetween(release, [period.from, period.to])
    .select({ day: release, type, category })
    .count({ count: '*' })
    .groupBy(release, type, category)
    .as('g');
  const month = monthOf(strapi, 'g.day');
  const groups = await strapi.db.connection
    .from(byDay)
    .transacting(trx)
    .select('category', 'type')
    .select(strapi.db.connection.raw(`${month} AS month`))
    .sum({ count: 'count' })
    .groupBy('category', 'type')
    .groupByRaw(month);
  const tree = await categoryTree(strapi, trx, locale);
  const codeOf = new Map(tree.map((t) => [t.documentId, t.code]));

  // Only the group subtotals (categories × months × types, a few hundred rows) are added up here; the
  // rows are counted in SQL. The period is one calendar year, so a month number is its index.
  const counts = new Map<string, number>();
  let uncategorised = 0;
  let total = 0;
  const byMonth = Array.from({ length: 12 }, () => 0);
  const byType = new Map<string, number>([...types].map((t) => [t, 0]));
  byType.set('other', byType.get('other') ?? 0);
  for (const row of groups as any[]) {
    const count = Number(row.count);
    total += count;
    // a category missing from the locale's tree counts in the total only, as a category never shown
    const code = row.category === null ? undefined : codeOf.get(row.category);
    if (row.category === null) uncategorised += count;
    else if (code !== undefined) counts.set(code, (counts.get(code) ?? 0) + count);
    byMonth[Number(row.month) - 1] += count;
    // as before: a missing type counts as 'other'; a value outside the enumeration only in the total
    const key = row.type === null ? 'other' : types.has(row.type) ? row.type : null;
    if (key !== null) byType.set(key, byType.get(key)! + count);
  }
  const byDocumentType: Record<string, number> = {};
  for (const [key, count] of byType) if (count > 0) byDocumentType[key] = count;

  const categories = tree.map(({ code, name, parent }) => ({ code, name, parent }));
  return { total, byCategory: rollUp(categories, counts), uncategorised, byMonth, byDocumentType };
}
