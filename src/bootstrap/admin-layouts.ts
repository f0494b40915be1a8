import type { Core } from '@strapi/strapi';
import { ADMIN_LAYOUTS, type TypeLayout } from '../data/admin-labels';

/** Bump when the list columns or sorts of ADMIN_LAYOUTS change: they are applied once per version. */
const LIST_LAYOUT_VERSION = 3;

/**
 * Writes ADMIN_LAYOUTS into the content manager's view configuration at every start, the way an
 * administrator would through "Configure the view", without undoing what an administrator changed:
 * a label is replaced only while it is still Strapi's default (the attribute name), a description or
 * placeholder only while empty; list columns, default sort and the field relation pickers show of a target
 * with its own mainField (a notice's category as "FDZD.02.02 行政规范性文件") once per LIST_LAYOUT_VERSION. Fields the
 * server computes are always read-only (the server refuses or ignores client values for them anyway).
 */
export async function applyAdminLayouts(strapi: Core.Strapi) {
  const service: any = strapi.plugin('content-manager')?.service('content-types');
  if (!service) return;
  const store = strapi.store({ type: 'app', name: 'gongkai' });
  const applied = Number((await store.get({ key: 'admin-list-layout-version' })) ?? 0);
  const applyLists = applied < LIST_LAYOUT_VERSION;
  for (const [uid, layout] of Object.entries(ADMIN_LAYOUTS)) {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!contentType) continue;
    const configuration: any = await service.findConfiguration(contentType);
    const next = configure(configuration, layout, contentType.attributes as Record<string, unknown>, applyLists);
    if (!next) continue;
    const { uid: _uid, ...rest } = next;
    await service.updateConfiguration(contentType, rest);
  }
  if (applyLists) await store.set({ key: 'admin-list-layout-version', value: LIST_LAYOUT_VERSION });
}

/** The configuration with the layout applied, or null when nothing changes. */
export function configure(configuration: any, layout: TypeLayout, attributes: Record<string, unknown>, applyLists: boolean) {
  const metadatas = structuredClone(configuration.metadatas ?? {});
  let changed = false;
  const set = (target: Record<string, unknown>, key: string, value: unknown) => {
    if (target[key] === value) return;
    target[key] = value;
    changed = true;
  };
  for (const [field, text] of Object.entries(layout.fields)) {
    const meta = metadatas[field];
    if (!meta || !(field in attributes)) continue;
    meta.edit ??= {};
    meta.list ??= {};
    if (!meta.edit.label || meta.edit.label === field) set(meta.edit, 'label', text.label);
    if (!meta.list.label || meta.list.label === field) set(meta.list, 'label', text.label);
    if (text.description && !meta.edit.description) set(meta.edit, 'description', text.description);
    if (text.placeholder && !meta.edit.placeholder) set(meta.edit, 'placeholder', text.placeholder);
    if (text.readOnly && meta.edit.editable !== false) set(meta.edit, 'editable', false);
  }
  const settings = { ...(configuration.settings ?? {}) };
  const layouts = { ...(configuration.layouts ?? {}) };
  if (applyLists) {
    const columns = layout.list.filter((f) => f in attributes && metadatas[f]);
    if (JSON.stringify(layouts.list) !== JSON.stringify(columns)) {
      layouts.list = columns;
      changed = true;
    }
    // Strapi copies a target's mainField into each relation's metadata when the relation is first seen.
    for (const [field, attribute] of Object.entries(attributes) as [string, any][]) {
      const target = attribute?.type === 'relation' ? ADMIN_LAYOUTS[attribute.target]?.mainField : undefined;
      const meta = metadatas[field];
      if (!target || !meta) continue;
      meta.edit ??= {};
      meta.list ??= {};
      set(meta.edit, 'mainField', target);
      set(meta.list, 'mainField', target);
    }
    if (layout.mainField && settings.mainField !== layout.mainField) {
      settings.mainField = layout.mainField;
      changed = true;
    }
    if (settings.defaultSortBy !== layout.sort.field || settings.defaultSortOrder !== layout.sort.order) {
      settings.defaultSortBy = layout.sort.field;
      settings.defaultSortOrder = layout.sort.order;
      changed = true;
    }
  }
  return changed ? { ...configuration, settings, metadatas, layouts } : null;
}
