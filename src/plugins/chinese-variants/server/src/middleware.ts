import type { Core } from '@strapi/strapi';
import { pluginConfig } from './services/conversion';
import { inSync, withDocumentLock } from './services/lock';
import { getService } from './utils';
import type { SourceAction } from './services/sync';

const ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'delete']);

function localeOf(params: any, sourceLocale: string): string | string[] {
  const l = params?.locale;
  if (l === undefined || l === null || l === '') return sourceLocale; // i18n's default locale
  return l;
}

/** Whether a call for `locale` (one locale, a list, or '*' for all) acts on the source locale. */
function coversSource(locale: string | string[], sourceLocale: string): boolean {
  if (locale === '*') return true;
  return Array.isArray(locale) ? locale.includes(sourceLocale) : locale === sourceLocale;
}

/**
 * Mirrors writes of the source locale to the target locales. The sync's own writes run with a flag
 * (AsyncLocalStorage) and pass straight through, so there are no loops; writes to a target locale by
 * an editor pass through too (the sync notices them later by their content hash).
 */
export function registerSyncMiddleware(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (inSync() || !ACTIONS.has(context.action)) return next();
    const cfg = pluginConfig(strapi);
    if (!cfg.sync) return next();
    const sync = getService(strapi, 'sync');
    if (!sync.isSynced(context.uid)) return next();
    const params: any = context.params ?? {};
    const locale = localeOf(params, cfg.sourceLocale);
    if (!coversSource(locale, cfg.sourceLocale)) return next(); // writes of other locales only
    const multiLocale = locale === '*' || Array.isArray(locale);
    // Multi-locale publish and delete are mirrored; other multi-locale actions are left to the editor.
    if (multiLocale && context.action !== 'publish' && context.action !== 'delete') return next();

    if (context.action === 'publish' && params.documentId) {
      return sync.publishWithTargets(context.uid, params.documentId, params, next);
    }
    const run = async () => {
      const result: any = await next();
      const documentId = context.action === 'create' ? result?.documentId : params.documentId;
      if (documentId) await sync.afterSourceAction(context.uid, documentId, context.action as SourceAction, params);
      return result;
    };
    // A write of an existing document takes the document's lock before its rows' (see withDocumentLock).
    return params.documentId ? withDocumentLock(strapi, `${context.uid}|${params.documentId}`, run) : run();
  });
}
