// chinese-variants benchmark, all figures measured in one run:
//   1. conversion pipeline (glossary + formats) vs raw opencc-js on the same documents (target ≥ 0.8×)
//   2. publish latency of a 5 KB notice with the zh-Hant sync vs without (target ≤ 2×)
//   3. HTTP read throughput of ?locale=zh-Hant vs zh-Hans with autocannon (target ≥ 0.95×)
// Run: node bench/run-ts.js bench/variants.ts   (BENCH_SECONDS=3 per autocannon run, 12 runs; SQLite in .tmp/)
// The load generator runs in the same process as Strapi, so both locales pay for it alike.
import { existsSync, readFileSync, rmSync, mkdirSync } from 'fs';
import * as path from 'path';
import * as net from 'net';
import * as OpenCC from 'opencc-js';
import { DEFAULT_GLOSSARY, formatConverter, getConverter } from '../src/plugins/chinese-variants/server/src/engine';

const REFERENCE = path.resolve(__dirname, '../../shared/reference/opencc-conformance');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const results: Array<{ what: string; ratio: number; target: string; ok: boolean }> = [];

function bestSeconds(contenders: Array<() => unknown>, rounds = 7): number[] {
  contenders.forEach((run) => run());
  const best = contenders.map(() => Infinity);
  for (let r = 0; r < rounds; r += 1) {
    contenders.forEach((run, k) => {
      const t0 = process.hrtime.bigint();
      run();
      best[k] = Math.min(best[k], Number(process.hrtime.bigint() - t0) / 1e9);
    });
  }
  return best;
}

function pipelineThroughput() {
  console.log('1. conversion pipeline vs raw opencc-js (s2tw, default glossary of 117 protected terms)');
  const docs: Array<{ name: string; text: string }> = [];
  const golden = path.join(REFERENCE, 'golden/input/us_constitution_zhs.txt');
  if (existsSync(golden)) docs.push({ name: 'golden ×20', text: readFileSync(golden, 'utf8').repeat(20) });
  const zuozhuan = path.join(REFERENCE, 'benchmark/zuozhuan.txt');
  if (existsSync(zuozhuan)) {
    docs.push({ name: 'zuozhuan 300 KB', text: Buffer.from(readFileSync(zuozhuan)).subarray(0, 300 * 1024).toString('utf8').replace(/\uFFFD+$/, '') });
  }
  if (docs.length === 0) docs.push({ name: 'synthetic', text: '关于进一步优化营商环境、发布政府信息公开指南的通知。'.repeat(5000) });
  const raw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const text = formatConverter('s2tw', 'text', DEFAULT_GLOSSARY);
  const blocks = formatConverter('s2tw', 'blocks', DEFAULT_GLOSSARY);
  getConverter('s2tw', DEFAULT_GLOSSARY);
  let worst = Infinity;
  for (const doc of docs) {
    const bytes = Buffer.byteLength(doc.text, 'utf8');
    const asBlocks = doc.text.split('\n').map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }));
    const [r, t, b] = bestSeconds([() => raw(doc.text), () => text(doc.text), () => blocks(asBlocks as any)]);
    const mbs = (s: number) => bytes / 1e6 / s;
    console.log(`  ${doc.name} (${(bytes / 1024).toFixed(0)} KB): raw ${mbs(r).toFixed(2)} MB/s, pipeline text ${mbs(t).toFixed(2)} MB/s (${(r / t).toFixed(2)}×), blocks ${mbs(b).toFixed(2)} MB/s (${(r / b).toFixed(2)}×)`);
    worst = Math.min(worst, r / t, r / b);
  }
  results.push({ what: 'pipeline / raw opencc-js throughput (worst of text, blocks)', ratio: worst, target: '≥ 0.80', ok: worst >= 0.8 });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function fiveKbBody(seed: number) {
  // ~5 KB of UTF-8 Chinese prose in 10 paragraphs
  const sentence = '为进一步推进政府信息公开工作，优化营商环境，提高行政效能，根据有关规定，现就有关事项通知如下。';
  return Array.from({ length: 10 }, (_, i) => ({
    type: 'paragraph',
    children: [{ type: 'text', text: `${i + 1}．${sentence.repeat(4)}（第${seed}版）` }],
  }));
}

async function main() {
  pipelineThroughput();

  const appDir = path.resolve(__dirname, '..');
  const file = path.join(appDir, '.tmp', `bench_variants_${process.pid}.db`);
  mkdirSync(path.dirname(file), { recursive: true });
  Object.assign(process.env, {
    DATABASE_CLIENT: process.env.DATABASE_CLIENT ?? 'sqlite',
    DATABASE_FILENAME: file,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_STARTUP_MESSAGE: 'false',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
  });
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  if (process.env.BENCH_SKIP_COMPILE !== 'true') await compileStrapi({ appDir, ignoreDiagnostics: true });
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  try {
    await strapi.listen();
    const docs = (uid: string) => strapi.documents(uid as any);
    const org = await docs('api::organization.organization').create({ locale: 'zh-Hans', data: { name: '湘乡市人民政府办公室', code: 'BENCH1', level: 'county' } });
    const category = await strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { locale: 'zh-Hans' } });

    console.log('\n2. publish latency, 5 KB notice (update the draft, then time the publish)');
    const setSync = (on: boolean) => strapi.config.set('plugin::chinese-variants.sync', on);
    const notices: Record<string, string> = {};
    for (const mode of ['on', 'off']) {
      setSync(mode === 'on');
      const n = await docs('api::notice.notice').create({
        locale: 'zh-Hans',
        data: { title: `关于优化营商环境的通知（${mode}）`, body: fiveKbBody(0), organization: org.documentId, category: category?.documentId, documentType: 'announcement' },
      });
      notices[mode] = n.documentId;
    }
    console.log(`  body ${(Buffer.byteLength(JSON.stringify(fiveKbBody(0)), 'utf8') / 1024).toFixed(1)} KB as stored (JSON)`);
    const times: Record<string, number[]> = { on: [], off: [] };
    const timesWithUpdate: Record<string, number[]> = { on: [], off: [] };
    for (let round = 0; round < 30; round += 1) {
      for (const mode of round % 2 ? ['on', 'off'] : ['off', 'on']) {
        setSync(mode === 'on');
        const documentId = notices[mode];
        const t0 = process.hrtime.bigint();
        await docs('api::notice.notice').update({ documentId, locale: 'zh-Hans', data: { body: fiveKbBody(round + 1) } });
        const t1 = process.hrtime.bigint();
        await docs('api::notice.notice').publish({ documentId, locale: 'zh-Hans' });
        const t2 = process.hrtime.bigint();
        if (round >= 3) {
          times[mode].push(Number(t2 - t1) / 1e6);
          timesWithUpdate[mode].push(Number(t2 - t0) / 1e6);
        }
      }
    }
    setSync(true);
    const pOn = median(times.on);
    const pOff = median(times.off);
    const uOn = median(timesWithUpdate.on);
    const uOff = median(timesWithUpdate.off);
    console.log(`  publish: without sync ${pOff.toFixed(1)} ms, with sync ${pOn.toFixed(1)} ms (median of ${times.on.length}) → ${(pOn / pOff).toFixed(2)}×`);
    console.log(`  save + publish: without sync ${uOff.toFixed(1)} ms, with sync ${uOn.toFixed(1)} ms → ${(uOn / uOff).toFixed(2)}×`);
    results.push({ what: 'publish latency with / without sync (5 KB notice)', ratio: pOn / pOff, target: '≤ 2.00', ok: pOn / pOff <= 2 });
    results.push({ what: 'save + publish latency with / without sync (for information)', ratio: uOn / uOff, target: '-', ok: true });

    console.log(`\n3. HTTP read throughput, autocannon, ${SECONDS} s per run, 10 connections, runs interleaved`);
    const check = await docs('api::notice.notice').findOne({ documentId: notices.on, locale: 'zh-Hant', status: 'published' });
    if (!check) throw new Error('no published zh-Hant version: the sync did not run');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const autocannon = require('autocannon');
    const base = `http://127.0.0.1:${process.env.PORT}`;
    const urls: Record<string, string> = {
      'zh-Hans': `${base}/api/notices/${notices.on}?locale=zh-Hans&populate=category`,
      'zh-Hant': `${base}/api/notices/${notices.on}?locale=zh-Hant&populate=category`,
    };
    const rps: Record<string, number[]> = { 'zh-Hans': [], 'zh-Hant': [] };
    await autocannon({ url: urls['zh-Hans'], connections: 10, duration: 1 }); // warm-up
    // ABBA order, three times: drift on a shared machine hits both locales alike
    for (const locale of ['zh-Hans', 'zh-Hant', 'zh-Hant', 'zh-Hans', 'zh-Hant', 'zh-Hans', 'zh-Hans', 'zh-Hant', 'zh-Hans', 'zh-Hant', 'zh-Hant', 'zh-Hans']) {
      const r = await autocannon({ url: urls[locale], connections: 10, duration: SECONDS });
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${locale}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      rps[locale].push(r.requests.average);
    }
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const hans = avg(rps['zh-Hans']);
    const hant = avg(rps['zh-Hant']);
    console.log(`  GET /api/notices/:id?populate=category: zh-Hans ${hans.toFixed(0)} req/s, zh-Hant ${hant.toFixed(0)} req/s → ${(hant / hans).toFixed(2)}×`);
    results.push({ what: 'HTTP read throughput zh-Hant / zh-Hans', ratio: hant / hans, target: '≥ 0.95', ok: hant / hans >= 0.95 });
  } finally {
    await strapi.destroy();
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
  }

  console.log('\nsummary (one run):');
  for (const r of results) console.log(`  ${r.what.padEnd(62)} ${r.ratio.toFixed(2)}×  target ${r.target}  ${r.ok ? 'OK' : 'MISSED'}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
