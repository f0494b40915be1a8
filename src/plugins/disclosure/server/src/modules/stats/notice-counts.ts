import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { monthOf, tableOf } from './schema-names';

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
 * Published notices of the organizations (row ids) in the period, by release date, each document once,
 * in the source locale: the base every notice count starts from.
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

export async function noticeCounts(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  orgIds: number[],
  locale: string,
  period: Period
): Promise<NoticeCounts> {
  const n = tableOf(strapi, 'api::notice.notice');
  const release = `n.${n.column('releaseDate')}`;
  const inPeriod = () => publishedNotices(strapi, trx, orgIds, locale).whereBetween(release, [period.from, period.to]);

  const cat = n.link('category');
  const c = tableOf(strapi, 'api::disclosure-category.disclosure-category');
  const perCategory = await inPeriod()
    .leftJoin(`${cat.table} as n_cat`, `n_cat.${cat.own}`, 'n.id')
    .leftJoin(`${c.name} as c`, 'c.id', `n_cat.${cat.target}`)
    .select({ code: `c.${c.column('code')}` })
    .countDistinct({ count: `n.${n.column('documentId')}` })
    .groupBy(`c.${c.column('code')}`);

  const perMonth = await inPeriod()
    .select(strapi.db.connection.raw(`${monthOf(strapi, release)} as month`))
    .countDistinct({ count: `n.${n.column('documentId')}` })
    .groupByRaw(monthOf(strapi, release));

  const perType = await inPeriod()
    .select({ type: `n.${n.column('documentType')}` })
    .countDistinct({ count: `n.${n.column('documentId')}` })
    .groupBy(`n.${n.column('documentType')}`);

  const [{ count: total }] = await inPeriod().countDistinct({ count: `n.${n.column('documentId')}` });

  const parentLink = c.link('parent');
  const tree = await strapi.db
    .connection(`${c.name} as c`)
    .transacting(trx)
    .leftJoin(`${parentLink.table} as c_parent`, `c_parent.${parentLink.own}`, 'c.id')
    .leftJoin(`${c.name} as p`, 'p.id', `c_parent.${parentLink.target}`)
    .where(`c.${c.column('locale')}`, locale)
    .select({ code: `c.${c.column('code')}`, name: `c.${c.column('name')}`, parent: `p.${c.column('code')}`, sortOrder: `c.${c.column('sortOrder')}` })
    .orderBy([{ column: `c.${c.column('sortOrder')}` }, { column: `c.${c.column('code')}` }]);

  const counts = new Map<string, number>();
  let uncategorised = 0;
  for (const row of perCategory as any[]) {
    if (row.code === null) uncategorised = Number(row.count);
    else counts.set(row.code, Number(row.count));
  }
  const byMonth = Array.from({ length: 12 }, () => 0);
  for (const row of perMonth as any[]) byMonth[Number(row.month) - 1] = Number(row.count);
  const byDocumentType: Record<string, number> = {};
  for (const row of perType as any[]) byDocumentType[row.type ?? 'other'] = Number(row.count);

  return {
    total: Number(total),
    byCategory: rollUp(tree.map((t: any) => ({ code: t.code, name: t.name, parent: t.parent ?? null })), counts),
    uncategorised,
    byMonth,
    byDocumentType,
  };
}
