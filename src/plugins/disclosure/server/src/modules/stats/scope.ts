import type { Core } from '@strapi/strapi';
import { tableOf } from './schema-names';

/**
 * The organizations a count covers: the one with `code`, and with `includeSubOrganizations` all its
 * descendants (walked level by level over the parent relation). Returns internal row ids of every
 * locale's row, since relations point at the row of their own locale.
 */
export async function organizationRowIds(
  strapi: Core.Strapi,
  code: string,
  includeSubOrganizations: boolean
): Promise<{ ids: number[]; name: string; documentId: string } | null> {
  const org = tableOf(strapi, 'api::organization.organization');
  const knex = strapi.db.connection;
  return strapi.db.transaction(async ({ trx }) => {
    const roots = await knex(org.name).transacting(trx).select('id', 'document_id', org.column('name')).where(org.column('code'), code);
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
    return { ids: [...ids], name: roots[0][org.column('name')], documentId: roots[0].document_id };
  });
}
