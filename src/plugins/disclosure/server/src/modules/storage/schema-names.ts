import type { Core } from '@strapi/strapi';

/** Table and column names of one content type, read from Strapi's metadata (never hard-coded). */
export function tableOf(strapi: Core.Strapi, uid: string) {
  const meta: any = strapi.db.metadata.get(uid as any);
  const column = (attribute: string): string => {
    const a = meta.attributes[attribute];
    if (!a) throw new Error(`${uid} has no attribute ${attribute}`);
    return a.columnName ?? attribute;
  };
  /** The join table of a to-one relation: its name, the columns pointing at this row and the target, and the target's uid. */
  const link = (attribute: string) => {
    const jt = meta.attributes[attribute]?.joinTable;
    if (!jt) throw new Error(`${uid}.${attribute} is not a relation with a join table`);
    return {
      table: jt.name as string,
      own: jt.joinColumn.name as string,
      target: jt.inverseJoinColumn.name as string,
      targetUid: meta.attributes[attribute].target as string,
    };
  };
  /** The values an enumeration attribute allows, in the schema's order. */
  const enumOf = (attribute: string): string[] => {
    const values = meta.attributes[attribute]?.enum;
    if (!Array.isArray(values)) throw new Error(`${uid}.${attribute} is not an enumeration`);
    return values;
  };
  return { name: meta.tableName as string, column, link, enumOf };
}

/**
 * `COUNT(*) FILTER (WHERE <condition>) AS alias`: conditional aggregation, so that one pass over the
 * rows counts several subsets instead of one query (and one scan) per subset. FILTER (SQLite ≥ 3.30,
 * PostgreSQL ≥ 9.4) skips the row for that aggregate: on SQLite it took two thirds of the time of the
 * equivalent SUM(CASE WHEN … THEN 1 ELSE 0 END).
 */
export function countWhen(strapi: Core.Strapi, condition: string, bindings: readonly unknown[], alias: string) {
  return strapi.db.connection.raw(`COUNT(*) FILTER (WHERE ${condition}) AS ??`, [...bindings, alias]);
}

/** `SUM(<column>) FILTER (WHERE <condition>) AS alias`: a conditional sum, as countWhen. */
export function sumWhen(strapi: Core.Strapi, column: string, condition: string, bindings: readonly unknown[], alias: string) {
  return strapi.db.connection.raw(`SUM(${column}) FILTER (WHERE ${condition}) AS ??`, [...bindings, alias]);
}

/** The month (1–12) of a date column, per dialect (SQLite stores dates as ISO text). */
export function monthOf(strapi: Core.Strapi, qualifiedColumn: string): string {
  return strapi.db.dialect.client === 'postgres'
    ? `CAST(EXTRACT(MONTH FROM ${qualifiedColumn}) AS INTEGER)`
    : `CAST(substr(${qualifiedColumn}, 6, 2) AS INTEGER)`;
}
