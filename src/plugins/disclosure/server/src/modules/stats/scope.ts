import type { Core } from '@strapi/strapi';
import { tableOf } from '../storage/schema-names';

/**
 * The organizations a count covers: the one with `code`, and with `includeSubOrganizations` all its
 * descendants (walked level by level over the parent relation). Returns the internal row ids of every
 * locale's row, since link tables point at the row of their own locale, and the documentIds, which the
 * counted tables carry in their link columns (see link-columns.ts).
 */
export async function organizationRowIds(
  strapi: Core.Strapi,
  code: string,
  includeSubOrganizations: boolean,
): Promise<{ ids: number[]; documentIds: string[]; name: string; documentId: string } | null> {
  const org = tableOf(strapi, 'api::organization.organization');
  const knex = strapi.db.connection;
  return strapi.db.transaction(async ({ trx }) => {
    const roots = await knex(org.name).transacting(trx).select('id', org.column('documentId'), org.column('name')).where(org.column('code'), code);
    if (!roots.length) return null;
    const ids = new Set<number>(roots.map((r: any) => Number(r.id)));
    if (includeSubOrganizations) {
      const parent = org.link('parent');
      let frontier = [...ids];
      while (frontier.length) {
        const children = await knex(parent.table).transacting(trx).select(parent.own).whereIn(parent.target, frontier);
        frontier = children.map((c: any) => Number(c[parent.own])).filter((id: number) => !ids.has(id));
        frontier.forEach((id) => ids.add(id));
      }
    }
    const documentIds = new Set<string>(roots.map((r: any) => String(r[org.column('documentId')])));
    if (ids.size > roots.length) {
      const rows = await knex(org.name)
        .transacting(trx)
        .distinct(org.column('documentId'))
        .whereIn('id', [...ids]);
      rows.forEach((r: any) => documentIds.add(String(r[org.column('documentId')])));
    }
    return { ids: [...ids], documentIds: [...documentIds], name: roots[0][org.column('name')], documentId: roots[0][org.column('documentId')] };
  });
}
