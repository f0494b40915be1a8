import type { Core } from '@strapi/strapi';

/**
 * 有用 votes and the per-client rate limits of the public write routes, in the database so that they hold
 * across several app instances. A vote row is (kind, documentId, voter): the voter is a random token the
 * browser keeps, so one browser counts once per page; the rate-limit key is a hash, never an address.
 */
const VOTES = 'disclosure_helpful_votes';
const LIMITS = 'disclosure_rate_limits';

export async function ensureFeedbackTables(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(VOTES))) {
    await knex.schema.createTable(VOTES, (t) => {
      t.increments('id');
      t.string('kind', 16).notNullable();
      t.string('document_id', 64).notNullable();
      t.string('voter', 64).notNullable();
      t.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
      t.unique(['kind', 'document_id', 'voter']);
    });
  }
  if (!(await knex.schema.hasTable(LIMITS))) {
    await knex.schema.createTable(LIMITS, (t) => {
      t.string('bucket', 128).primary();
      t.integer('hits').notNullable();
      t.bigInteger('expires_at').notNullable().index();
    });
  }
}

/** Adds a vote unless this voter has one on the document; true when it was added. */
export async function addVote(trx: any, kind: string, documentId: string, voter: string): Promise<boolean> {
  const inserted = await trx(VOTES).insert({ kind, document_id: documentId, voter }).onConflict(['kind', 'document_id', 'voter']).ignore().returning('id');
  return inserted.length > 0;
}

export async function countVotes(trx: any, kind: string, documentId: string): Promise<number> {
  const [{ n }] = await trx(VOTES).where({ kind, document_id: documentId }).count({ n: '*' });
  return Number(n);
}

export async function hasVoted(trx: any, kind: string, documentId: string, voter: string): Promise<boolean> {
  return !!(await trx(VOTES).where({ kind, document_id: documentId, voter }).first('id'));
}

/**
 * Counts a hit in a fixed window and answers the hits so far, atomically (one upsert): a bucket whose
 * window has passed starts again at 1.
 */
export async function hitBucket(trx: any, bucket: string, windowMs: number, now = Date.now()): Promise<number> {
  const expires = now + windowMs;
  const [row] = await trx(LIMITS)
    .insert({ bucket, hits: 1, expires_at: expires })
    .onConflict('bucket')
    .merge({
      hits: trx.raw(`CASE WHEN ??.expires_at <= ? THEN 1 ELSE ??.hits + 1 END`, [LIMITS, now, LIMITS]),
      expires_at: trx.raw(`CASE WHEN ??.expires_at <= ? THEN ? ELSE ??.expires_at END`, [LIMITS, now, expires, LIMITS]),
    })
    .returning('hits');
  // windows long gone: swept now and then, so that the table stays small
  if (Math.random() < 0.01) await trx(LIMITS).where('expires_at', '<', now).del();
  return Number(row.hits ?? row);
}
