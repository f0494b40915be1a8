import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';

type SyncContext = { held: Set<string>; visiting: Set<string> };

const als = new AsyncLocalStorage<SyncContext>();

/** True while the sync itself writes (its own writes must not trigger another sync). */
export function inSync(): boolean {
  return als.getStore() !== undefined;
}

export function syncContext(): SyncContext | undefined {
  return als.getStore();
}

// One queue per process for SQLite (one writer; a lock held while waiting for the single connection
// would deadlock), per key on PostgreSQL together with an advisory lock that spans instances.
const queues = new Map<string, Promise<unknown>>();

function enqueue<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

function isPostgres(strapi: Core.Strapi): boolean {
  return (strapi.db as any).dialect?.client === 'postgres' || strapi.db.config?.connection?.client === 'postgres';
}

/**
 * Runs fn with the sync flag set, inside one transaction, holding a lock on `key` (uid + documentId):
 * on PostgreSQL pg_advisory_xact_lock (so two instances on one database serialize), else an
 * in-process queue. Re-entrant within one sync (relations synced first run inside their parent's lock).
 */
export async function withSyncLock<T>(strapi: Core.Strapi, key: string, fn: () => Promise<T>): Promise<T> {
  const ctx = als.getStore();
  const pg = isPostgres(strapi);
  if (ctx) {
    if (ctx.held.has(key)) return fn();
    if (!pg) {
      ctx.held.add(key);
      return fn();
    }
    ctx.held.add(key);
    await strapi.db.connection.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`chinese-variants:${key}`]).transacting((await currentTrx(strapi)) as any);
    return fn();
  }
  const body = () =>
    als.run({ held: new Set([key]), visiting: new Set() }, () =>
      strapi.db.transaction(async ({ trx }) => {
        if (pg) await strapi.db.connection.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`chinese-variants:${key}`]).transacting(trx);
        return fn();
      }),
    );
  // Already inside a caller's transaction (e.g. the content manager's publish): on SQLite that
  // transaction holds the only connection, so it is exclusive already, and queueing could deadlock.
  return pg || strapi.db.inTransaction() ? body() : enqueue('sqlite', body);
}

/**
 * PostgreSQL: runs a write of a synced document (and the sync after it) in one transaction that first takes
 * the document's advisory lock, the same one the sync takes. The lock then always comes before the rows'
 * locks: an unpublish that locked the rows and then waited for the sync's lock, while a publish on another
 * instance held that lock and waited for the rows, was a deadlock (PostgreSQL aborted one with a 500).
 * Advisory locks are re-entrant within a session, so the sync inside takes it again freely. SQLite: fn as is.
 */
export async function withDocumentLock<T>(strapi: Core.Strapi, key: string, fn: () => Promise<T>): Promise<T> {
  if (!isPostgres(strapi)) return fn();
  return strapi.db.transaction(async ({ trx }) => {
    await strapi.db.connection.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`chinese-variants:${key}`]).transacting(trx);
    return fn();
  });
}

async function currentTrx(strapi: Core.Strapi) {
  return strapi.db.transaction(async ({ trx }) => trx);
}
