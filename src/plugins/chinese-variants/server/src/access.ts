import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { GLOSSARY_UID } from './content-types';

/** The plugin's RBAC actions (ids `plugin::chinese-variants.<uid>`; super admins hold them all). */
export const ACTIONS = [
  { uid: 'backfill', displayName: '批量生成繁体版本 Run the backfill' },
  { uid: 'regenerate', displayName: '重新生成繁体版本（替换人工修改）Regenerate over a hand edit' },
  { uid: 'glossary.manage', displayName: '管理简繁转换词表 Manage the glossary' },
] as const;

export type ActionUid = (typeof ACTIONS)[number]['uid'];
export const actionId = (uid: ActionUid) => `plugin::chinese-variants.${uid}`;

export async function registerActions(strapi: Core.Strapi) {
  const provider = (strapi as any).admin.services.permission.actionProvider;
  // Registered once per process: a second bootstrap (tests re-run one with a new config) finds them there.
  const missing = ACTIONS.filter((a) => !provider.has(actionId(a.uid)));
  if (missing.length) {
    await provider.registerMany(missing.map((a) => ({ section: 'plugins', pluginName: 'chinese-variants', uid: a.uid, displayName: a.displayName })));
  }
}

/**
 * The glossary changes every conversion of the site: writes to its terms from an admin request need
 * `glossary.manage`, whatever content-manager rights the role has (Strapi's default Editor and Author get
 * those on every content type). Writes from code (seeding, scripts) are not requests and pass.
 */
export function registerGlossaryGuard(strapi: Core.Strapi) {
  const writes = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
  strapi.documents.use(async (context: any, next: () => Promise<any>) => {
    if (context.uid !== GLOSSARY_UID || !writes.has(context.action)) return next();
    const ctx: any = strapi.requestContext.get();
    const ability = ctx?.state?.userAbility;
    if (ctx?.state?.auth?.strategy?.name === 'admin' && !ability?.can(actionId('glossary.manage'))) {
      throw new errors.PolicyError('修改简繁转换词表需要“管理简繁转换词表”权限。 You need the permission plugin::chinese-variants.glossary.manage.');
    }
    if (context.action === 'create' || context.action === 'update') await checkUniqueTerm(strapi, context);
    return next();
  });
}

/** One term per scope (the whole site, or one document): a second one would make the glossary's choice arbitrary. */
async function checkUniqueTerm(strapi: Core.Strapi, context: any) {
  const data = context.params?.data ?? {};
  const own = context.action === 'update' ? await strapi.db.query(GLOSSARY_UID as any).findOne({ where: { documentId: context.params.documentId } }) : null;
  const term = typeof data.term === 'string' ? data.term.trim() : own?.term;
  if (typeof term !== 'string' || term === '') return; // the required-field validation answers
  const scopeType = data.scopeType !== undefined ? data.scopeType || null : (own?.scopeType ?? null);
  const scopeDocument = data.scopeDocument !== undefined ? data.scopeDocument || null : (own?.scopeDocument ?? null);
  const clash = await strapi.db.query(GLOSSARY_UID as any).findOne({
    where: {
      term,
      scopeType: scopeType ?? { $null: true },
      scopeDocument: scopeDocument ?? { $null: true },
      ...(own ? { documentId: { $ne: own.documentId } } : {}),
    },
  });
  if (clash) {
    throw new errors.ValidationError(`词表中已有词条“${term}”。 The glossary already has the term "${term}"${scopeDocument ? ' for this document' : ''}.`, {
      errors: [{ path: ['term'], message: `词表中已有词条“${term}”。 The glossary already has this term.` }],
    });
  }
}

export const requireAction = (uid: ActionUid) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [actionId(uid)] } }],
});

/**
 * Whether the admin of this request holds the content manager's `read` (status, preview) or `update`
 * (regenerate, keep) right on this very document in this locale, conditions included (e.g. Author's
 * "is creator"): the variants routes show and change documents, so they answer exactly as the content
 * manager would.
 */
export async function canOnDocument(
  strapi: Core.Strapi,
  ctx: any,
  uid: string,
  documentId: string,
  locale: string | undefined,
  action: 'read' | 'update',
): Promise<boolean> {
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model: uid });
  if (checker.cannot[action]()) return false;
  const query = await checker.sanitizedQuery[action]({});
  const filters = query.filters ? { $and: [query.filters, { documentId }] } : { documentId };
  const found = await strapi.documents(uid as any).findFirst({ filters, ...(locale ? { locale } : {}), status: 'draft', fields: ['documentId'] } as any);
  return Boolean(found);
}
