import type { Core } from '@strapi/strapi';

/** What the public may read through the content API; nothing else (applications hold personal data). */
export const PUBLIC_READ = [
  'api::organization.organization',
  'api::disclosure-category.disclosure-category',
  'api::notice.notice',
  'api::annual-report.annual-report',
  'api::site.site',
];

/**
 * The Public role reads PUBLIC_READ, and so does the Authenticated role (a logged-in portal user must not
 * see less than an anonymous one). Idempotent: only missing permissions are added.
 */
export async function grantPublicReads(strapi: Core.Strapi) {
  // a single type has one read action, find
  const wanted = PUBLIC_READ.flatMap((uid) =>
    (strapi.contentTypes as Record<string, any>)[uid]?.kind === 'singleType' ? [`${uid}.find`] : [`${uid}.find`, `${uid}.findOne`],
  );
  for (const type of ['public', 'authenticated']) {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } });
    if (!role) continue;
    const have = await strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { role: role.id, action: { $in: wanted } }, select: ['action'] });
    const missing = wanted.filter((action) => !have.some((p: any) => p.action === action));
    for (const action of missing) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
}

/**
 * Public registration (POST /api/auth/local/register) is off unless PUBLIC_REGISTRATION=true: the portal has
 * no account features, and an open endpoint only collects accounts. Set on every start from the environment.
 */
export async function applyRegistrationSetting(strapi: Core.Strapi, env = process.env) {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced: any = (await store.get({})) ?? {};
  const allow = env.PUBLIC_REGISTRATION === 'true';
  if (advanced.allow_register !== allow) await store.set({ value: { ...advanced, allow_register: allow } });
}
