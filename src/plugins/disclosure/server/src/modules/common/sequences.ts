import type { Core } from '@strapi/strapi';

/**
 * Hands out the next value of a named counter, atomically: one upsert with RETURNING, run inside the
 * caller's transaction when there is one (SQLite has a single connection; a second one would wait forever).
 */
export async function nextSequenceValue(strapi: Core.Strapi, key: string): Promise<number> {
  const sql =
    'INSERT INTO gongkai_sequences (seq_key, seq_value) VALUES (?, 1) ' +
    'ON CONFLICT (seq_key) DO UPDATE SET seq_value = gongkai_sequences.seq_value + 1 ' +
    'RETURNING seq_value';
  return strapi.db.transaction(async ({ trx }) => {
    const result: any = await strapi.db.connection.raw(sql, [key]).transacting(trx);
    // pg answers { rows: [...] }, better-sqlite3 an array of rows
    const rows = Array.isArray(result) ? result : result.rows;
    return Number(rows[0].seq_value);
  });
}
