#!/usr/bin/env node
'use strict';
/**
 * `npm test`: the whole suite on SQLite, then the integration suite again on PostgreSQL (a fresh,
 * uniquely named database per test file, created and dropped by the harness). Without PostgreSQL it says
 * so loudly; under CI=true that is a failure, not a skip. Extra arguments go to jest (e.g. a test path).
 */
const { spawnSync } = require('child_process');
const path = require('path');
const { root, runJest, runOnPostgres, summarize } = require('./lib/jest-runs');

const extra = process.argv.slice(2);

/** A check that passes or fails as a whole (type-check, lint, format), counted as one test. */
function check(label, bin, args) {
  console.log(`\n=== ${label}: ${args.join(' ')} ===\n`);
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  return { passed: run.status === 0 ? 1 : 0, failed: run.status === 0 ? 0 : 1, skipped: 0 };
}
const tsc = require.resolve('typescript/bin/tsc');
// npm's own CLI, run with this Node (process.env.npm_execpath is set when run through npm).
const npmCli = process.env.npm_execpath || path.join(path.dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js');

(async () => {
  const results = [];
  // The app loads chinese-variants from its package build: test the current source.
  results.push(['build chinese-variants', check('build chinese-variants', npmCli, ['run', 'plugins:build'])]);
  results.push(['typecheck server', check('typecheck server', tsc, ['-p', 'tsconfig.json', '--noEmit'])]);
  // The plugins' admin code (TSX) has a config of its own: DOM, JSX, the bundler's module resolution.
  results.push(['typecheck admin', check('typecheck admin', tsc, ['-p', 'tsconfig.admin.json'])]);
  // chinese-variants is a package of its own (built by npm run plugins:build), type-checked with its config.
  results.push([
    'typecheck chinese-variants',
    check('typecheck chinese-variants', tsc, ['-p', 'src/plugins/chinese-variants/server/tsconfig.json', '--noEmit']),
  ]);
  results.push(['lint', check('lint', path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js'), ['.', '--max-warnings', '0'])]);
  results.push(['format', check('format', require.resolve('prettier/bin/prettier.cjs'), ['--check', '**/*.{ts,tsx,js}'])]);
  results.push(['sqlite', runJest('sqlite', [], { DATABASE_CLIENT: 'sqlite' }, extra)]);
  results.push(['postgres', await runOnPostgres('postgres', ['--selectProjects', 'integration'], extra)]);
  summarize(results);
})();
