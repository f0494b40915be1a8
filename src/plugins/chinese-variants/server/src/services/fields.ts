import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { BatchConverter } from './conversion';

/** How a field is converted: text-like kinds go through the engine, the rest is copied or mapped. */
export const TEXT_FORMATS: Record<string, 'text' | 'markdown' | 'blocks'> = {
  string: 'text',
  text: 'text',
  richtext: 'markdown',
  blocks: 'blocks',
};

/** i18n's rule: localized when the option says so; relations and uids always are. */
export function isLocalizedAttribute(attr: any): boolean {
  return attr?.pluginOptions?.i18n?.localized === true || attr?.type === 'relation' || attr?.type === 'uid';
}

export function isLocalizedType(strapi: Core.Strapi, uid: string): boolean {
  return (strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized === true;
}

/** Owning-side relations (inverse sides are written by their owner). */
function isOwningRelation(attr: any): boolean {
  return attr.type === 'relation' && !attr.mappedBy && attr.relation !== 'morphToMany' && attr.relation !== 'morphToOne' && !!attr.target;
}

export function syncedAttributes(strapi: Core.Strapi, uid: string): Array<[string, any]> {
  const model: any = strapi.getModel(uid as any);
  return Object.entries(model.attributes ?? {}).filter(
    ([name, attr]: [string, any]) =>
      // hidden attributes are maintained by the system for each version itself (e.g. by triggers)
      isLocalizedAttribute(attr) &&
      attr.visible !== false &&
      !['createdBy', 'updatedBy', 'localizations'].includes(name) &&
      (attr.type !== 'relation' || isOwningRelation(attr)),
  ) as Array<[string, any]>;
}

function componentPopulate(strapi: Core.Strapi, componentUid: string, depth: number): any {
  const model: any = strapi.getModel(componentUid as any);
  const populate: Record<string, any> = {};
  for (const [name, attr] of Object.entries<any>(model?.attributes ?? {})) {
    if (attr.type === 'component' && depth < 4) populate[name] = { populate: componentPopulate(strapi, attr.component, depth + 1) };
    else if (attr.type === 'relation') populate[name] = { fields: ['documentId'] };
    else if (attr.type === 'media') populate[name] = { fields: ['id'] };
  }
  return Object.keys(populate).length ? populate : true;
}

/** Populate for the synced fields of a content type (document service syntax). */
export function populateFor(strapi: Core.Strapi, uid: string): Record<string, any> {
  const populate: Record<string, any> = {};
  for (const [name, attr] of syncedAttributes(strapi, uid)) {
    if (attr.type === 'relation') populate[name] = { fields: ['documentId'] };
    else if (attr.type === 'media') populate[name] = { fields: ['id'] };
    else if (attr.type === 'component') populate[name] = { populate: componentPopulate(strapi, attr.component, 1) };
    else if (attr.type === 'dynamiczone') {
      const on: Record<string, any> = {};
      for (const c of attr.components ?? []) on[c] = { populate: componentPopulate(strapi, c, 1) };
      populate[name] = { on };
    }
  }
  return populate;
}

type RelationMapper = (targetUid: string, documentIds: string[]) => Promise<Array<Record<string, string>>>;

/** Converts one value of a component's or content type's attribute. */
async function convertValue(strapi: Core.Strapi, attr: any, value: any, run: BatchConverter, mapRelation: RelationMapper): Promise<any> {
  if (value === undefined) return undefined;
  const format = TEXT_FORMATS[attr.type];
  if (format) {
    if (value === null) return null;
    if (format === 'blocks') return Array.isArray(value) ? run('blocks', value) : value;
    return typeof value === 'string' ? run(format, value) : value;
  }
  switch (attr.type) {
    case 'component': {
      if (value === null) return null;
      if (attr.repeatable) {
        const out = [];
        for (const v of value as any[]) out.push(await convertComponent(strapi, attr.component, v, run, mapRelation));
        return out;
      }
      return convertComponent(strapi, attr.component, value, run, mapRelation);
    }
    case 'dynamiczone': {
      // Sequential: relation look-ups share the sync's transaction (one connection).
      const out = [];
      for (const v of (value as any[]) ?? []) {
        out.push({ __component: v.__component, ...(await convertComponent(strapi, v.__component, v, run, mapRelation)) });
      }
      return out;
    }
    case 'relation': {
      const list = value === null ? [] : Array.isArray(value) ? value : [value];
      const ids = list.map((v: any) => v?.documentId).filter((d: unknown): d is string => typeof d === 'string');
      return { set: await mapRelation(attr.target, ids) };
    }
    case 'media':
      if (value === null) return null;
      return Array.isArray(value) ? value.map((f) => f.id) : value.id;
    default:
      return value; // uid, email, json, enumeration, numbers, dates, booleans: untouched
  }
}

async function convertComponent(strapi: Core.Strapi, componentUid: string, value: any, run: BatchConverter, mapRelation: RelationMapper) {
  const model: any = strapi.getModel(componentUid as any);
  const out: Record<string, any> = {};
  for (const [name, attr] of Object.entries<any>(model?.attributes ?? {})) {
    if (!(name in value)) continue;
    const v = await convertValue(strapi, attr, value[name], run, mapRelation);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** The data to write into a target version: synced fields converted, relations mapped to the target locale. */
export async function targetData(strapi: Core.Strapi, uid: string, source: any, run: BatchConverter, mapRelation: RelationMapper) {
  const data: Record<string, any> = {};
  for (const [name, attr] of syncedAttributes(strapi, uid)) {
    if (!(name in source)) continue;
    const v = await convertValue(strapi, attr, source[name], run, mapRelation);
    if (v !== undefined) data[name] = v;
  }
  return data;
}

function normalize(strapi: Core.Strapi, attr: any, value: any): any {
  if (value === undefined || value === null) return null;
  switch (attr.type) {
    case 'relation': {
      const list = Array.isArray(value) ? value : [value];
      return list
        .map((v: any) => v?.documentId)
        .filter(Boolean)
        .sort();
    }
    case 'media':
      return (Array.isArray(value) ? value : [value]).map((f: any) => f?.id).sort();
    case 'component':
      return attr.repeatable ? (value as any[]).map((v) => normalizeComponent(strapi, attr.component, v)) : normalizeComponent(strapi, attr.component, value);
    case 'dynamiczone':
      return (value as any[]).map((v) => ({ __component: v.__component, ...normalizeComponent(strapi, v.__component, v) }));
    default:
      return value;
  }
}

function normalizeComponent(strapi: Core.Strapi, componentUid: string, value: any) {
  const model: any = strapi.getModel(componentUid as any);
  const out: Record<string, any> = {};
  for (const [name, attr] of Object.entries<any>(model?.attributes ?? {})) out[name] = normalize(strapi, attr, value?.[name]);
  return out;
}

function canonical(v: any): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v)
    .filter((k) => v[k] !== undefined && k !== 'id')
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
    .join(',')}}`;
}

/** Hash of a version's synced fields as stored (relations by documentId, components without ids). */
export function contentHash(strapi: Core.Strapi, uid: string, entry: any): string {
  const snapshot: Record<string, any> = {};
  for (const [name, attr] of syncedAttributes(strapi, uid)) snapshot[name] = normalize(strapi, attr, entry?.[name]);
  return crypto.createHash('sha256').update(canonical(snapshot)).digest('hex').slice(0, 40);
}

/** Blocks as text: each paragraph, heading and list item on its own line. */
function blocksText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  const inline = (n: any): string => (typeof n?.text === 'string' ? n.text : Array.isArray(n?.children) ? n.children.map(inline).join('') : '');
  const lines = (n: any): string[] => (n?.type === 'list' && Array.isArray(n.children) ? n.children.flatMap(lines) : [inline(n)]);
  return value.flatMap(lines).join('\n');
}

/**
 * The text of a version's synced text fields, kept with the sync record so that an editor can be shown
 * what changed in the source since a hand edit (the hash alone only says that something did).
 */
export function sourceTexts(strapi: Core.Strapi, uid: string, entry: any): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, attr] of syncedAttributes(strapi, uid)) {
    const format = TEXT_FORMATS[attr.type];
    const value = entry?.[name];
    if (!format || value === null || value === undefined) continue;
    texts[name] = format === 'blocks' ? blocksText(value) : String(value);
  }
  return texts;
}
