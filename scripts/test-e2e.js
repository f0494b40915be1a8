#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e`: builds the app and its admin panel, starts Strapi on a fresh SQLite database with
 * the demo data, waits for it, runs the browser tests (tests/e2e, real Chromium) and stops the server.
 * Screenshots go to artifacts/e2e/ (git-ignored).
 */
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const port = Number(process.env.E2E_PORT || 1339);
const baseUrl = `http://127.0.0.1:${port}`;
const dbFile = path.join(root, '.tmp', `e2e_${crypto.randomBytes(4).toString('hex')}.db`);
// Every email the app sends goes to a real SMTP server started here; the tests read what it received.
const mailLog = path.join(root, '.tmp', 'e2e-mail.jsonl');
const strapiBin = path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const env = {
  ...process.env,
  NODE_ENV: 'development',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: dbFile,
  PORT: String(port),
  HOST: '127.0.0.1',
  DEMO_DATA: 'true',
  ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL || 'e2e-admin@gongkai.local',
  ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD || 'E2eAdmin2026!',
  LOG_LEVEL: 'warn',
  STRAPI_TELEMETRY_DISABLED: 'true',
};

function run(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status})`);
    process.exit(r.status || 1);
  }
}

/** The mail catcher (scripts/lib/mail-catcher.js) in its own process, and the port it listens on. */
async function startMailServer() {
  const child = spawn(process.execPath, [path.join(__dirname, 'lib', 'mail-catcher.js'), mailLog], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`the mail catcher exited with ${code}`)));
  });
  return { port, close: () => child.kill('SIGTERM') };
}

async function waitForServer(server, seconds) {
  for (let i = 0; i < seconds; i += 1) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before it was ready`);
    try {
      const res = await fetch(`${baseUrl}/_health`);
      if (res.status === 204 || res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the server did not answer on ${baseUrl} within ${seconds}s`);
}

(async () => {
  if (!fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) {
    console.error('Chromium is missing: apt-get install -y chromium (never a downloaded browser).');
    process.exit(1);
  }
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  fs.mkdirSync(path.join(root, 'artifacts', 'e2e'), { recursive: true });
  if (fs.existsSync(path.join(root, 'scripts', 'build-portal.js'))) run('portal build', process.execPath, ['scripts/build-portal.js']);
  run('strapi build (server and admin panel)', process.execPath, [strapiBin, 'build']);

  const smtp = await startMailServer();
  Object.assign(env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_IGNORE_TLS: 'true',
    SMTP_FROM: 'gk@e2e.example',
    PUBLIC_URL: baseUrl,
  });

  console.log(`\n=== starting Strapi on ${baseUrl} (fresh database ${path.relative(root, dbFile)}) ===`);
  const server = spawn(process.execPath, [strapiBin, 'start'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  let status = 1;
  try {
    await waitForServer(server, 180);
    const report = path.join(root, '.tmp', 'jest-e2e.json');
    fs.rmSync(report, { force: true });
    const jest = spawnSync(
      process.execPath,
      [require.resolve('jest/bin/jest'), '--config', 'jest.e2e.config.js', '--runInBand', '--json', `--outputFile=${report}`, ...process.argv.slice(2)],
      {
        cwd: root,
        env: { ...env, E2E_BASE_URL: baseUrl, E2E_MAIL_LOG: mailLog },
        stdio: 'inherit',
      },
    );
    status = jest.status ?? 1;
    const r = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : null;
    const failed = r ? r.numFailedTests + r.numRuntimeErrorTestSuites : 1;
    console.log(`e2e: ${r ? r.numPassedTests : 0} passed, ${failed} failed`);
  } catch (error) {
    console.error(error.message);
  } finally {
    smtp.close();
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    if (server.exitCode === null) server.kill('SIGKILL');
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  }
  process.exit(status);
})();
