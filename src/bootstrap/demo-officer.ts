import type { Core } from '@strapi/strapi';
import { TOWNSHIP_CODE } from '../data/demo';

/** The scoped demo officer: sees and edits only 壶天镇's applications and review cases (development only). */
export const DEMO_OFFICER = {
  email: 'officer@gongkai.local',
  password: 'Gongkai2026!',
  roleName: '依申请公开经办人',
  roleCode: 'disclosure-officer',
};

const CONDITION = 'plugin::disclosure.own-organizations';
const SCOPED = ['api::disclosure-application.disclosure-application', 'api::review-case.review-case'];
const SKIP = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

function fieldsOf(strapi: Core.Strapi, uid: string): string[] {
  return Object.keys((strapi.contentType(uid as any) as any).attributes).filter((f) => !SKIP.has(f));
}

/** Content-manager permissions of the officer role: full access limited by the organization condition. */
export function officerPermissions(strapi: Core.Strapi) {
  const permissions: any[] = [];
  for (const subject of SCOPED) {
    const fields = fieldsOf(strapi, subject);
    for (const action of ['read', 'create', 'update']) {
      permissions.push({ action: `plugin::content-manager.explorer.${action}`, subject, properties: { fields }, conditions: [CONDITION] });
    }
    permissions.push({ action: 'plugin::content-manager.explorer.delete', subject, properties: {}, conditions: [CONDITION] });
  }
  // The plugin's own rights: without them the content-manager rights above reach nothing.
  for (const action of ['applications.read', 'applications.handle', 'applications.import', 'review-cases.read', 'review-cases.handle']) {
    permissions.push({ action: `plugin::disclosure.${action}`, properties: {}, conditions: [] });
  }
  // Reading organizations is needed to pick them in the relation fields.
  permissions.push({
    action: 'plugin::content-manager.explorer.read',
    subject: 'api::organization.organization',
    properties: { fields: fieldsOf(strapi, 'api::organization.organization'), locales: ['zh-Hans', 'zh-Hant'] },
    conditions: [],
  });
  return permissions;
}

/** Creates the role, the user and the link to 壶天镇 once; returns the login when the user was created. */
export async function ensureDemoOfficer(strapi: Core.Strapi) {
  let role: any = await strapi.db.query('admin::role').findOne({ where: { code: DEMO_OFFICER.roleCode } });
  if (!role) {
    role = await strapi.service('admin::role').create({
      name: DEMO_OFFICER.roleName,
      code: DEMO_OFFICER.roleCode,
      description: '只能查看和办理本人所属机关的政府信息公开申请和复议诉讼案件',
    });
    await strapi.service('admin::role').assignPermissions(role.id, officerPermissions(strapi));
  } else {
    // A role made by an earlier version lacks the rights added since (the plugin's actions): add them.
    const have: any[] = await strapi.db.query('admin::permission').findMany({ where: { role: { id: role.id } }, select: ['action', 'subject'] });
    const key = (p: any) => `${p.action}|${p.subject ?? ''}`;
    const missing = officerPermissions(strapi).filter((p) => !have.some((h) => key(h) === key(p)));
    if (missing.length) await strapi.service('admin::role').addPermissions(role.id, missing);
  }
  if (await strapi.db.query('admin::user').findOne({ where: { email: DEMO_OFFICER.email } })) return null;
  const user: any = await strapi.service('admin::user').create({
    email: DEMO_OFFICER.email,
    password: DEMO_OFFICER.password,
    firstname: '演示',
    lastname: '经办人',
    isActive: true,
    registrationToken: null,
    preferedLanguage: 'zh-Hans',
    roles: [role.id],
  });
  const org: any = await strapi.db.query('api::organization.organization').findOne({ where: { code: TOWNSHIP_CODE }, select: ['documentId'] });
  await strapi.documents('plugin::disclosure.officer-assignment' as any).create({
    data: { user: user.id, organizations: org ? [org.documentId] : [], note: '演示：壶天镇' } as any,
  });
  return { email: DEMO_OFFICER.email, password: DEMO_OFFICER.password };
}
