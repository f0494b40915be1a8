import type { Core } from '@strapi/strapi';

/** What the public may read through the content API; nothing else (applications hold personal data). */
export const PUBLIC_READ = [
  'api::organization.organization',
  'api::disclosure-category.disclosure-category',
  'api::notice.notice',
  'api::annual-report.annual-report',
];

export async function grantPublicReads(strapi: Core.Strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  const wanted = PUBLIC_READ.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
  const have = await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: role.id, action: { $in: wanted } }, select: ['action'] });
  const missing = wanted.filter((action) => !have.some((p: any) => p.action === action));
  for (const action of missing) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
}
