#!/usr/bin/env node
'use strict';
/**
 * `npm run test:plugin-package`: chinese-variants as a package someone else installs. Builds it with
 * @strapi/sdk-plugin, runs `strapi-plugin verify`, packs it (`npm pack`), installs the tarball into a
 * freshly written Strapi 5 app in a temporary folder (this repository's pinned versions, from the npm
 * registry or its cache), boots that app on SQLite, publishes a Simplified article and checks that its
 * Traditional version appears. Nothing of this repository is on that app's module path but the tarball.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pluginDir = path.join(root, 'src/plugins/chinese-variants');
const lock = require(path.join(root, 'package-lock.json'));
const pinned = (name) => lock.packages[`node_modules/${name}`].version;
const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const results = [];
function step(name, fn) {
  console.log(`\n=== ${name} ===`);
  try {
    fn();
    results.push([name, true]);
  } catch (error) {
    console.error(String(error?.stdout ?? ''), String(error?.message ?? error));
    results.push([name, false]);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-plugin-'));
const app = path.join(work, 'app');
let tarball;

step('build and verify', () => {
  npm(['run', 'build'], pluginDir);
  console.log(npm(['run', 'verify'], pluginDir));
});

step('pack', () => {
  const out = JSON.parse(npm(['pack', '--json', '--pack-destination', work], pluginDir));
  tarball = path.join(work, out[0].filename);
  const files = out[0].files.map((f) => f.path);
  console.log(`${out[0].filename}: ${files.length} files, ${(out[0].size / 1024).toFixed(0)} KB`);
  if (files.some((f) => f.startsWith('server/src') || f.startsWith('tests'))) throw new Error('the package carries sources or tests');
});

step('install into a fresh Strapi app and publish', () => {
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    fs.writeFileSync(path.join(app, file), text);
  };
  const dependencies = Object.fromEntries(
    ['@strapi/strapi', 'better-sqlite3', 'react', 'react-dom', 'react-router-dom', 'styled-components', '@strapi/design-system', '@strapi/icons'].map((n) => [
      n,
      pinned(n),
    ]),
  );
  write(
    'package.json',
    JSON.stringify(
      { name: 'fresh-strapi-app', private: true, dependencies: { ...dependencies, '@gongkai/strapi-plugin-chinese-variants': `file:${tarball}` } },
      null,
      2,
    ),
  );
  write(
    'config/database.js',
    `module.exports = () => ({ connection: { client: 'sqlite', connection: { filename: '.tmp/data.db' }, useNullAsDefault: true } });\n`,
  );
  write('config/server.js', `module.exports = () => ({ host: '127.0.0.1', port: 0, app: { keys: ['fresh-key-1', 'fresh-key-2'] } });\n`);
  write(
    'config/admin.js',
    `module.exports = () => ({ auth: { secret: 'fresh-admin-secret' }, apiToken: { salt: 'fresh-salt' }, transfer: { token: { salt: 'fresh-transfer' } }, secrets: { encryptionKey: 'fresh-encryption-key' } });\n`,
  );
  write(
    'config/plugins.js',
    `module.exports = () => ({ 'chinese-variants': { enabled: true, config: { sourceLocale: 'zh-Hans', targets: { 'zh-Hant': 's2tw' } } } });\n`,
  );
  write('src/index.js', 'module.exports = { register() {}, bootstrap() {} };\n');
  write('public/uploads/.gitkeep', '');
  write(
    'src/api/article/content-types/article/schema.json',
    JSON.stringify({
      kind: 'collectionType',
      collectionName: 'articles',
      info: { singularName: 'article', pluralName: 'articles', displayName: 'Article' },
      options: { draftAndPublish: true },
      pluginOptions: { i18n: { localized: true } },
      attributes: { title: { type: 'string', pluginOptions: { i18n: { localized: true } } } },
    }),
  );
  const started = Date.now();
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app);
  console.log(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const script = `
    const { createStrapi } = require('@strapi/strapi');
    (async () => {
      const strapi = await createStrapi({ appDir: process.cwd(), distDir: process.cwd(), autoReload: false, serveAdminPanel: false }).load();
      const articles = strapi.documents('api::article.article');
      const created = await articles.create({ locale: 'zh-Hans', data: { title: '关于发布政府信息公开指南的通知' } });
      await articles.publish({ documentId: created.documentId, locale: 'zh-Hans' });
      const hant = await articles.findOne({ documentId: created.documentId, locale: 'zh-Hant', status: 'published' });
      console.log('zh-Hant:', hant && hant.title);
      await strapi.destroy();
      process.exit(hant && hant.title === '關於發佈政府信息公開指南的通知' ? 0 : 1);
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: app,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'development', STRAPI_TELEMETRY_DISABLED: 'true', LOG_LEVEL: 'warn', NODE_PATH: '' },
    timeout: 180_000,
  });
  if (run.status !== 0) throw new Error(`the fresh app did not publish a zh-Hant version (exit ${run.status})`);
});

fs.rmSync(work, { recursive: true, force: true });
const passed = results.filter(([, ok]) => ok).length;
for (const [name, ok] of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
console.log(`plugin package: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
