#!/usr/bin/env node
/**
 * Builds the portal (portal/src, TypeScript) into public/portal/ with esbuild.
 *   node scripts/build-portal.js            one build (minified, with a source map)
 *   node scripts/build-portal.js --watch    rebuild on change
 * public/index.html loads /portal/portal.js; public/portal.css is plain CSS (not built).
 */
const path = require('path');
const fs = require('fs');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'public', 'portal');
const watch = process.argv.includes('--watch');

const options = {
  entryPoints: { portal: path.join(root, 'portal', 'src', 'main.ts') },
  outdir,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  minify: !watch,
  sourcemap: true,
  charset: 'utf8',
  legalComments: 'none',
  tsconfig: path.join(root, 'portal', 'tsconfig.json'),
  logLevel: 'info',
};

async function main() {
  fs.mkdirSync(outdir, { recursive: true });
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    console.log(`[portal] watching portal/src → ${path.relative(root, outdir)}/`);
    return;
  }
  const result = await esbuild.build(options);
  if (result.errors.length) process.exit(1);
  console.log(`[portal] built ${path.relative(root, outdir)}/portal.js`);
}

main().catch((error) => {
  console.error('[portal] build failed:', error && error.message ? error.message : error);
  process.exit(1);
});
