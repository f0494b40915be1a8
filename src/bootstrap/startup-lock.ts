import type { Core } from '@strapi/strapi';

const KEY = 'gongkai:startup';

/**
 * PostgreSQL: instances starting together take turns from `register` (before Strapi's migrations and
 * schema sync) to the end of the app's bootstrap (seeding). Two instances creating the tables of an empty
 * database at the same moment collided (`pg_type_typname_nsp_index`), and seeding could run twice.
 * A session-level advisory lock on a connection held aside; it goes with the connection if the process
 * dies. Returns the release function (a no-op on SQLite, which has one writer).
 */
export async function acquireStartupLock(strapi: Core.Strapi): Promise<() => Promise<void>> {
  const knex: any = strapi.db.connection;
  const postgres = (strapi.db as any).dialect?.client === 'postgres' || (strapi.db.config as any)?.connection?.client === 'postgres';
  if (!postgres) return async () => undefined;
  const connection = await knex.client.acquireConnection();
  try {
    await connection.query('SELECT pg_advisory_lock(hashtext($1))', [KEY]);
  } catch (e) {
    await knex.client.releaseConnection(connection);
    throw e;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await connection.query('SELECT pg_advisory_unlock(hashtext($1))', [KEY]);
    } finally {
      await knex.client.releaseConnection(connection);
    }
  };
}
