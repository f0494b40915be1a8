/**
 * An import job's validated rows, stored CHUNK_ROWS to a record: one write of a whole 15 MB file held the
 * event loop for 0.7 s at the end of validation (SQLite writes synchronously); chunks are written as the
 * rows are validated and read one at a time on confirmation.
 */
import type { Core } from '@strapi/strapi';
import { IMPORT_CHUNK_UID } from '../content-types';

export const CHUNK_ROWS = 500;

const chunks = (strapi: Core.Strapi) => strapi.db.query(IMPORT_CHUNK_UID as any);

/** Collects rows and writes each full chunk; `flush` writes the rest. */
export function chunkWriter<T>(strapi: Core.Strapi, jobId: number) {
  let buffer: T[] = [];
  let seq = 0;
  const write = async () => {
    if (!buffer.length) return;
    const rows = buffer;
    buffer = [];
    await chunks(strapi).create({ data: { jobId, seq, rows } });
    seq += 1;
  };
  return {
    async add(row: T) {
      buffer.push(row);
      if (buffer.length >= CHUNK_ROWS) await write();
    },
    flush: write,
  };
}

/** The rows from index `from` on, in order, a chunk at a time. */
export async function* readRows<T>(strapi: Core.Strapi, jobId: number, from = 0): AsyncGenerator<T[]> {
  let skip = from;
  for (let seq = Math.floor(from / CHUNK_ROWS); ; seq += 1) {
    const chunk: any = await chunks(strapi).findOne({ where: { jobId, seq }, select: ['rows'] });
    if (!chunk) return;
    const rows = (chunk.rows ?? []) as T[];
    yield rows.slice(skip - seq * CHUNK_ROWS > 0 ? skip - seq * CHUNK_ROWS : 0);
    skip = 0;
  }
}

export async function hasRows(strapi: Core.Strapi, jobId: number): Promise<boolean> {
  return (await chunks(strapi).count({ where: { jobId } })) > 0;
}

export async function dropRows(strapi: Core.Strapi, jobId: number) {
  await chunks(strapi).deleteMany({ where: { jobId } });
}
