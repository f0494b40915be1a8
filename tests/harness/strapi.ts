import path from 'path';
import type { Core } from '@strapi/strapi';
import { createTestDatabase, TestDatabase } from './database';

const appDir = path.resolve(__dirname, '../..');
const distDir = path.join(appDir, 'dist');

export type TestApp = { strapi: Core.Strapi; server: any; database: TestDatabase; stop: () => Promise<void> };

/** Boots a real Strapi on a fresh database inside the test process, with its HTTP server mounted. */
export async function startStrapi(): Promise<TestApp> {
  const database = await createTestDatabase();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  const stop = async () => {
    await strapi.destroy();
    await database.drop();
  };
  return { strapi, server: strapi.server.httpServer, database, stop };
}

let adminCounter = 0;

/** Creates a super admin and returns a bearer token for the admin API (content manager, plugin routes). */
export async function adminToken(app: TestApp): Promise<string> {
  const { strapi } = app;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  adminCounter += 1;
  const email = `tester${adminCounter}_${Date.now()}@example.com`;
  const password = 'Tester12345!';
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: 'Test',
    lastname: 'Admin',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const request = require('supertest');
  const res = await request(app.server).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token;
}

/** A users-permissions user with the Authenticated role, and its JWT. */
export async function authenticatedUserJwt(app: TestApp): Promise<string> {
  const { strapi } = app;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const user = await strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: `citizen_${Date.now()}_${Math.random().toString(36).slice(2, 6)}`,
      email: `citizen_${Date.now()}_${Math.random().toString(36).slice(2, 6)}@example.com`,
      password: 'Citizen12345!',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  return strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
}

/**
 * Creates an admin user with the given roles (role codes or ids) and logs in once over HTTP: logins are
 * rate-limited, so tests keep the token. Returns the token and the user.
 */
export async function adminUserWithRoles(app: TestApp, label: string, roles: (string | number)[]): Promise<{ token: string; user: any }> {
  const { strapi } = app;
  const ids: number[] = [];
  for (const r of roles) {
    if (typeof r === 'number') ids.push(r);
    else ids.push((await strapi.db.query('admin::role').findOne({ where: { code: r } })).id);
  }
  adminCounter += 1;
  const email = `${label}${adminCounter}_${Date.now()}@example.com`;
  const password = 'Tester12345!';
  const user = await strapi
    .service('admin::user')
    .create({ email, password, firstname: label, lastname: 'Test', isActive: true, registrationToken: null, roles: ids });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const request = require('supertest');
  const res = await request(app.server).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.data.token, user };
}
