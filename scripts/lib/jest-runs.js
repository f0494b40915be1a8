'use strict';
/** Running jest once per database and reading its counts: shared by `npm test` and `npm run test:fuzz`. */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '../..');
const jestBin = require.resolve('jest/bin/jest');

function runJest(label, args, env, extra = []) {
  const outputFile = path.join(root, '.tmp', `jest-${label}.json`);
  fs.mkdirSync(path.dirname(outputFile), { recursive: true });
  fs.rmSync(outputFile, { force: true });
  console.log(`\n=== ${label}: jest ${args.join(' ')} ===\n`);
  // Every test file boots Strapi, and each boot leaves some heap behind: one process running them all
  // held ~3 GB by the end and its last files took twice as long in garbage collection (measured with
  // --logHeapUsage). One worker, still one file at a time, replaced once it holds over 1 GB after a file.
  const node = ['--max-old-space-size=8192'];
  const serial = ['--maxWorkers=1', '--workerIdleMemoryLimit=1GB'];
  const run = spawnSync(process.execPath, [...node, jestBin, ...serial, '--json', `--outputFile=${outputFile}`, ...args, ...extra], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  let summary = { passed: 0, failed: 0, skipped: 0 };
  if (fs.existsSync(outputFile)) {
    const r = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
    summary = { passed: r.numPassedTests, failed: r.numFailedTests + r.numRuntimeErrorTestSuites, skipped: r.numPendingTests };
  } else {
    summary.failed = 1; // jest died before reporting
  }
  if (run.status !== 0 && summary.failed === 0) summary.failed = 1;
  return summary;
}

async function postgresReachable() {
  const client = new Client({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || undefined,
    database: process.env.TEST_PG_ADMIN_DATABASE || 'postgres',
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return error.message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Prints each part's counts and the closing line CI reads; exits non-zero on any failure. */
function summarize(results) {
  let passed = 0;
  let failed = 0;
  console.log('\n=== summary ===');
  for (const [label, r] of results) {
    console.log(`${label}: ${r.missing ? 'NOT RUN (PostgreSQL unreachable)' : `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`}`);
    passed += r.passed;
    failed += r.failed;
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

/** Runs jest on PostgreSQL when it answers; says so loudly when it does not (a failure under CI=true). */
async function runOnPostgres(label, args, extra = []) {
  const reachable = await postgresReachable();
  if (reachable === true) return runJest(label, args, { DATABASE_CLIENT: 'postgres' }, extra);
  const banner = '!'.repeat(78);
  console.error(`\n${banner}\n!! PostgreSQL is NOT reachable (${reachable}).\n!! The PostgreSQL half of the suite did NOT run.\n${banner}\n`);
  return { passed: 0, failed: process.env.CI === 'true' ? 1 : 0, skipped: 0, missing: true };
}

module.exports = { root, runJest, runOnPostgres, summarize };
