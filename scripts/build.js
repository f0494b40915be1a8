#!/usr/bin/env node
'use strict';
/**
 * `npm run build`: `strapi build` with the build flag set, so that a production build needs none of the
 * runtime secrets (src/utils/secrets.ts); `npm start` then refuses to run without them.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const strapiBin = path.join(__dirname, '..', 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const run = spawnSync(process.execPath, [strapiBin, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, GONGKAI_BUILD: 'true' },
});
process.exit(run.status ?? 1);
