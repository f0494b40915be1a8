// Online applications under load, over loopback HTTP: 200 valid submissions at once (a fifth with a PDF
// attachment) together with 100 malformed ones. Every valid one must be stored exactly once with its own
// tracking number and answer its lookup with its query code; every malformed one a 4xx; nothing a 5xx.
// Latency is reported against the health route's under the same concurrency, measured in the same run.
// Run: node bench/run-ts.js bench/apply.ts   (DATABASE_CLIENT=postgres for PostgreSQL)
// Options (env): BENCH_APPLY_VALID (default 200), BENCH_APPLY_MALFORMED (default 100).
import http from 'http';
import path from 'path';
import { performance } from 'perf_hooks';
import { createTestDatabase } from '../tests/harness/database';

const appDir = path.resolve(__dirname, '..');
const VALID = Number(process.env.BENCH_APPLY_VALID ?? 200);
const MALFORMED = Number(process.env.BENCH_APPLY_MALFORMED ?? 100);
const UID = 'api::disclosure-application.disclosure-application';
const PDF = Buffer.from(`%PDF-1.4\n${'0'.repeat(20_000)}\n%%EOF\n`);

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const fmt = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;

/** A valid resident ID number for a sequence number (GB 11643 check character). */
function residentId(i: number): string {
  const body = `430381${1960 + (i % 40)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, k) => s + Number(d) * w[k], 0);
  return body + '10X98765432'[sum % 11];
}

type Answer = { status: number; body: any };

/**
 * One request on its own connection (no keep-alive: a pooled socket the server closes while idle would be
 * counted as a failure of the app); a connection error is status 0.
 */
function send(origin: string, method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(
      `${origin}${path}`,
      { method, agent: false, headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let parsed: any = null;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', (error) => resolve({ status: 0, body: { error: String(error) } }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const json = (origin: string, path: string, value: unknown) =>
  send(origin, 'POST', path, typeof value === 'string' ? value : JSON.stringify(value), { 'Content-Type': 'application/json' });

async function multipart(origin: string, path: string, form: FormData) {
  const encoded = new Response(form);
  return send(origin, 'POST', path, Buffer.from(await encoded.arrayBuffer()), { 'Content-Type': encoded.headers.get('content-type')! });
}

async function timed(run: () => Promise<Answer>): Promise<Answer & { ms: number }> {
  const t = performance.now();
  const answer = await run();
  return { ms: performance.now() - t, ...answer };
}

async function main() {
  process.env.NODE_ENV = 'test';
  process.env.DEMO_DATA = 'false';
  process.env.LOG_LEVEL = 'error';
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
    // every request comes from this one loopback client: the per-client limits (tested on their own) are lifted
    strapi.config.set('plugin::disclosure.onlineLimits', {
      attempts: { hits: 100_000 },
      perClient: { hits: 100_000 },
      perOrganization: { hits: 100_000 },
      lookupsPerClient: { hits: 100_000 },
      lookupsPerNumber: { hits: 100_000 },
    });
    const origin = `http://127.0.0.1:${(strapi.server.httpServer.address() as any).port}`;
    const org = await strapi
      .documents('api::organization.organization')
      .create({ locale: 'zh-Hans', data: { name: '基准镇人民政府', code: '430381198', level: 'township' } as any });
    const fields = (i: number): Record<string, string> => ({
      organization: org.documentId,
      applicantType: 'naturalPerson',
      applicantName: `申请人${i}`,
      idType: 'resident-id',
      idNumber: residentId(i),
      phone: `139${String(i).padStart(8, '0')}`,
      deliveryMethod: 'postal-mail',
      medium: 'paper',
      address: `湖南省湘乡市壶天镇${i}号`,
      requestedContent: `请公开本镇2026年第${i}批农村危房改造补助对象名单及补助标准`,
      consent: 'true',
    });
    const SUBMIT = '/api/disclosure/online-applications';
    const submitValid = (i: number) => () => {
      if (i % 5 !== 0) return json(origin, SUBMIT, fields(i));
      const form = new FormData();
      for (const [k, v] of Object.entries(fields(i))) form.append(k, v);
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), `证明${i}.pdf`);
      return multipart(origin, SUBMIT, form);
    };
    const malformed = (i: number) => () => {
      const kinds: (() => Record<string, string> | string)[] = [
        () => ({ ...fields(i), idNumber: residentId(i).slice(0, 17) + (residentId(i)[17] === '0' ? '1' : '0') }),
        () => ({ ...fields(i), applicantName: '' }),
        () => ({ ...fields(i), website: 'http://spam.example' }),
        () => ({ ...fields(i), organization: 'nosuchorganization' }),
        () => '{"organization": ',
        () => ({ ...fields(i), requestedContent: '字'.repeat(5000) }),
      ];
      return json(origin, SUBMIT, kinds[i % kinds.length]());
    };

    // baseline: the health route under the same concurrency
    const health = await Promise.all(Array.from({ length: VALID + MALFORMED }, () => timed(() => send(origin, 'GET', '/api/disclosure/health'))));
    const t0 = performance.now();
    const jobs = [
      ...Array.from({ length: VALID }, (_, i) => ({ valid: true, run: submitValid(i + 1) })),
      ...Array.from({ length: MALFORMED }, (_, i) => ({ valid: false, run: malformed(i) })),
    ];
    // valid and malformed requests interleaved
    const order = jobs.map((j, k) => ({ j, key: (k * 7919) % jobs.length })).sort((a, b) => a.key - b.key);
    const results = await Promise.all(order.map(async ({ j }) => ({ valid: j.valid, ...(await timed(j.run)) })));
    const wall = (performance.now() - t0) / 1000;

    const valid = results.filter((r) => r.valid);
    const bad = results.filter((r) => !r.valid);
    const created = valid.filter((r) => r.status === 201);
    const numbers = new Set(created.map((r) => r.body.data.trackingNumber));
    const stored: any[] = await strapi.db.query(UID as any).findMany({ where: { organization: { documentId: org.documentId } }, select: ['trackingNumber'] });
    const storedNumbers = new Set(stored.map((r) => r.trackingNumber));
    const lookups = await Promise.all(
      created.map((r) => timed(() => json(origin, `${SUBMIT}/lookup`, { trackingNumber: r.body.data.trackingNumber, queryCode: r.body.data.queryCode }))),
    );
    const files: number = await strapi.db
      .connection('disclosure_application_files')
      .count({ n: '*' })
      .first()
      .then((r: any) => Number(r.n));
    const serverErrors = results.filter((r) => r.status >= 500).length + lookups.filter((r) => r.status >= 500).length;
    const statuses = (rs: { status: number }[]) =>
      Object.entries(rs.reduce((m: Record<number, number>, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {}))
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');

    console.log(
      `online applications bench (${process.env.DATABASE_CLIENT ?? 'sqlite'}): ${VALID} valid + ${MALFORMED} malformed submissions at once, ${wall.toFixed(1)} s`,
    );
    console.log(`valid submissions:     ${statuses(valid)}; ${fmt(valid.map((r) => r.ms))}`);
    console.log(`malformed submissions: ${statuses(bad)}; ${fmt(bad.map((r) => r.ms))}`);
    console.log(`lookups of every receipt (${lookups.length} at once): ${statuses(lookups)}; ${fmt(lookups.map((r) => r.ms))}`);
    console.log(`health under the same concurrency (baseline): ${fmt(health.map((r) => r.ms))}`);
    console.log(
      `p95 ratio submission/health: ${(
        quantile(
          valid.map((r) => r.ms),
          0.95,
        ) /
        quantile(
          health.map((r) => r.ms),
          0.95,
        )
      ).toFixed(1)}×`,
    );
    console.log(`stored: ${stored.length} applications, ${numbers.size} distinct tracking numbers answered, ${files} attachments; 5xx: ${serverErrors}`);
    const ok =
      created.length === VALID &&
      numbers.size === VALID &&
      stored.length === VALID &&
      [...numbers].every((n) => storedNumbers.has(n)) &&
      bad.every((r) => r.status >= 400 && r.status < 500) &&
      lookups.every((r) => r.status === 200) &&
      files === Math.floor(VALID / 5) &&
      serverErrors === 0;
    console.log(ok ? 'every valid submission stored once, none lost, every malformed one refused: targets met' : 'TARGET MISSED');
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
