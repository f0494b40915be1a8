import type { Core } from '@strapi/strapi';

const UID = 'api::disclosure-category.disclosure-category';

/** "FDZD.02.02 规范性文件": how a category is named in pickers and lists (the content manager's entry title). */
export const categoryLabel = (code: string | null | undefined, name: string | null | undefined) => [code, name].filter(Boolean).join(' ');

/** The label follows the code and the name of the version written; a client's own label is not kept. */
export async function beforeCategoryWrite(strapi: Core.Strapi, action: 'create' | 'update', params: any) {
  params.data ??= {};
  const data = params.data;
  let stored: any = null;
  if (action === 'update' && params.documentId && (data.code === undefined || data.name === undefined)) {
    stored = await strapi.db.query(UID).findOne({ where: { documentId: params.documentId, locale: params.locale ?? 'zh-Hans' }, select: ['code', 'name'] });
  }
  data.label = categoryLabel(data.code ?? stored?.code, data.name ?? stored?.name) || null;
}

/** Categories written before the label existed, or whose code changed in another locale: labelled again. */
export async function labelCategories(strapi: Core.Strapi): Promise<number> {
  const rows: any[] = await strapi.db.query(UID).findMany({ select: ['id', 'code', 'name', 'label'] });
  let changed = 0;
  for (const row of rows) {
    const label = categoryLabel(row.code, row.name);
    if (row.label === label) continue;
    await strapi.db.query(UID).update({ where: { id: row.id }, data: { label } });
    changed += 1;
  }
  return changed;
}
