import type { Core } from '@strapi/strapi';
import { OFFICER_UID } from './content-types';
import { refused } from './http-errors';

export const CONDITION_NAME = 'own-organizations';
/** The id Strapi gives the condition; use it in role permissions. */
export const CONDITION_ID = `plugin::disclosure.${CONDITION_NAME}`;
/** Matches nothing: `$in: []` is not accepted by every query path. */
const NO_ORGANIZATION = '__no-organization__';

/** documentIds of the organizations an admin user is assigned to (officer assignments). */
export async function organizationsOfUser(strapi: Core.Strapi, userId: number): Promise<string[]> {
  const rows: any[] = await strapi.db.query(OFFICER_UID as any).findMany({
    where: { user: { id: userId } },
    populate: { organizations: { select: ['documentId'] } },
  });
  return [...new Set(rows.flatMap((r) => (r.organizations ?? []).map((o: any) => o.documentId)))];
}

export function isSuperAdmin(user: any): boolean {
  return (user?.roles ?? []).some((r: any) => r.code === 'strapi-super-admin');
}

/**
 * The organizations whose applications the user may see in the plugin's own admin routes:
 * null = all (super admin), else the assigned organizations.
 */
export async function visibleOrganizations(strapi: Core.Strapi, user: any): Promise<string[] | null> {
  if (!user) return [];
  if (isSuperAdmin(user)) return null;
  return organizationsOfUser(strapi, user.id);
}

/**
 * RBAC condition "本人所属机关": restricts a content-manager permission on applications and review cases
 * to the rows whose organization is one of the user's assigned organizations.
 */
export async function registerOrganizationCondition(strapi: Core.Strapi) {
  await (strapi as any).admin.services.permission.conditionProvider.register({
    displayName: '本人所属机关 (own organizations)',
    name: CONDITION_NAME,
    plugin: 'disclosure',
    category: 'disclosure',
    async handler(user: any) {
      const orgs = await organizationsOfUser(strapi, user.id);
      return { 'organization.documentId': { $in: orgs.length ? orgs : [NO_ORGANIZATION] } };
    },
  });
}

/**
 * On every write path: an admin user who is not a super admin may only write applications and review cases
 * of the organizations they are assigned to (none without an assignment) — also when creating, when moving
 * one to another organization and when linking one to another. Writes without an admin user (scripts,
 * bootstrap, import jobs, whose rows are checked against the importer's organizations) are not limited here.
 */
export async function assertWritableOrganizations(strapi: Core.Strapi, organizationDocumentIds: (string | null | undefined)[]) {
  const ctx: any = strapi.requestContext?.get?.();
  const user = ctx?.state?.user;
  if (!user || ctx?.state?.auth?.strategy?.name !== 'admin' || isSuperAdmin(user)) return;
  const orgs = await organizationsOfUser(strapi, user.id);
  if (orgs.length === 0) {
    throw refused(
      '您没有被分配到任何机关，不能办理申请或复议诉讼案件。',
      'You are assigned to no organization: you cannot handle applications or review cases.',
    );
  }
  if (organizationDocumentIds.some((id) => !id || !orgs.includes(id))) {
    throw refused('只能办理本人所属机关的申请和复议诉讼案件。', 'You can only handle the applications and review cases of your own organizations.');
  }
}
