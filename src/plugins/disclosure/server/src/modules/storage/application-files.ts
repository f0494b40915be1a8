import type { Core } from '@strapi/strapi';

/**
 * Files of applications (an applicant's ID copy or supporting document, a correction's attachment, the
 * office's reply document), held in the database beside the application: never under the public upload
 * folder and never reachable through the media library or the content API. They are small (the routes
 * bound their size), commit with the application in one transaction and are the same for every instance.
 */
const FILES = 'disclosure_application_files';

export type FilePurpose = 'applicant' | 'correction' | 'reply';

export interface StoredFileMeta {
  id: number;
  applicationDocumentId: string;
  purpose: FilePurpose;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export async function ensureApplicationFiles(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(FILES)) return;
  await knex.schema.createTable(FILES, (t) => {
    t.increments('id');
    t.string('application_document_id', 64).notNullable().index();
    t.string('purpose', 16).notNullable();
    t.string('name', 255).notNullable();
    t.string('mime', 100).notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.binary('content').notNullable();
    t.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
  });
}

const META = ['id', 'application_document_id', 'purpose', 'name', 'mime', 'size', 'sha256', 'created_at'];
const toMeta = (r: any): StoredFileMeta => ({
  id: Number(r.id),
  applicationDocumentId: r.application_document_id,
  purpose: r.purpose,
  name: r.name,
  mime: r.mime,
  size: Number(r.size),
  sha256: r.sha256,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function addApplicationFile(
  trx: any,
  file: { applicationDocumentId: string; purpose: FilePurpose; name: string; mime: string; sha256: string; content: Buffer },
): Promise<number> {
  const [row] = await trx(FILES)
    .insert({
      application_document_id: file.applicationDocumentId,
      purpose: file.purpose,
      name: file.name,
      mime: file.mime,
      size: file.content.length,
      sha256: file.sha256,
      content: file.content,
    })
    .returning('id');
  return Number(row?.id ?? row);
}

export async function listApplicationFiles(trx: any, applicationDocumentId: string, purposes?: FilePurpose[]): Promise<StoredFileMeta[]> {
  const q = trx(FILES).where('application_document_id', applicationDocumentId).select(META).orderBy('id');
  if (purposes) q.whereIn('purpose', purposes);
  return (await q).map(toMeta);
}

export async function readApplicationFile(trx: any, applicationDocumentId: string, id: number): Promise<(StoredFileMeta & { content: Buffer }) | null> {
  const row = await trx(FILES)
    .where({ application_document_id: applicationDocumentId, id })
    .first([...META, 'content']);
  return row ? { ...toMeta(row), content: Buffer.from(row.content) } : null;
}

export async function deleteApplicationFiles(trx: any, applicationDocumentId: string) {
  await trx(FILES).where('application_document_id', applicationDocumentId).del();
}
