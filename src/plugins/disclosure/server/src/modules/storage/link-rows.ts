/**
 * What Strapi's query engine writes for new rows, written in bulk by the application import: the link
 * rows of a to-one relation (with their order columns) and documentIds from the model's own generator.
 * Strapi's storage internals (join-table and order-column names) are read here and in link-columns.ts only,
 * from its metadata; tests/integration/storage-metadata.test.ts fails when their shape changes.
 */
import type { Core } from '@strapi/strapi';

/** The model's documentId generator (Strapi's createDocumentId, the attribute default). */
export function documentIdGenerator(strapi: Core.Strapi, uid: string): () => string {
  const generate = (strapi.db.metadata.get(uid as any).attributes as any).documentId?.default;
  if (typeof generate !== 'function') throw new Error('documentId default generator not found in the model metadata');
  return generate;
}

/**
 * The link rows attachRelations writes for a to-one relation `attribute` of `uid`, in one statement per 200
 * links. Must run inside `strapi.db.transaction`; `trx` is its knex transaction.
 */
export async function insertToOneLinks(strapi: Core.Strapi, trx: any, uid: string, attribute: string, links: { id: number; targetId: number }[]) {
  const { joinTable } = (strapi.db.metadata.get(uid as any).attributes as any)[attribute];
  const { joinColumn, inverseJoinColumn, orderColumnName, inverseOrderColumnName } = joinTable;
  const table = () => strapi.db.getConnection(joinTable.name).transacting(trx);
  const next = new Map<number, number>();
  if (inverseOrderColumnName) {
    // Each new link goes last in its target's list: max + 1, counted on from the stored maximum.
    const targets = [...new Set(links.map((l) => l.targetId))];
    const max: any[] = await table()
      .select(inverseJoinColumn.name)
      .max(inverseOrderColumnName, { as: 'max' })
      .whereIn(inverseJoinColumn.name, targets)
      .where(joinTable.on || {})
      .groupBy(inverseJoinColumn.name);
    for (const m of max) next.set(Number(m[inverseJoinColumn.name]), Number(m.max) || 0);
  }
  const insert = links.map(({ id, targetId }) => {
    const row: Record<string, unknown> = { [joinColumn.name]: id, [inverseJoinColumn.name]: targetId, ...(joinTable.on || {}) };
    if (orderColumnName) row[orderColumnName] = 1;
    if (inverseOrderColumnName) {
      const n = (next.get(targetId) ?? 0) + 1;
      next.set(targetId, n);
      row[inverseOrderColumnName] = n;
    }
    return row;
  });
  for (let i = 0; i < insert.length; i += 200) await table().insert(insert.slice(i, i + 200));
}
