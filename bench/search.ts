// Full-text search: the search route's work (service.search: count, ranked page, titles and excerpts)
// against an ILIKE '%…%' scan of the same rows, on generated Chinese text, after checking that both find
// the same documents. Also: index size and build time, and publish latency with and without indexing.
// Run: node bench/run-ts.js bench/search.ts                                  (SQLite: 200,000 notices)
//      DATABASE_CLIENT=postgres node bench/run-ts.js bench/search.ts         (1,000,000 notices)
// Options (env): BENCH_NOTICES, BENCH_RUNS (timed runs per query, 21), BENCH_SCAN_RUNS (5),
// BENCH_KEEP_DB=true, BENCH_REUSE_DB=<name or file> (measure again without loading).
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { createTestDatabase, usingPostgres } from '../tests/harness/database';
import { SEARCH_TABLE, type SearchService } from '../src/plugins/disclosure/server/src';

const appDir = path.resolve(__dirname, '..');
const PG = usingPostgres();
const NOTICES = Number(process.env.BENCH_NOTICES ?? (PG ? 1_000_000 : 200_000));
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const SCAN_RUNS = Number(process.env.BENCH_SCAN_RUNS ?? 5);
const PUBLISHES = 60;

// Deterministic pseudo-random numbers, so that runs are comparable.
// (mulberry32: 32-bit integer arithmetic, so that no precision is lost as in a float LCG)
let seed = 7;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

/**
 * The vocabulary: OpenCC's Simplified phrase list (real words of two to four characters, some 40,000),
 * shuffled, drawn with a Zipf–Mandelbrot law so that a few words are common and most rare, with the
 * government words the queries use placed at ranks that give them realistic frequencies.
 */
function vocabulary(): string[] {
  const file = require.resolve('opencc-js').replace(/dist[\\/].*$/, 'dist/esm-lib/dict/STPhrases.js');
  const text = fs.readFileSync(file, 'utf8');
  const list = text.slice(text.indexOf('"') + 1, text.lastIndexOf('"'));
  const words = [...new Set(list.split('|').map((pair) => pair.split(' ')[0]))].filter((w) => /^\p{Script=Han}{2,4}$/u.test(w));
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  const placed: Array<[string, number]> = [
    ['工作', 0],
    ['政府', 1],
    ['管理', 3],
    ['通知', 5],
    ['建设', 8],
    ['公开', 12],
    ['群众', 20],
    ['安全', 30],
    ['房屋', 150],
    ['征收', 400],
    ['公示', 250],
    ['低保', 600],
    ['营商环境', 1500],
    ['农村建房', 3000],
  ];
  const rest = words.filter((w) => !placed.some(([p]) => p === w));
  for (const [w, rank] of placed.sort((a, b) => a[1] - b[1])) rest.splice(rank, 0, w);
  return rest;
}

function zipf(size: number): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let r = 0; r < size; r++) cumulative[r] = sum += 1 / (r + 10);
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const PREFIXES = ['壶政发', '壶政办发', '湘乡政发', '湘政办发'];
const SUFFIXES = ['的通知', '的公告', '情况公示', '工作方案', '的实施意见', '工作要点'];
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const TYPES = ['normative-document', 'other-document', 'announcement', 'work-update', 'licensing-decision', 'other'];

function generator() {
  const words = vocabulary();
  const draw = zipf(words.length);
  const phrase = (n: number) => Array.from({ length: n }, () => words[draw()]).join('');
  const body = () => {
    const length = 200 + Math.floor(rnd() * 400);
    let out = '';
    while (out.length < length) {
      out += words[draw()];
      const p = rnd();
      if (p < 0.1) out += '，';
      else if (p < 0.14) out += '。';
    }
    return out + '。';
  };
  return (i: number) => {
    const year = pick(YEARS);
    const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    return {
      kind: 'notice' as const,
      documentId: `bench${String(i).padStart(8, '0')}`,
      title: phrase(4 + Math.floor(rnd() * 5)) + pick(SUFFIXES),
      number: rnd() < 0.3 ? `${pick(PREFIXES)}〔${year}〕${1 + Math.floor(rnd() * 200)}号` : '',
      body: body(),
      organizationDocumentId: `org${Math.floor(rnd() * 20)}`,
      categoryDocumentId: `cat${Math.floor(rnd() * 20)}`,
      year,
      documentType: pick(TYPES),
      releaseDate: `${year}-${month}-${day}`,
    };
  };
}

const QUERIES: Array<{ label: string; q: string }> = [
  { label: 'two characters', q: '低保' },
  { label: 'two characters, common', q: '房屋' },
  { label: 'four characters', q: '农村建房' },
  { label: 'four characters', q: '营商环境' },
  { label: 'two words', q: '房屋 征收' },
  { label: 'two words', q: '低保 公示' },
  { label: '文号', q: '湘政办发〔2024〕45号' },
  { label: '文号', q: '壶政发〔2022〕7号' },
];

async function load(strapi: any): Promise<{ seconds: number; indexSeconds: number }> {
  const service = strapi.plugin('disclosure').service('search') as SearchService;
  const knex = strapi.db.connection;
  const next = generator();
  const t = performance.now();
  let loaded = 0;
  // bulkLoad: PostgreSQL's GIN indexes (SQLite: the FTS5 optimize) are built once at the end, as for an import
  await service.bulkLoad(async () => {
    const batch = PG ? 1000 : 500;
    for (let i = 0; i < NOTICES; i += batch) {
      await service.indexMany(Array.from({ length: Math.min(batch, NOTICES - i) }, (_, j) => next(i + j)));
      if ((i / batch) % 100 === 0) process.stdout.write(`\r  loaded ${i.toLocaleString()}`);
    }
    process.stdout.write('\n');
    loaded = performance.now();
  });
  const seconds = (loaded - t) / 1000;
  const indexSeconds = (performance.now() - loaded) / 1000;
  await knex.raw(PG ? 'VACUUM ANALYZE' : 'ANALYZE');
  return { seconds, indexSeconds };
}

async function sizes(strapi: any): Promise<string> {
  const knex = strapi.db.connection;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  if (PG) {
    const row = (
      await knex.raw(`SELECT pg_relation_size(?) AS gin, pg_relation_size(?) AS title, pg_total_relation_size(?) AS total`, [
        `${SEARCH_TABLE}_tsv`,
        `${SEARCH_TABLE}_tsv_title`,
        SEARCH_TABLE,
      ])
    ).rows[0];
    return `GIN indexes ${mb(Number(row.gin))} (text) and ${mb(Number(row.title))} (titles), table with its text, tsvectors and indexes ${mb(Number(row.total))}`;
  }
  const rows = await knex.raw(`SELECT name, SUM(pgsize) AS bytes FROM dbstat WHERE name LIKE 'disclosure_search%' GROUP BY name`);
  const fts = rows.filter((r: any) => r.name.startsWith('disclosure_search_fts')).reduce((s: number, r: any) => s + Number(r.bytes), 0);
  const entries = rows.filter((r: any) => !r.name.startsWith('disclosure_search_fts')).reduce((s: number, r: any) => s + Number(r.bytes), 0);
  return `FTS5 index ${mb(fts)}, entries table ${mb(entries)}`;
}

/** The baseline: every row whose title, 文号 or body contains each word, as a LIKE search must read them. */
function scan(knex: any, q: string) {
  const like = PG ? 'ILIKE' : 'LIKE';
  const query = knex(SEARCH_TABLE).select('document_id');
  for (const term of q.split(/\s+/)) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query.where((w: any) =>
      w
        .whereRaw(`title ${like} ? ESCAPE '\\'`, [pattern])
        .orWhereRaw(`number ${like} ? ESCAPE '\\'`, [pattern])
        .orWhereRaw(`body ${like} ? ESCAPE '\\'`, [pattern]),
    );
  }
  return query;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function timed(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  await fn(); // warm
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function publishLatency(strapi: any): Promise<{ withIndex: number; without: number }> {
  const docs = strapi.documents('api::notice.notice');
  const org = await strapi
    .documents('api::organization.organization')
    .create({ locale: 'zh-Hans', data: { name: '基准测试镇', code: `B${Date.now() % 1e8}`, level: 'township' } });
  const category = await strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code: 'FDZD.16', locale: 'zh-Hans' } });
  const next = generator();
  const service = strapi.plugin('disclosure').service('search') as SearchService;
  const reindex = service.reindex;
  const samples = { withIndex: [] as number[], without: [] as number[] };
  for (let i = 0; i < PUBLISHES * 2; i++) {
    const n = next(NOTICES + i);
    const draft = await docs.create({
      locale: 'zh-Hans',
      data: {
        title: n.title,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: n.body }] }],
        documentNumber: n.number || null,
        organization: org.documentId,
        category: category.documentId,
        documentType: 'announcement',
        releaseDate: n.releaseDate,
      },
    });
    // alternate, so that drift (caches, the database growing) weighs on both alike
    const indexing = i % 2 === 0;
    service.reindex = indexing ? reindex : async () => undefined;
    const t = performance.now();
    await docs.publish({ documentId: draft.documentId, locale: 'zh-Hans' });
    (indexing ? samples.withIndex : samples.without).push(performance.now() - t);
  }
  service.reindex = reindex;
  return { withIndex: percentile(samples.withIndex, 50), without: percentile(samples.without, 50) };
}

async function main() {
  process.env.NODE_ENV = process.env.NODE_ENV ?? 'test';
  process.env.DEMO_DATA = 'false';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir, ignoreDiagnostics: true });
  const reuse = process.env.BENCH_REUSE_DB;
  if (reuse) {
    // the generated entries belong to no document: start-up would remove them
    process.env.SEARCH_RECONCILE_AT_START = 'false';
    if (PG) process.env.DATABASE_NAME = reuse;
    else process.env.DATABASE_FILENAME = reuse;
  }
  const database = reuse ? { name: reuse, drop: async () => undefined } : await createTestDatabase();
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  try {
    console.log(`database: ${PG ? 'PostgreSQL' : 'SQLite'} (${database.name})`);
    if (!reuse) {
      const { seconds, indexSeconds } = await load(strapi);
      console.log(
        `loaded ${NOTICES.toLocaleString()} generated notices (tokens and rows) in ${seconds.toFixed(0)} s; ` +
          (PG ? `GIN indexes built in ${indexSeconds.toFixed(0)} s` : `FTS5 filled during the load, optimized in ${indexSeconds.toFixed(0)} s`),
      );
    }
    console.log(`size: ${await sizes(strapi)}`);
    const service = strapi.plugin('disclosure').service('search') as SearchService;
    const knex = strapi.db.connection;
    const ratios: number[] = [];
    const p95s: number[] = [];
    console.log('query                          hits     index p50 / p95 ms      scan p50 / p95 ms      p95 ratio');
    for (const { label, q } of QUERIES) {
      const found = new Set(await service.allHits({ q, locale: 'zh-Hans' }));
      const scanned: Set<string> = new Set((await scan(knex, q)).map((r: any) => r.document_id));
      const same = found.size === scanned.size && [...found].every((id) => scanned.has(id));
      if (!same) throw new Error(`"${q}": the index found ${found.size}, the scan ${scanned.size}: not the same documents`);
      const index = await timed(() => service.search({ q, locale: 'zh-Hans', page: 1, pageSize: 10 }), RUNS);
      const base = await timed(() => scan(knex, q), SCAN_RUNS);
      const ratio = percentile(base, 95) / percentile(index, 95);
      ratios.push(ratio);
      p95s.push(percentile(index, 95));
      console.log(
        `${`${label}: ${q}`.padEnd(30)} ${String(found.size).padStart(7)}   ${percentile(index, 50).toFixed(1).padStart(7)} / ${percentile(index, 95).toFixed(1).padEnd(9)}` +
          `   ${percentile(base, 50).toFixed(0).padStart(7)} / ${percentile(base, 95).toFixed(0).padEnd(9)}   ${ratio.toFixed(0)}×`,
      );
    }
    console.log(
      `worst p95: ${Math.max(...p95s).toFixed(1)} ms (target ≤ 50 ms at 1M on PostgreSQL); smallest p95 ratio scan/index: ${Math.min(...ratios).toFixed(0)}× (target ≥ 50×); ` +
        `every query found the same documents as the scan`,
    );
    const publish = await publishLatency(strapi);
    console.log(
      `publish (median of ${PUBLISHES}): ${publish.withIndex.toFixed(1)} ms with indexing, ${publish.without.toFixed(1)} ms without → ` +
        `${(publish.withIndex / publish.without).toFixed(2)}× (target ≤ 1.2×)`,
    );
  } finally {
    // a background task may still wait for a connection as the pool closes (knex rejects it outside any
    // promise of ours): not a measurement's concern
    process.on('unhandledRejection', (error: Error) => console.warn(`shutdown: ${error.message}`));
    await strapi.destroy().catch((error: Error) => console.warn(`shutdown: ${error.message}`));
    if (process.env.BENCH_KEEP_DB !== 'true') await database.drop();
    else console.log(`kept the database: BENCH_REUSE_DB=${database.name}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
