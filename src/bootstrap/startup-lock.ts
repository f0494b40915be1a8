import type { Core } from '@strapi/strapi';

const KEY = 'gongkai:startup';

/**
 * PostgreSQL: instances starting together take turns from `register` (before Strapi's migrations and
 * schema sync) to the end of the app's bootstrap (seeding). Two instances creating the tables of an empty
 * database at the same moment collided (`pg_type_typname_nsp_index`), and seeding could run twice.
 * A session-level advisory lock on a connection of its own; it goes with the connection if the process
 * dies. Returns the release function (a no-op on SQLite, which has one writer).
 */
export async function acquireStartupLock(strapi: Core.Strapi): Promise<() => Promise<void>> {
  const config: any = strapi.db.config?.connection;
  const postgres = (strapi.db as any).dialect?.client === 'postgres' || config?.client === 'postgres';
  if (!postgres) return async () => undefined;
  // A client of its own, outside Strapi's pool: holding a pooled connection across Strapi's start-up left
  // the pool with a pending acquisition when it was destroyed ("aborted").
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg');
  const client = new Client(config.connection);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [KEY]);
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [KEY]);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}
