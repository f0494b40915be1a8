#!/usr/bin/env node
'use strict';
/**
 * `npm test`: the whole suite on SQLite, then the integration suite again on PostgreSQL (a fresh,
 * uniquely named database per test file, created and dropped by the harness). Without PostgreSQL it says
 * so loudly; under CI=true that is a failure, not a skip. Extra arguments go to jest (e.g. a test path).
 */
const { spawnSync } = require('child_process');
const { root, runJest, runOnPostgres, summarize } = require('./lib/jest-runs');

const extra = process.argv.slice(2);

/** One tsc run: the server code (tsconfig.json), or the plugins' admin code (tsconfig.admin.json, TSX). */
function typecheck(project) {
  console.log(`\n=== typecheck: tsc -p ${project} --noEmit ===\n`);
  const run = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project, '--noEmit'], {
    cwd: root,
    stdio: 'inherit',
  });
  return { passed: run.status === 0 ? 1 : 0, failed: run.status === 0 ? 0 : 1, skipped: 0 };
}

(async () => {
  const results = [];
  results.push(['typecheck server', typecheck('tsconfig.json')]);
  results.push(['typecheck admin', typecheck('tsconfig.admin.json')]);
  results.push(['sqlite', runJest('sqlite', [], { DATABASE_CLIENT: 'sqlite' }, extra)]);
  results.push(['postgres', await runOnPostgres('postgres', ['--selectProjects', 'integration'], extra)]);
  summarize(results);
})();
