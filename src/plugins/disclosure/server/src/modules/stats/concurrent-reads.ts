import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

type Read<T> = (trx: Knex.Transaction) => Promise<T>;

/**
 * Runs independent read queries and returns their results in order. On PostgreSQL they run at the same
 * time, each on its own connection, all in the first one's snapshot (REPEATABLE READ, exported with
 * pg_export_snapshot), so the counts agree as if read in one transaction. SQLite has one connection:
 * there they run one after another in one transaction (as they do inside a caller's transaction).
 */
let fanningOut = false;

export async function concurrentReads<T extends unknown[]>(strapi: Core.Strapi, reads: { [K in keyof T]: Read<T[K]> }): Promise<T> {
  const list = reads as Read<unknown>[];
  const poolMax = Number((strapi.db.connection as any).client?.pool?.max ?? 0);
  // One fan-out at a time, and only with connections to spare: otherwise concurrent calls could each
  // hold a connection while waiting for more, and starve the pool. Inside a caller's transaction the
  // reads join it (they must see its writes). In these cases they run one after another.
  if (strapi.db.dialect.client !== 'postgres' || list.length < 2 || fanningOut || poolMax <= list.length || strapi.db.inTransaction()) {
    return strapi.db.transaction(async ({ trx }) => {
      const results: unknown[] = [];
      for (const read of list) results.push(await read(trx));
      return results as T;
    });
  }
  fanningOut = true;
  const knex = strapi.db.connection;
  const config = { isolationLevel: 'repeatable read' as const, readOnly: true };
  const others: Knex.Transaction[] = [];
  let first: Knex.Transaction | undefined;
  try {
    first = await knex.transaction(config);
    const { rows } = await first.raw('SELECT pg_export_snapshot() AS snapshot');
    const snapshot = String(rows[0].snapshot);
    // SET takes no bound parameters; a snapshot id is hex digits and dashes
    if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`Unexpected snapshot id ${snapshot}`);
    // settled, so that every transaction opened is in `others` and ended below, even after a failure
    const opened = await Promise.allSettled(list.slice(1).map(() => knex.transaction(config)));
    for (const o of opened) if (o.status === 'fulfilled') others.push(o.value);
    const failed = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    await Promise.all(others.map((trx) => trx.raw(`SET TRANSACTION SNAPSHOT '${snapshot}'`)));
    const readers = [first, ...others];
    return (await Promise.all(list.map((read, i) => read(readers[i])))) as T;
  } finally {
    fanningOut = false;
    // read-only: committing ends them without effect
    const open = [...others, ...(first ? [first] : [])].filter((trx) => !trx.isCompleted());
    await Promise.all(open.map((trx) => trx.commit()));
  }
}
