import type { Core } from '@strapi/strapi';

/** Table and column names of one content type, read from Strapi's metadata (never hard-coded). */
export function tableOf(strapi: Core.Strapi, uid: string) {
  const meta: any = strapi.db.metadata.get(uid as any);
  const column = (attribute: string): string => {
    const a = meta.attributes[attribute];
    if (!a) throw new Error(`${uid} has no attribute ${attribute}`);
    return a.columnName ?? attribute;
  };
  /** The join table of a to-one relation: its name and the columns pointing at this row and the target. */
  const link = (attribute: string) => {
    const jt = meta.attributes[attribute]?.joinTable;
    if (!jt) throw new Error(`${uid}.${attribute} is not a relation with a join table`);
    return { table: jt.name as string, own: jt.joinColumn.name as string, target: jt.inverseJoinColumn.name as string };
  };
  return { name: meta.tableName as string, column, link };
}

/** `'YYYY-MM'`-free month extraction of a date column, per dialect (SQLite stores dates as text). */
export function monthOf(strapi: Core.Strapi, qualifiedColumn: string): string {
  return strapi.db.dialect.client === 'postgres'
    ? `CAST(EXTRACT(MONTH FROM ${qualifiedColumn}) AS INTEGER)`
    : `CAST(substr(${qualifiedColumn}, 6, 2) AS INTEGER)`;
}
