// Stats service vs one hand-written SQL query vs the Document Service, on bulk-loaded synthetic data.
// Run: node bench/run-ts.js bench/stats.ts            (SQLite: 200,000 notices)
//      DATABASE_CLIENT=postgres node bench/run-ts.js bench/stats.ts   (1,000,000 notices, 100,000 applications)
// Options (env): BENCH_NOTICES, BENCH_APPLICATIONS, BENCH_DS_BUDGET_MS (Document Service time budget),
// BENCH_KEEP_DB=true (keep the loaded database), BENCH_REUSE_DB=<name or file> (measure again without loading).
import path from 'path';
import { performance } from 'perf_hooks';
import { createTestDatabase, usingPostgres } from '../tests/harness/database';

const appDir = path.resolve(__dirname, '..');
const PG = usingPostgres();
const NOTICES = Number(process.env.BENCH_NOTICES ?? (PG ? 1_000_000 : 200_000));
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? (PG ? 100_000 : 20_000));
const REVIEWS = Math.round(APPLICATIONS / 20);
const DS_BUDGET_MS = Number(process.env.BENCH_DS_BUDGET_MS ?? 120_000);
const ORGS = 20; // B000 (the measured one, 40% of all rows) and 19 others
const TARGET = 'B000';
const YEAR = 2024;
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const LOCALE = 'zh-Hans';
const DOC_TYPES = ['regulation', 'normative-document', 'other-document', 'policy-interpretation', 'licensing-decision', 'punishment-decision', 'enforcement-decision', 'work-update', 'announcement', 'other'];
const APPLICANT_TYPES = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'];
const OUTCOMES = [
  'granted', 'partlyGranted', 'withheld.stateSecret', 'withheld.prohibitedByLaw', 'withheld.securityStability', 'withheld.thirdPartyRights',
  'withheld.internalAffairs', 'withheld.processInformation', 'withheld.enforcementFile', 'withheld.queryMatter', 'unavailable.notHeld',
  'unavailable.needsCreation', 'unavailable.stillUnclear', 'notProcessed.petition', 'notProcessed.repeated', 'notProcessed.publication',
  'notProcessed.excessive', 'notProcessed.confirmation', 'other.noCorrection', 'other.feeUnpaid', 'other.other',
];

// Deterministic pseudo-random numbers, so that runs are comparable.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (year: number) => `${year}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

function meta(strapi: any, uid: string) {
  const m = strapi.db.metadata.get(uid);
  const col = (a: string) => m.attributes[a].columnName ?? a;
  const link = (a: string) => {
    const jt = m.attributes[a].joinTable;
    return { table: jt.name as string, own: jt.joinColumn.name as string, target: jt.inverseJoinColumn.name as string, ord: jt.orderColumnName as string | undefined };
  };
  return { table: m.tableName as string, col, link };
}

async function insertAll(knex: any, table: string, rows: Record<string, unknown>[], chunk: number) {
  for (let i = 0; i < rows.length; i += chunk) await knex(table).insert(rows.slice(i, i + chunk));
}

async function nextId(knex: any, table: string): Promise<number> {
  const [{ max }] = await knex(table).max({ max: 'id' });
  return Number(max ?? 0) + 1;
}

async function fixSequence(knex: any, table: string) {
  if (PG) await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM ??))`, [table, table]);
}

async function time<T>(fn: () => Promise<T>, runs = 7): Promise<{ ms: number; result: T }> {
  let result = await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    result = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

async function load(strapi: any) {
  const knex = strapi.db.connection;
  const t0 = performance.now();
  const orgIds: number[] = [];
  for (let i = 0; i < ORGS; i += 1) {
    const o = await strapi.documents('api::organization.organization').create({
      locale: LOCALE,
      data: { code: `B${String(i).padStart(3, '0')}`, name: `基准测试机关${i}`, level: 'township' },
    });
    orgIds.push(o.id);
  }
  const orgFor = () => (rnd() < 0.4 ? orgIds[0] : orgIds[1 + Math.floor(rnd() * (ORGS - 1))]);
  const categories = (await knex(meta(strapi, 'api::disclosure-category.disclosure-category').table).where('locale', LOCALE).select('id')).map((r: any) => r.id);

  // Notices: published rows in the source locale, with their organization and category links.
  const n = meta(strapi, 'api::notice.notice');
  const nOrg = n.link('organization');
  const nCat = n.link('category');
  const now = new Date();
  const chunk = PG ? 2000 : 500;
  let id = await nextId(knex, n.table);
  for (let start = 0; start < NOTICES; start += 50_000) {
    const count = Math.min(50_000, NOTICES - start);
    const rows: Record<string, unknown>[] = [];
    const orgLinks: Record<string, unknown>[] = [];
    const catLinks: Record<string, unknown>[] = [];
    for (let i = 0; i < count; i += 1, id += 1) {
      const type = pick(DOC_TYPES);
      const release = dateIn(pick(YEARS));
      const gone = rnd() < 0.1;
      rows.push({
        id,
        [n.col('documentId')]: `bench${String(id).padStart(19, '0')}`,
        [n.col('title')]: `基准文件${id}`,
        [n.col('documentType')]: type,
        [n.col('writtenDate')]: rnd() < 0.8 ? addDays(release, -Math.floor(rnd() * 20)) : null,
        [n.col('releaseDate')]: release,
        [n.col('validity')]: gone ? pick(['abolished', 'expired']) : type === 'regulation' || type === 'normative-document' ? 'in-force' : 'not-applicable',
        [n.col('abolishedDate')]: gone ? dateIn(pick(YEARS)) : null,
        [n.col('locale')]: LOCALE,
        [n.col('publishedAt')]: now,
        [n.col('createdAt')]: now,
        [n.col('updatedAt')]: now,
      });
      orgLinks.push({ [nOrg.own]: id, [nOrg.target]: orgFor() });
      if (rnd() < 0.95) catLinks.push({ [nCat.own]: id, [nCat.target]: pick(categories) });
    }
    await knex.transaction(async (trx: any) => {
      await insertAll(trx, n.table, rows, Math.floor(chunk / 2));
      await insertAll(trx, nOrg.table, orgLinks, chunk);
      await insertAll(trx, nCat.table, catLinks, chunk);
    });
  }
  await fixSequence(knex, n.table);

  // Applications (no draft & publish, not localized) and review cases.
  const a = meta(strapi, 'api::disclosure-application.disclosure-application');
  const aOrg = a.link('organization');
  let aid = await nextId(knex, a.table);
  const apps: Record<string, unknown>[] = [];
  const appLinks: Record<string, unknown>[] = [];
  for (let i = 0; i < APPLICATIONS; i += 1, aid += 1) {
    const received = dateIn(pick(YEARS));
    const open = rnd() < 0.1;
    const outcome = pick(OUTCOMES);
    apps.push({
      id: aid,
      [a.col('documentId')]: `bencha${String(aid).padStart(18, '0')}`,
      [a.col('trackingNumber')]: `BENCH-${aid}`,
      [a.col('applicantType')]: pick(APPLICANT_TYPES),
      [a.col('channel')]: 'online',
      [a.col('receivedDate')]: received,
      [a.col('applicationStatus')]: open ? 'received' : outcome.startsWith('notProcessed') || outcome.startsWith('other') ? 'closed' : 'answered',
      [a.col('outcome')]: open ? null : outcome,
      [a.col('answeredDate')]: open ? null : addDays(received, 1 + Math.floor(rnd() * 40)),
      [a.col('feeYuan')]: !open && rnd() < 0.05 ? 10 : null,
      [a.col('publishedAt')]: now,
      [a.col('createdAt')]: now,
      [a.col('updatedAt')]: now,
    });
    appLinks.push({ [aOrg.own]: aid, [aOrg.target]: orgFor() });
  }
  await knex.transaction(async (trx: any) => {
    await insertAll(trx, a.table, apps, Math.floor(chunk / 2));
    await insertAll(trx, aOrg.table, appLinks, chunk);
  });
  await fixSequence(knex, a.table);

  const r = meta(strapi, 'api::review-case.review-case');
  const rOrg = r.link('organization');
  let rid = await nextId(knex, r.table);
  const cases: Record<string, unknown>[] = [];
  const caseLinks: Record<string, unknown>[] = [];
  for (let i = 0; i < REVIEWS; i += 1, rid += 1) {
    const filed = dateIn(pick(YEARS));
    const result = pick(['upheld', 'corrected', 'other', 'pending']);
    cases.push({
      id: rid,
      [r.col('documentId')]: `benchr${String(rid).padStart(18, '0')}`,
      [r.col('kind')]: pick(['review', 'lawsuitDirect', 'lawsuitAfterReview']),
      [r.col('filedDate')]: filed,
      [r.col('result')]: result,
      [r.col('concludedDate')]: result === 'pending' ? null : addDays(filed, 30 + Math.floor(rnd() * 90)),
      [r.col('publishedAt')]: now,
      [r.col('createdAt')]: now,
      [r.col('updatedAt')]: now,
    });
    caseLinks.push({ [rOrg.own]: rid, [rOrg.target]: orgFor() });
  }
  await knex.transaction(async (trx: any) => {
    await insertAll(trx, r.table, cases, Math.floor(chunk / 2));
    await insertAll(trx, rOrg.table, caseLinks, chunk);
  });
  await fixSequence(knex, r.table);
  if (PG) await knex.raw('ANALYZE');
  else await knex.raw('ANALYZE');
  return (performance.now() - t0) / 1000;
}

/** The same numbers as the stats service, in one statement written by hand. */
function handQuery(strapi: any) {
  const n = meta(strapi, 'api::notice.notice');
  const nOrg = n.link('organization');
  const nCat = n.link('category');
  const c = meta(strapi, 'api::disclosure-category.disclosure-category');
  const cParent = c.link('parent');
  const o = meta(strapi, 'api::organization.organization');
  const a = meta(strapi, 'api::disclosure-application.disclosure-application');
  const aOrg = a.link('organization');
  const r = meta(strapi, 'api::review-case.review-case');
  const rOrg = r.link('organization');
  const month = PG ? `CAST(CAST(EXTRACT(MONTH FROM ${n.col('releaseDate')}) AS INTEGER) AS TEXT)` : `CAST(CAST(substr(${n.col('releaseDate')}, 6, 2) AS INTEGER) AS TEXT)`;
  const issuedOn = `COALESCE(${n.col('writtenDate')}, ${n.col('releaseDate')})`;
  const sql = `
WITH orgs AS (SELECT id FROM ${o.table} WHERE ${o.col('code')} = :code),
n AS (
  SELECT n.id, n.${n.col('documentId')} AS doc, n.${n.col('documentType')} AS type, n.${n.col('writtenDate')} AS ${n.col('writtenDate')},
         n.${n.col('releaseDate')} AS ${n.col('releaseDate')}, n.${n.col('validity')} AS validity, n.${n.col('abolishedDate')} AS abolished
  FROM ${n.table} n JOIN ${nOrg.table} l ON l.${nOrg.own} = n.id
  WHERE l.${nOrg.target} IN (SELECT id FROM orgs) AND n.${n.col('publishedAt')} IS NOT NULL AND n.${n.col('locale')} = :locale
),
ny AS (SELECT * FROM n WHERE ${n.col('releaseDate')} BETWEEN :from AND :to),
d AS (SELECT * FROM n WHERE type IN ('regulation', 'normative-document')),
a AS (
  SELECT a.${a.col('documentId')} AS doc, a.${a.col('applicantType')} AS type, a.${a.col('receivedDate')} AS received,
         a.${a.col('applicationStatus')} AS status, a.${a.col('outcome')} AS outcome, a.${a.col('answeredDate')} AS answered, a.${a.col('feeYuan')} AS fee
  FROM ${a.table} a JOIN ${aOrg.table} l ON l.${aOrg.own} = a.id WHERE l.${aOrg.target} IN (SELECT id FROM orgs)
),
r AS (
  SELECT DISTINCT r.${r.col('documentId')} AS doc, r.${r.col('kind')} AS kind,
    CASE WHEN r.${r.col('concludedDate')} IS NOT NULL AND r.${r.col('concludedDate')} <= :to AND r.${r.col('result')} <> 'pending' THEN r.${r.col('result')} ELSE 'pending' END AS res
  FROM ${r.table} r JOIN ${rOrg.table} l ON l.${rOrg.own} = r.id
  WHERE l.${rOrg.target} IN (SELECT id FROM orgs) AND r.${r.col('filedDate')} BETWEEN :from AND :to
)
SELECT 'category' AS k, c.${c.col('code')} AS x, NULL AS y, COUNT(DISTINCT ny.doc) AS v
  FROM ny LEFT JOIN ${nCat.table} cl ON cl.${nCat.own} = ny.id LEFT JOIN ${c.table} c ON c.id = cl.${nCat.target} GROUP BY c.${c.col('code')}
UNION ALL SELECT 'month', ${month}, NULL, COUNT(DISTINCT doc) FROM ny GROUP BY ${month}
UNION ALL SELECT 'type', type, NULL, COUNT(DISTINCT doc) FROM ny GROUP BY type
UNION ALL SELECT 'total', NULL, NULL, COUNT(DISTINCT doc) FROM ny
UNION ALL SELECT 'issued', type, NULL, COUNT(DISTINCT doc) FROM d WHERE ${issuedOn} BETWEEN :from AND :to GROUP BY type
UNION ALL SELECT 'abolished', type, NULL, COUNT(DISTINCT doc) FROM d WHERE validity IN ('abolished', 'expired') AND abolished BETWEEN :from AND :to GROUP BY type
UNION ALL SELECT 'inForce', type, NULL, COUNT(DISTINCT doc) FROM d
  WHERE ${issuedOn} <= :to AND (validity NOT IN ('abolished', 'expired') OR abolished IS NULL OR abolished > :to) GROUP BY type
UNION ALL SELECT 'releasedToDate', type, NULL, COUNT(DISTINCT doc) FROM n WHERE ${n.col('releaseDate')} <= :to GROUP BY type
UNION ALL SELECT 'received', type, NULL, COUNT(DISTINCT doc) FROM a WHERE received BETWEEN :from AND :to GROUP BY type
UNION ALL SELECT 'carriedIn', type, NULL, COUNT(DISTINCT doc) FROM a
  WHERE received < :from AND (status NOT IN ('answered', 'closed') OR answered IS NULL OR answered >= :from) GROUP BY type
UNION ALL SELECT 'carriedOut', type, NULL, COUNT(DISTINCT doc) FROM a
  WHERE received <= :to AND (status NOT IN ('answered', 'closed') OR answered IS NULL OR answered > :to) GROUP BY type
UNION ALL SELECT 'outcome', outcome, type, COUNT(DISTINCT doc) FROM a
  WHERE status IN ('answered', 'closed') AND answered BETWEEN :from AND :to AND outcome IS NOT NULL GROUP BY outcome, type
UNION ALL SELECT 'fee', NULL, NULL, SUM(fee) FROM a WHERE status IN ('answered', 'closed') AND answered BETWEEN :from AND :to
UNION ALL SELECT 'review', kind, res, COUNT(*) FROM r GROUP BY kind, res
UNION ALL SELECT 'tree', c.${c.col('code')}, p.${c.col('code')}, c.${c.col('sortOrder')}
  FROM ${c.table} c LEFT JOIN ${cParent.table} cp ON cp.${cParent.own} = c.id LEFT JOIN ${c.table} p ON p.id = cp.${cParent.target}
  WHERE c.${c.col('locale')} = :locale`;
  return () =>
    strapi.db.connection.raw(sql, { code: TARGET, locale: LOCALE, from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }).then((res: any) => (PG ? res.rows : res));
}

/** Fetch the rows through the Document Service and count in JavaScript (what the stats service avoids). */
async function documentServiceCount(strapi: any) {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const t = performance.now();
  const byMonth = Array.from({ length: 12 }, () => 0);
  const byType: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  let fetched = 0;
  let complete = true;
  const pageSize = 1000;
  for (let start = 0; ; start += pageSize) {
    const page = await strapi.documents('api::notice.notice').findMany({
      status: 'published',
      locale: LOCALE,
      // Table 2 (in force on 31 December, issued, abolished) needs the organization's history, not only the year.
      filters: { organization: { code: { $eq: TARGET } }, $or: [{ releaseDate: { $lte: to } }, { writtenDate: { $lte: to } }] },
      fields: ['documentType', 'releaseDate', 'writtenDate', 'validity', 'abolishedDate'],
      populate: { category: { fields: ['code'] } },
      sort: ['id:asc'],
      start,
      limit: pageSize,
    });
    for (const row of page) {
      if (!(row.releaseDate >= from && row.releaseDate <= to)) continue;
      byMonth[Number(String(row.releaseDate).slice(5, 7)) - 1] += 1;
      byType[row.documentType] = (byType[row.documentType] ?? 0) + 1;
      const code = row.category?.code ?? '';
      byCategory[code] = (byCategory[code] ?? 0) + 1;
    }
    fetched += page.length;
    if (page.length < pageSize) break;
    if (performance.now() - t > DS_BUDGET_MS) {
      complete = false;
      break;
    }
  }
  let apps = 0;
  if (complete) {
    for (let start = 0; ; start += pageSize) {
      const page = await strapi.documents('api::disclosure-application.disclosure-application').findMany({
        filters: { organization: { code: { $eq: TARGET } }, receivedDate: { $lte: to } },
        fields: ['applicantType', 'receivedDate', 'applicationStatus', 'outcome', 'answeredDate', 'feeYuan'],
        start,
        limit: pageSize,
      });
      apps += page.length;
      if (page.length < pageSize) break;
    }
  }
  return { ms: performance.now() - t, fetched, complete, apps, total: Object.values(byType).reduce((s, x) => s + x, 0), byMonth };
}

async function noticesToDate(strapi: any): Promise<number> {
  return strapi.documents('api::notice.notice').count({
    status: 'published',
    locale: LOCALE,
    filters: { organization: { code: { $eq: TARGET } }, $or: [{ releaseDate: { $lte: `${YEAR}-12-31` } }, { writtenDate: { $lte: `${YEAR}-12-31` } }] },
  });
}

async function main() {
  process.env.NODE_ENV = process.env.NODE_ENV ?? 'test';
  process.env.DEMO_DATA = 'false';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir, ignoreDiagnostics: true });
  // BENCH_REUSE_DB=<database name or SQLite file> measures again on data loaded by an earlier run (BENCH_KEEP_DB=true).
  const reuse = process.env.BENCH_REUSE_DB;
  if (reuse) {
    if (PG) process.env.DATABASE_NAME = reuse;
    else process.env.DATABASE_FILENAME = reuse;
  }
  const database = reuse ? { name: reuse, drop: async () => undefined } : await createTestDatabase();
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  try {
    console.log(`database: ${PG ? 'PostgreSQL' : 'SQLite'} (${database.name})`);
    const loadSeconds = reuse ? 0 : await load(strapi);
    if (!reuse) console.log(`loaded ${NOTICES.toLocaleString()} notices, ${APPLICATIONS.toLocaleString()} applications, ${REVIEWS.toLocaleString()} review cases in ${loadSeconds.toFixed(1)} s`);

    const service = strapi.plugin('disclosure').service('stats');
    const viaService = await time(() => service.organizationYear({ organization: TARGET, year: YEAR }));
    const viaSql = await time(handQuery(strapi));
    const s: any = viaService.result;
    const rows: any[] = viaSql.result as any[];
    const sqlTotal = Number(rows.find((row) => row.k === 'total')?.v ?? -1);
    const sqlReceived = rows.filter((row) => row.k === 'received').reduce((sum, row) => sum + Number(row.v), 0);
    const agree = sqlTotal === s.notices.total && sqlReceived === s.tables.applications.received.total;
    console.log(`organization-year ${TARGET}/${YEAR}: ${s.notices.total.toLocaleString()} notices published, ${s.tables.applications.received.total} applications received`);
    console.log(`stats service            ${viaService.ms.toFixed(1)} ms (median of 7)`);
    console.log(`one hand-written query   ${viaSql.ms.toFixed(1)} ms (median of 7)  → service/query = ${(viaService.ms / viaSql.ms).toFixed(2)}× (target ≤ 1.5×); same numbers: ${agree ? 'yes' : 'NO'}`);

    const ds = await documentServiceCount(strapi);
    const dsTotal = ds.complete ? ds.ms : (ds.ms / ds.fetched) * (await noticesToDate(strapi)); // linear extrapolation when over budget
    console.log(
      `Document Service + JS    ${ds.complete ? '' : '~'}${dsTotal.toFixed(0)} ms for ${ds.complete ? `all ${ds.fetched.toLocaleString()}` : `${ds.fetched.toLocaleString()} of the`} notices up to ${YEAR}-12-31` +
        `${ds.complete ? ` (+ ${ds.apps.toLocaleString()} applications)` : ', extrapolated'} → ${(dsTotal / viaService.ms).toFixed(0)}× slower than the service (target ≥ 100×)` +
        (ds.complete ? `; same total: ${ds.total === s.notices.total ? 'yes' : 'NO'}` : ''),
    );
  } finally {
    await strapi.destroy();
    if (process.env.BENCH_KEEP_DB !== 'true') await database.drop();
    else console.log(`kept the database: BENCH_REUSE_DB=${database.name}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
