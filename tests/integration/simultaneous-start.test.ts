/**
 * Two instances started at the same moment on an empty PostgreSQL database both come up (start-up takes
 * turns under an advisory lock, src/bootstrap/startup-lock.ts), and the seeded catalogue exists once.
 * SQLite: skipped (one writer, not a multi-instance deployment).
 */
import path from 'path';
import { spawn } from 'child_process';
import { Client } from 'pg';
import { adminPgConfig, usingPostgres } from '../harness/database';

const appDir = path.resolve(__dirname, '../..');
const name = `gongkai_test_start_${process.pid}`;
const itPg = usingPostgres() ? it : it.skip;

function start(): Promise<{ code: number | null; log: string }> {
  const script = `
    const { createStrapi } = require('@strapi/strapi');
    createStrapi({ appDir: ${JSON.stringify(appDir)}, distDir: ${JSON.stringify(path.join(appDir, 'dist'))}, autoReload: false, serveAdminPanel: false })
      .load().then(async (s) => { console.log('LOADED'); await s.destroy(); process.exit(0); })
      .catch((e) => { console.error('FAILED: ' + e.message); process.exit(3); });`;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: appDir,
    env: { ...process.env, DATABASE_CLIENT: 'postgres', DATABASE_NAME: name, DEMO_DATA: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, log })));
}

async function admin<T>(fn: (c: Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const c = new Client({ ...adminPgConfig(), database });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  if (usingPostgres()) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});

itPg(
  'two instances on an empty database both start, and seed the catalogue once',
  async () => {
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    const [a, b] = await Promise.all([start(), start()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.log + b.log).not.toContain('FAILED');
    const duplicates = await admin(
      (c) => c.query(`SELECT code FROM disclosure_categories WHERE locale = 'zh-Hans' GROUP BY code, published_at IS NULL HAVING COUNT(*) > 1`),
      name,
    );
    expect(duplicates.rows).toEqual([]);
  },
  240_000,
);

if (!usingPostgres()) {
  it('simultaneous start runs on PostgreSQL only (see the header)', () => undefined);
}
