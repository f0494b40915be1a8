#!/usr/bin/env node
'use strict';

/**
 * Backfill of the chinese-variants plugin: generates the Traditional versions of existing content.
 *
 *   npm run variants:backfill [-- --type api::notice.notice] [--dry-run] [--restart]
 *
 * Boots the app like the test harness (compile, then load without the HTTP server), runs the plugin's
 * backfill service with a progress bar, and stops. Idempotent (up-to-date and hand-edited versions are
 * skipped) and resumable (a checkpoint per type is kept until a run completes; --restart ignores it).
 */
const path = require('path');

function parseArgs(argv) {
  const args = { types: [], dryRun: false, restart: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--type' || a === '-t') {
      const v = argv[i + 1];
      if (!v) throw new Error('--type needs a content-type uid, e.g. --type api::notice.notice');
      args.types.push(v);
      i += 1;
    } else if (a.startsWith('--type=')) args.types.push(a.slice(7));
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--restart') args.restart = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`Unknown argument ${a}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('usage: variants-backfill [--type <uid>]... [--dry-run] [--restart]');
    return 0;
  }
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const appDir = path.resolve(__dirname, '..');
  const distDir = path.join(appDir, 'dist');
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  if (process.env.VARIANTS_BACKFILL_SKIP_COMPILE !== 'true') await compileStrapi({ appDir, ignoreDiagnostics: true });
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();

  const cliProgress = require('cli-progress');
  const interactive = process.stdout.isTTY;
  const bar = new cliProgress.SingleBar(
    {
      format: `${args.dryRun ? '[dry run] ' : ''}{type} |{bar}| {value}/{total} · written {written} · skipped {skipped} · errors {errors}`,
      noTTYOutput: !interactive,
      notTTYSchedule: 2000,
      hideCursor: interactive,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const payload = (p) => ({ type: p.currentType || '-', written: p.written, skipped: p.skipped, errors: p.errors.length });
  let code = 0;
  try {
    const result = await strapi
      .plugin('chinese-variants')
      .service('backfill')
      .run({
        types: args.types.length ? args.types : undefined,
        dryRun: args.dryRun,
        restart: args.restart,
        onProgress: (p) => {
          if (!started) {
            bar.start(p.total, p.done, payload(p));
            started = true;
          } else {
            bar.setTotal(p.total);
            bar.update(p.done, payload(p));
          }
        },
      });
    if (started) bar.stop();
    console.log(
      `${args.dryRun ? 'Dry run: would write' : 'Written'} ${result.written}, published ${result.published}, ` +
        `skipped ${result.skipped} (up to date or edited by hand), errors ${result.errors.length}.`,
    );
    for (const e of result.errors) console.error(`  ${e.uid} ${e.documentId} → ${e.locale}: ${e.message}`);
    if (result.errors.length) code = 1;
  } catch (err) {
    if (started) bar.stop();
    console.error(err && err.message ? err.message : err);
    code = 1;
  } finally {
    await strapi.destroy();
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
