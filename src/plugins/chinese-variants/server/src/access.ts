import type { Core } from '@strapi/strapi';

/** The plugin's RBAC actions (ids `plugin::chinese-variants.<uid>`). */
export const ACTIONS = [{ uid: 'backfill', displayName: '批量生成繁体版本 Run the backfill' }] as const;

export async function registerActions(strapi: Core.Strapi) {
  const provider = (strapi as any).admin.services.permission.actionProvider;
  // Registered once per process: a second bootstrap (tests re-run one with a new config) finds them there.
  if (provider.has(`plugin::chinese-variants.${ACTIONS[0].uid}`)) return;
  await provider.registerMany(ACTIONS.map((a) => ({ section: 'plugins', pluginName: 'chinese-variants', uid: a.uid, displayName: a.displayName })));
}

export const requireAction = (uid: (typeof ACTIONS)[number]['uid']) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::chinese-variants.${uid}`] } }],
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
