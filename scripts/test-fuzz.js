#!/usr/bin/env node
'use strict';
/**
 * `npm run test:fuzz`: the fuzz suite (tests/fuzz) on SQLite, then on PostgreSQL. FUZZ_SEED reproduces a
 * run, FUZZ_CASES sets the cases per route and caller.
 */
const { execSync } = require('child_process');
const { root, runJest, runOnPostgres, summarize } = require('./lib/jest-runs');

const extra = process.argv.slice(2);
const args = ['--config', 'jest.fuzz.config.js'];

(async () => {
  // The app loads chinese-variants from its package build.
  execSync('npm run plugins:build', { cwd: root, stdio: 'inherit' });
  const results = [];
  results.push(['fuzz sqlite', runJest('fuzz-sqlite', args, { DATABASE_CLIENT: 'sqlite' }, extra)]);
  results.push(['fuzz postgres', await runOnPostgres('fuzz-postgres', args, extra)]);
  summarize(results);
})();
