import type { Core } from '@strapi/strapi';
import { DEFAULT_CATALOGUE, parentCode } from '../data/catalogue';
import { SOURCE_LOCALE } from './locales';

const UID = 'api::disclosure-category.disclosure-category';

/**
 * Seeds the default catalogue in zh-Hans. Idempotent by code: a category that exists (maybe renamed or
 * moved by an editor) is left as it is; only missing codes are created, parents first.
 */
export async function seedCatalogue(strapi: Core.Strapi): Promise<number> {
  const existing = await strapi.db.query(UID).findMany({ select: ['code', 'documentId'] });
  const documentIds = new Map<string, string>(existing.map((c: any) => [c.code, c.documentId]));
  let created = 0;
  for (const [index, entry] of DEFAULT_CATALOGUE.entries()) {
    if (documentIds.has(entry.code)) continue;
    const parent = parentCode(entry.code);
    const doc = await strapi.documents(UID).create({
      locale: SOURCE_LOCALE,
      data: {
        code: entry.code,
        name: entry.name,
        description: entry.description ?? null,
        sortOrder: index * 10,
        parent: parent && documentIds.has(parent) ? documentIds.get(parent) : null,
      } as any,
    });
    documentIds.set(entry.code, doc.documentId);
    created += 1;
  }
  return created;
}
