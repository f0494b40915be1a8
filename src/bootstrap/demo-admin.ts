import type { Core } from '@strapi/strapi';

export const DEMO_ADMIN_DEFAULTS = { email: 'admin@gongkai.local', password: 'Gongkai2026!' };

/**
 * Creates the demo super-admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin with that email exists,
 * and returns its login so that start-up can print it once.
 */
export async function ensureDemoAdmin(strapi: Core.Strapi, env = process.env) {
  const email = (env.ADMIN_EMAIL || DEMO_ADMIN_DEFAULTS.email).toLowerCase();
  const password = env.ADMIN_PASSWORD || DEMO_ADMIN_DEFAULTS.password;
  if (await strapi.db.query('admin::user').findOne({ where: { email } })) return null;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return null;
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: '演示',
    lastname: '管理员',
    isActive: true,
    registrationToken: null,
    preferedLanguage: 'zh-Hans',
    roles: [superAdmin.id],
  });
  return { email, password };
}
