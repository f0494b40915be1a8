// Does validating a large application import hold up other requests? The health route's latency is sampled
// while the app is idle (baseline) and while it validates a ~15 MB CSV (70,000 rows), in the same run.
// Run: node bench/run-ts.js bench/import.ts   (DATABASE_CLIENT=postgres for PostgreSQL)
// Options (env): BENCH_IMPORT_ROWS (default 70,000; the upload limit is 16 MB).
import path from 'path';
import { performance } from 'perf_hooks';
import { createTestDatabase } from '../tests/harness/database';

const appDir = path.resolve(__dirname, '..');
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 70_000);
const SAMPLE_EVERY_MS = 20;
// Targets: no health request waits longer than this while a file is validated, and p95 stays within 10× idle.
const MAX_LATENCY_MS = 500;
const P95_RATIO = 10;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function sampleWhile(origin: string, busy: () => boolean, minMs: number): Promise<number[]> {
  const latencies: number[] = [];
  const started = performance.now();
  while (busy() || performance.now() - started < minMs) {
    const t = performance.now();
    const res = await fetch(`${origin}/api/disclosure/health`);
    await res.arrayBuffer();
    latencies.push(performance.now() - t);
    if (process.env.BENCH_TRACE && performance.now() - t > 100) console.log(`slow ${(performance.now() - t).toFixed(0)} ms at ${(t / 1000).toFixed(2)} s`);
    await new Promise((r) => setTimeout(r, SAMPLE_EVERY_MS));
  }
  return latencies;
}

async function main() {
  process.env.NODE_ENV = 'test';
  process.env.DEMO_DATA = 'false';
  process.env.LOG_LEVEL = 'warn';
  process.env.STRAPI_STARTUP_MESSAGE = 'false';
  process.env.HOST = '127.0.0.1';
  process.env.PORT = '0';
  const database = await createTestDatabase();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir, ignoreDiagnostics: true });
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  try {
    await strapi.listen();
    const origin = `http://127.0.0.1:${(strapi.server.httpServer.address() as any).port}`;
    const org = await strapi
      .documents('api::organization.organization')
      .create({ locale: 'zh-Hans', data: { name: '基准镇人民政府', code: '430381199', level: 'township' } as any });
    void org;
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await strapi
      .service('admin::user')
      .create({ email: 'bench@example.com', password: 'Bench12345!', firstname: 'B', lastname: 'B', isActive: true, roles: [superAdmin.id] });
    const login: any = await (
      await fetch(`${origin}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'bench@example.com', password: 'Bench12345!' }),
      })
    ).json();
    const token = login.data.token;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { HEADERS } = require('../src/plugins/disclosure/server/src/modules/applications/import/columns');
    const filler = '请求公开本机关关于农村危房改造补助资金分配、使用和监督检查的有关文件及相关会议纪要，以及具体补助对象名单';
    const row = (i: number) =>
      HEADERS.map(
        (h: string) =>
          (
            ({
              申请编号: `BENCH-${i}`,
              机关代码: '430381199',
              申请人类型: '自然人',
              申请方式: '网上申请',
              收到申请日期: '2026-03-02',
              办理状态: '已收到',
              申请人: `申请人${i}`,
              申请内容: filler,
            }) as Record<string, string>
          )[h] ?? '',
      ).join(',');
    const csv = Buffer.from([HEADERS.join(','), ...Array.from({ length: ROWS }, (_, i) => row(i))].join('\n'));

    const idle = await sampleWhile(origin, () => false, 3000);
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'bench.csv');
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    if (process.env.BENCH_TRACE) console.log(`upload at ${(t0 / 1000).toFixed(2)} s`);
    const upload: any = await (
      await fetch(`${origin}/disclosure/import`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
    ).json();
    if (!upload.data) throw new Error(`upload refused: ${JSON.stringify(upload.error)}`);
    let state = 'validating';
    let peakRss = rssBefore;
    const poll = (async () => {
      while (state === 'validating') {
        const job: any = await (await fetch(`${origin}/disclosure/import/${upload.data.id}`, { headers: { Authorization: `Bearer ${token}` } })).json();
        state = job.data.state;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if (process.env.BENCH_TRACE) console.log(`poll ${state} ${job.data.processedRows} at ${(performance.now() / 1000).toFixed(2)} s`);
        if (state !== 'validating') {
          if (job.data.validRows !== ROWS)
            throw new Error(`expected ${ROWS} valid rows, got ${job.data.validRows} (${JSON.stringify(job.data.rejected?.slice(0, 2))})`);
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const busy = await sampleWhile(origin, () => state === 'validating', 0);
    await poll;
    const seconds = (performance.now() - t0) / 1000;
    const fmt = (xs: number[]) =>
      `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} samples)`;
    const ratio = quantile(busy, 0.95) / quantile(idle, 0.95);
    console.log(
      `import validation bench (${process.env.DATABASE_CLIENT ?? 'sqlite'}): ${ROWS} rows, ${(csv.length / 1048576).toFixed(1)} MB CSV, validated in ${seconds.toFixed(1)} s (${state})`,
    );
    console.log(`health latency idle:       ${fmt(idle)}`);
    console.log(`health latency validating: ${fmt(busy)}`);
    console.log(
      `p95 ratio validating/idle: ${ratio.toFixed(1)}× (target ≤ ${P95_RATIO}×); max ${Math.max(...busy).toFixed(0)} ms (target ≤ ${MAX_LATENCY_MS} ms)`,
    );
    console.log(`process RSS: ${(rssBefore / 1048576).toFixed(0)} MB before, ${(peakRss / 1048576).toFixed(0)} MB peak while validating`);
    const ok = state === 'validated' && ratio <= P95_RATIO && Math.max(...busy) <= MAX_LATENCY_MS;
    console.log(ok ? 'targets met' : 'TARGET MISSED');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await strapi.destroy();
    await database.drop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
