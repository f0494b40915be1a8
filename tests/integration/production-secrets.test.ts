import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import { DEVELOPMENT_SECRETS } from '../../src/utils/secrets';

const appDir = path.resolve(__dirname, '../..');

/** Loads the compiled app in a separate process, as `strapi start` would, and returns what it printed. */
function loadInProduction(env: Record<string, string>) {
  const script = `
    const { createStrapi } = require('@strapi/strapi');
    createStrapi({ appDir: ${JSON.stringify(appDir)}, distDir: ${JSON.stringify(path.join(appDir, 'dist'))}, autoReload: false, serveAdminPanel: false })
      .load().then(async (s) => { console.log('LOADED'); await s.destroy(); process.exit(0); })
      .catch((e) => { console.error('FAILED: ' + e.message); process.exit(3); });`;
  const base = { ...process.env } as Record<string, string>;
  for (const name of Object.keys(DEVELOPMENT_SECRETS)) delete base[name];
  return spawnSync(process.execPath, ['-e', script], {
    cwd: appDir,
    env: { ...base, NODE_ENV: 'production', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(appDir, '.tmp', `prod_${process.pid}.db`), ...env },
    encoding: 'utf8',
    timeout: 90000,
  });
}

const realSecrets: Record<string, string> = {
  APP_KEYS: 'k1-prod-abc,k2-prod-def',
  ADMIN_JWT_SECRET: 'prod-admin-jwt-5c1d',
  API_TOKEN_SALT: 'prod-api-token-salt-77',
  TRANSFER_TOKEN_SALT: 'prod-transfer-salt-91',
  JWT_SECRET: 'prod-jwt-secret-02',
  ENCRYPTION_KEY: 'prod-encryption-key-0123456789abcd',
};

afterAll(() => {
  fs.rmSync(path.join(appDir, '.tmp', `prod_${process.pid}.db`), { force: true });
});

describe('production secrets guard', () => {
  it.each(['APP_KEYS', 'ADMIN_JWT_SECRET', 'JWT_SECRET', 'ENCRYPTION_KEY'])('refuses to start without %s, naming it', (name) => {
    const env = { ...realSecrets };
    delete (env as any)[name];
    const run = loadInProduction(env);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(name);
    expect(run.stdout).not.toContain('LOADED');
  });

  it('starts with real secrets, and seeds no demo data in production', () => {
    const run = loadInProduction(realSecrets);
    expect(run.stderr).not.toContain('FAILED');
    expect(run.stdout).toContain('LOADED');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require('better-sqlite3');
    const db = new Database(path.join(appDir, '.tmp', `prod_${process.pid}.db`), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM organizations').get().n).toBe(0);
      expect(db.prepare('SELECT COUNT(*) AS n FROM admin_users').get().n).toBe(0);
      expect(db.prepare('SELECT COUNT(*) AS n FROM disclosure_categories').get().n).toBeGreaterThan(0);
      // Strapi gave its default Editor and Author roles rights on every content type at this first start:
      // none is left on applicants' data, and they hold none of the disclosure plugin's actions on it.
      const grants = db
        .prepare(
          `SELECT r.code AS role, p.action AS action, p.subject AS subject FROM admin_permissions p
           JOIN admin_permissions_role_lnk l ON l.permission_id = p.id JOIN admin_roles r ON r.id = l.role_id`,
        )
        .all() as { role: string; action: string; subject: string | null }[];
      const editor = grants.filter((g) => g.role === 'strapi-editor');
      expect(editor.some((g) => g.subject === 'api::notice.notice')).toBe(true); // positive control
      const privateSubjects = /disclosure-application|review-case|plugin::disclosure\./;
      const leaked = grants.filter(
        (g) =>
          ['strapi-editor', 'strapi-author'].includes(g.role) &&
          (privateSubjects.test(g.subject ?? '') || /^plugin::disclosure\.(applications|review-cases|officers|calendar|access-log)\./.test(g.action)),
      );
      expect(leaked).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuses to start with a development value', () => {
    const run = loadInProduction({ ...realSecrets, API_TOKEN_SALT: DEVELOPMENT_SECRETS.API_TOKEN_SALT });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/API_TOKEN_SALT[^\n]*development value/);
  });
});
