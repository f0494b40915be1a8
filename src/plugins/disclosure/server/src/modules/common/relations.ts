import type { Core, UID } from '@strapi/strapi';

export type RelationRef = { documentId: string } | { id: number };

/**
 * The one target a to-one relation payload points at, in any shape the Document Service accepts
 * ('docId', 12, { documentId }, { connect: [...] }, { set: [...] }). undefined = not in the payload;
 * null = explicitly cleared.
 */
export function relationTarget(value: unknown): RelationRef | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return value === '' ? null : { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value)) return value.length ? relationTarget(value[value.length - 1]) : null;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.documentId === 'string') return { documentId: v.documentId };
    if (typeof v.id === 'number') return { id: v.id };
    if ('set' in v) return relationTarget(v.set) ?? null;
    if ('connect' in v) {
      const connect = relationTarget(v.connect);
      if (connect) return connect;
    }
    if ('disconnect' in v && Array.isArray(v.disconnect) && v.disconnect.length) return null;
    return undefined;
  }
  return undefined;
}

/** Loads selected columns of the row a relation reference points at (any locale, draft first). */
export async function findReferenced<T = any>(strapi: Core.Strapi, uid: UID.Schema, ref: RelationRef, select: string[]): Promise<T | null> {
  const where = 'documentId' in ref ? { documentId: ref.documentId } : { id: ref.id };
  return (await strapi.db.query(uid).findOne({ where, select })) as T | null;
}

/**
 * Every target a relation payload names, to connect or to disconnect, in any shape the Document Service
 * accepts (a to-many field can be linked from either side: each named row is touched by the write).
 */
export function relationTargets(value: unknown): RelationRef[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value === '' ? [] : [{ documentId: value }];
  if (typeof value === 'number') return [{ id: value }];
  if (Array.isArray(value)) return value.flatMap(relationTargets);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.documentId === 'string') return [{ documentId: v.documentId }];
    if (typeof v.id === 'number') return [{ id: v.id }];
    return ['set', 'connect', 'disconnect'].flatMap((k) => relationTargets(v[k]));
  }
  return [];
}
