import type { Core } from '@strapi/strapi';
import { APPLICATION_UID } from './content-types';
import { READ_ONLY_FIELDS } from './save-rules';

/**
 * The fields the server computes are shown read-only in the content manager's edit view (metadata
 * `edit.editable: false`). Set on every bootstrap, after the content manager has synced its configuration,
 * so that "Configure the view" cannot make them editable for long. The server ignores or refuses
 * client values for them anyway (save-rules.ts, domain/application-rules.ts).
 */
export async function lockComputedFields(strapi: Core.Strapi) {
  const service = strapi.plugin('content-manager')?.service('content-types');
  if (!service) return;
  const contentType = strapi.contentType(APPLICATION_UID as any);
  const configuration: any = await service.findConfiguration(contentType);
  const metadatas = { ...(configuration.metadatas ?? {}) };
  let changed = false;
  for (const field of READ_ONLY_FIELDS) {
    const current = metadatas[field];
    if (!current || current.edit?.editable === false) continue;
    metadatas[field] = { ...current, edit: { ...current.edit, editable: false } };
    changed = true;
  }
  if (!changed) return;
  const { uid, ...rest } = configuration;
  await service.updateConfiguration(contentType, { ...rest, metadatas });
}
