// Stats service vs one hand-written SQL query vs the Document Service, on bulk-loaded synthetic data:
// all three compute the same numbers of one organization-year (checked), on the same database.
// Run: node bench/run-ts.js bench/stats.ts            (SQLite: 200,000 notices)
//      DATABASE_CLIENT=postgres node bench/run-ts.js bench/stats.ts   (1,000,000 notices, 100,000 applications)
// Options (env): BENCH_NOTICES, BENCH_APPLICATIONS,
// BENCH_KEEP_DB=true (keep the loaded database), BENCH_REUSE_DB=<name or file> (measure again without loading).
import path from 'path';
import { performance } from 'perf_hooks';
import { createTestDatabase, usingPostgres } from '../tests/harness/database';
import { OUTCOME_CODES } from '../src/plugins/disclosure/server/src';

const appDir = path.resolve(__dirname, '..');
const PG = usingPostgres();
const NOTICES = Number(process.env.BENCH_NOTICES ?? (PG ? 1_000_000 : 200_000));
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? (PG ? 100_000 : 20_000));
const REVIEWS = Math.round(APPLICATIONS / 20);
const ORGS = 20; // B000 (the measured one, 40% of all rows) and 19 others
const TARGET = 'B000';
const YEAR = 2024;
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const LOCALE = 'zh-Hans';
const DOC_TYPES = [
  'regulation',
  'normative-document',
  'other-document',
  'policy-interpretation',
  'licensing-decision',
  'punishment-decision',
  'enforcement-decision',
  'work-update',
  'announcement',
  'other',
];
const APPLICANT_TYPES = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'];
const OUTCOMES = OUTCOME_CODES;

// Deterministic pseudo-random numbers, so that runs are comparable.
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (year: number) => `${year}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

function meta(strapi: any, uid: string) {
  const m = strapi.db.metadata.get(uid);
  const col = (a: string) => m.attributes[a].columnName ?? a;
  const link = (a: string) => {
    const jt = m.attributes[a].joinTable;
    return {
      table: jt.name as string,
      own: jt.joinColumn.name as string,
      target: jt.inverseJoinColumn.name as string,
      ord: jt.orderColumnName as string | undefined,
    };
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

/**
 * What a live database has after a bulk load (autovacuum, or an operator): planner statistics and,
 * on PostgreSQL, the visibility map that lets index-only scans skip the table.
 */
async function analyze(knex: any) {
  await knex.raw(PG ? 'VACUUM ANALYZE' : 'ANALYZE');
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
  const categories = (await knex(meta(strapi, 'api::disclosure-category.disclosure-category').table).where('locale', LOCALE).select('id')).map(
    (r: any) => r.id,
  );

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
  await analyze(knex);
  return (performance.now() - t0) / 1000;
}

type Numbers = Map<string, number>;

/** Adds `value` under `key`, keeping only non-zero counts so that the three ways compare key for key. */
function add(numbers: Numbers, key: string, value: number) {
  const sum = (numbers.get(key) ?? 0) + value;
  if (sum === 0) numbers.delete(key);
  else numbers.set(key, sum);
}

/** Every number the service returns for a 2021-format year, flattened (decisions are the counts by document type). */
function serviceNumbers(s: any): Numbers {
  const out: Numbers = new Map();
  add(out, 'total', s.notices.total);
  s.notices.byMonth.forEach((v: number, i: number) => add(out, `month.${i + 1}`, v));
  for (const [t, v] of Object.entries(s.notices.byDocumentType)) add(out, `type.${t}`, v as number);
  for (const c of s.notices.byCategory) add(out, `category.${c.code}`, c.count);
  add(out, 'category.', s.notices.uncategorised);
  for (const [row, type] of [
    ['regulations', 'regulation'],
    ['normativeDocuments', 'normative-document'],
  ]) {
    for (const m of ['issued', 'abolished', 'inForce']) add(out, `${m}.${type}`, s.tables.proactive[row][m]);
  }
  for (const [row, cols] of Object.entries(s.tables.applications as Record<string, Record<string, number>>)) {
    if (row === 'closedTotal') continue;
    for (const col of APPLICANT_TYPES) add(out, `app.${row}.${col}`, cols[col]);
  }
  add(out, 'fee', s.processingFeeYuan);
  for (const [kind, results] of Object.entries(s.tables.reviewsAndLawsuits as Record<string, Record<string, number>>)) {
    for (const r of ['upheld', 'corrected', 'other', 'pending']) add(out, `review.${kind}.${r}`, results[r]);
  }
  return out;
}

function differences(a: Numbers, b: Numbers): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0)) > 1e-6).map((k) => `${k}: ${a.get(k) ?? 0} vs ${b.get(k) ?? 0}`);
}

const months = () => Array.from({ length: 12 }, (_, i) => [`${YEAR}-${pad(i + 1)}-01`, i === 11 ? `${YEAR + 1}-01-01` : `${YEAR}-${pad(i + 2)}-01`]);

/**
 * The same numbers as the stats service (2021 format), in one statement written by hand: one grouped
 * pass per source (the year's notices by category with month and type columns, the documents, the
 * applications, the review cases) and the category tree, as UNION ALL of rows (k, x, y, v0…v24).
 * COUNT(*) as in the service: at most one published row per document and locale, to-one relations.
 * Notices and applications are selected by the organization's documentId in their link columns, as
 * a hand-writer who knows the schema would (the Document Service count below reads the link tables,
 * so "same numbers" also checks that the columns agree with them).
 */
function handQuery(strapi: any, orgIds: number[], orgDocumentIds: string[]) {
  const n = meta(strapi, 'api::notice.notice');
  const c = meta(strapi, 'api::disclosure-category.disclosure-category');
  const cParent = c.link('parent');
  const a = meta(strapi, 'api::disclosure-application.disclosure-application');
  const r = meta(strapi, 'api::review-case.review-case');
  const rOrg = r.link('organization');
  const from = `'${YEAR}-01-01'`;
  const to = `'${YEAR}-12-31'`;
  const WIDTH = 25;
  const values = (vs: string[]) => [...vs, ...Array(WIDTH - vs.length).fill('CAST(NULL AS BIGINT)')].map((v, i) => `${v} AS v${i}`).join(', ');
  const row = (k: string, x: string, y: string, vs: string[]) => `SELECT '${k}' AS k, ${x} AS x, ${y} AS y, ${values(vs)}`;
  const when = (cond: string, then = '1') => (then === '1' ? `COUNT(*) FILTER (WHERE ${cond})` : `SUM(${then}) FILTER (WHERE ${cond})`);
  // The organization's ids are written into the query, as the service's first step looks them up: a
  // subquery on the code here made PostgreSQL misestimate the join and run slower. documentIds are
  // Strapi's generated [a-z0-9] strings.
  const orgs = `(${orgIds.join(', ')})`;
  const orgDocs = `(${orgDocumentIds.map((d) => `'${d.replace(/[^a-z0-9]/g, '')}'`).join(', ')})`;
  const notices = `${n.table} n WHERE n.${n.col('organizationDocumentId')} IN ${orgDocs} AND n.${n.col('publishedAt')} IS NOT NULL AND n.${n.col('locale')} = :locale`;
  const release = `n.${n.col('releaseDate')}`;
  const type = `n.${n.col('documentType')}`;
  const issuedOn = `COALESCE(n.${n.col('writtenDate')}, ${release})`;
  const validity = `n.${n.col('validity')}`;
  const abolished = `n.${n.col('abolishedDate')}`;
  const abolishedInYear = `${validity} IN ('abolished', 'expired') AND ${abolished} BETWEEN ${from} AND ${to}`;
  const yearColumns = [
    'COUNT(*)',
    ...months().map(([m, next]) => when(`${release} >= '${m}' AND ${release} < '${next}'`)),
    ...DOC_TYPES.map((t) => when(`${type} = '${t}'`)),
    when(`${type} IS NULL`),
  ];
  const received = `a.${a.col('receivedDate')}`;
  const answered = `a.${a.col('answeredDate')}`;
  const status = `a.${a.col('applicationStatus')}`;
  const closedInYear = `${status} IN ('answered', 'closed') AND ${answered} BETWEEN ${from} AND ${to}`;
  const concluded = `r.${r.col('concludedDate')}`;
  const result = `r.${r.col('result')}`;
  const none = 'CAST(NULL AS VARCHAR(255))'; // typed, for PostgreSQL's UNION
  const sql = [
    `${row(
      'year',
      `c.${c.col('code')}`,
      none,
      yearColumns.map((_, i) => `SUM(g.v${i})`),
    )}
  FROM (SELECT n.${n.col('categoryDocumentId')} AS category, ${values(yearColumns)} FROM ${notices} AND ${release} BETWEEN ${from} AND ${to}
    GROUP BY n.${n.col('categoryDocumentId')}) g
  LEFT JOIN ${c.table} c ON c.${c.col('documentId')} = g.category AND c.${c.col('locale')} = :locale
  GROUP BY c.${c.col('code')}`,
    `${row('documents', type, none, [
      when(`${issuedOn} BETWEEN ${from} AND ${to}`),
      when(abolishedInYear),
      when(`${issuedOn} <= ${to} AND (${validity} NOT IN ('abolished', 'expired') OR ${abolished} IS NULL OR ${abolished} > ${to})`),
    ])}
  FROM ${notices} AND ${type} IN ('regulation', 'normative-document') AND (${issuedOn} <= ${to} OR (${abolishedInYear}))
  GROUP BY ${type}`,
    `${row('applications', `a.${a.col('applicantType')}`, none, [
      when(`${received} BETWEEN ${from} AND ${to}`),
      when(`${received} < ${from} AND (${status} NOT IN ('answered', 'closed') OR ${answered} IS NULL OR ${answered} >= ${from})`),
      when(`${received} <= ${to} AND (${status} NOT IN ('answered', 'closed') OR ${answered} IS NULL OR ${answered} > ${to})`),
      when(closedInYear, `a.${a.col('feeYuan')}`),
      ...OUTCOMES.map((x) => when(`${closedInYear} AND a.${a.col('outcome')} = '${x}'`)),
    ])}
  FROM ${a.table} a
  WHERE a.${a.col('organizationDocumentId')} IN ${orgDocs} AND (${received} <= ${to} OR (${closedInYear}))
  GROUP BY a.${a.col('applicantType')}`,
    `${row('reviews', 'kind', 'res', ['COUNT(*)'])}
  FROM (SELECT r.${r.col('kind')} AS kind,
      CASE WHEN ${concluded} IS NOT NULL AND ${concluded} <= ${to} AND ${result} <> 'pending' THEN ${result} ELSE 'pending' END AS res
    FROM ${r.table} r JOIN ${rOrg.table} l ON l.${rOrg.own} = r.id
    WHERE l.${rOrg.target} IN ${orgs} AND r.${r.col('filedDate')} BETWEEN ${from} AND ${to}) cases
  GROUP BY kind, res`,
    `${row('tree', `c.${c.col('code')}`, `p.${c.col('code')}`, [`c.${c.col('sortOrder')}`])}
  FROM ${c.table} c LEFT JOIN ${cParent.table} cp ON cp.${cParent.own} = c.id LEFT JOIN ${c.table} p ON p.id = cp.${cParent.target}
  WHERE c.${c.col('locale')} = :locale`,
  ].join('\nUNION ALL\n');
  return () => strapi.db.connection.raw(sql, { locale: LOCALE }).then((res: any) => (PG ? res.rows : res));
}

/** The hand-written query's rows as the same flattened numbers. */
function handNumbers(rows: any[]): Numbers {
  const out: Numbers = new Map();
  const v = (row: any, i: number) => Number(row[`v${i}`] ?? 0);
  for (const row of rows) {
    if (row.k === 'year') {
      add(out, 'total', v(row, 0));
      add(out, `category.${row.x ?? ''}`, v(row, 0));
      for (let m = 1; m <= 12; m += 1) add(out, `month.${m}`, v(row, m));
      DOC_TYPES.forEach((t, i) => add(out, `type.${t}`, v(row, 13 + i)));
      add(out, 'type.other', v(row, 13 + DOC_TYPES.length));
    } else if (row.k === 'documents') {
      ['issued', 'abolished', 'inForce'].forEach((m, i) => add(out, `${m}.${row.x}`, v(row, i)));
    } else if (row.k === 'applications') {
      ['received', 'carriedIn', 'carriedOut'].forEach((m, i) => add(out, `app.${m}.${row.x}`, v(row, i)));
      add(out, 'fee', v(row, 3));
      OUTCOMES.forEach((x, i) => add(out, `app.${x}.${row.x}`, v(row, 4 + i)));
    } else if (row.k === 'reviews') {
      add(out, `review.${row.x}.${row.y}`, v(row, 0));
    }
  }
  return out;
}

/** All the pages of one findMany. */
async function fetchAll(strapi: any, uid: string, params: Record<string, unknown>) {
  const rows: any[] = [];
  const pageSize = 1000;
  for (let start = 0; ; start += pageSize) {
    const page = await strapi.documents(uid).findMany({ ...params, sort: ['id:asc'], start, limit: pageSize });
    rows.push(...page);
    if (page.length < pageSize) return rows;
  }
}

/**
 * What the stats service avoids: fetch the organization-year's rows through the Document Service
 * (published, source locale, only the fields needed, in pages) and count them in JavaScript: the
 * year's notices, the regulations and normative documents up to its end (Table 2 needs their history),
 * the applications received up to its end or closed in it, and the review cases filed in it.
 */
async function documentServiceCount(strapi: any) {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const organization = { code: { $eq: TARGET } };
  const t = performance.now();
  const yearNotices = await fetchAll(strapi, 'api::notice.notice', {
    status: 'published',
    locale: LOCALE,
    filters: { organization, releaseDate: { $between: [from, to] } },
    fields: ['documentType', 'releaseDate'],
    populate: { category: { fields: ['code'] } },
  });
  const documents = await fetchAll(strapi, 'api::notice.notice', {
    status: 'published',
    locale: LOCALE,
    filters: {
      organization,
      documentType: { $in: ['regulation', 'normative-document'] },
      $or: [
        { writtenDate: { $lte: to } },
        { writtenDate: { $null: true }, releaseDate: { $lte: to } },
        { validity: { $in: ['abolished', 'expired'] }, abolishedDate: { $between: [from, to] } },
      ],
    },
    fields: ['documentType', 'writtenDate', 'releaseDate', 'validity', 'abolishedDate'],
  });
  const applications = await fetchAll(strapi, 'api::disclosure-application.disclosure-application', {
    filters: {
      organization,
      $or: [{ receivedDate: { $lte: to } }, { applicationStatus: { $in: ['answered', 'closed'] }, answeredDate: { $between: [from, to] } }],
    },
    fields: ['applicantType', 'receivedDate', 'applicationStatus', 'outcome', 'answeredDate', 'feeYuan'],
  });
  const cases = await fetchAll(strapi, 'api::review-case.review-case', {
    filters: { organization, filedDate: { $between: [from, to] } },
    fields: ['kind', 'result', 'concludedDate'],
  });

  const out: Numbers = new Map();
  const inYear = (d: string | null) => d !== null && d >= from && d <= to;
  for (const x of yearNotices) {
    add(out, 'total', 1);
    add(out, `month.${Number(x.releaseDate.slice(5, 7))}`, 1);
    add(out, `type.${x.documentType ?? 'other'}`, 1);
    add(out, `category.${x.category?.code ?? ''}`, 1);
  }
  for (const x of documents) {
    const issuedOn = x.writtenDate ?? x.releaseDate;
    const gone = x.validity === 'abolished' || x.validity === 'expired';
    if (inYear(issuedOn)) add(out, `issued.${x.documentType}`, 1);
    if (gone && inYear(x.abolishedDate)) add(out, `abolished.${x.documentType}`, 1);
    if (issuedOn !== null && issuedOn <= to && (!gone || x.abolishedDate === null || x.abolishedDate > to)) add(out, `inForce.${x.documentType}`, 1);
  }
  for (const x of applications) {
    const final = x.applicationStatus === 'answered' || x.applicationStatus === 'closed';
    const openOn = (date: string, inclusive: boolean) => !final || x.answeredDate === null || (inclusive ? x.answeredDate >= date : x.answeredDate > date);
    if (inYear(x.receivedDate)) add(out, `app.received.${x.applicantType}`, 1);
    if (x.receivedDate < from && openOn(from, true)) add(out, `app.carriedIn.${x.applicantType}`, 1);
    if (x.receivedDate <= to && openOn(to, false)) add(out, `app.carriedOut.${x.applicantType}`, 1);
    if (final && inYear(x.answeredDate)) {
      if (x.outcome) add(out, `app.${x.outcome}.${x.applicantType}`, 1);
      add(out, 'fee', Number(x.feeYuan ?? 0));
    }
  }
  for (const x of cases) {
    const settled = x.concludedDate !== null && x.concludedDate <= to && x.result !== 'pending';
    add(out, `review.${x.kind}.${settled ? x.result : 'pending'}`, 1);
  }
  const rows = yearNotices.length + documents.length + applications.length + cases.length;
  return { ms: performance.now() - t, rows, numbers: out };
}

async function main() {
  process.env.NODE_ENV = process.env.NODE_ENV ?? 'test';
  process.env.DEMO_DATA = 'false';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
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
    if (reuse) await analyze(strapi.db.connection); // the schema sync may have rebuilt indexes
    if (!reuse)
      console.log(
        `loaded ${NOTICES.toLocaleString()} notices, ${APPLICATIONS.toLocaleString()} applications, ${REVIEWS.toLocaleString()} review cases in ${loadSeconds.toFixed(1)} s`,
      );

    const service = strapi.plugin('disclosure').service('stats');
    const viaService = await time(() => service.organizationYear({ organization: TARGET, year: YEAR }));
    const o = meta(strapi, 'api::organization.organization');
    const orgRows = await strapi.db.connection(o.table).where(o.col('code'), TARGET).select('id', o.col('documentId'));
    const orgIds = orgRows.map((r: any) => Number(r.id));
    const orgDocumentIds = [...new Set<string>(orgRows.map((r: any) => r[o.col('documentId')]))];
    const viaSql = await time(handQuery(strapi, orgIds, orgDocumentIds));
    const s: any = viaService.result;
    const numbers = serviceNumbers(s);
    const sqlDiff = differences(numbers, handNumbers(viaSql.result as any[]));
    console.log(
      `organization-year ${TARGET}/${YEAR}: ${s.notices.total.toLocaleString()} notices published, ` +
        `${s.tables.applications.received.total.toLocaleString()} applications received, ${numbers.size} non-zero numbers`,
    );
    console.log(`stats service            ${viaService.ms.toFixed(1)} ms (median of 7${PG ? '; its four passes run concurrently, one connection each' : ''})`);
    console.log(
      `one hand-written query   ${viaSql.ms.toFixed(1)} ms (median of 7)  → service/query = ${(viaService.ms / viaSql.ms).toFixed(2)}× (target ≤ 1.5×); ` +
        `same numbers: ${sqlDiff.length ? `NO (${sqlDiff.slice(0, 5).join('; ')})` : 'yes'}`,
    );

    // Once: it takes seconds to minutes. Same database, same organization-year, so the same size as above.
    const ds = await documentServiceCount(strapi);
    const dsDiff = differences(numbers, ds.numbers);
    console.log(
      `Document Service + JS    ${ds.ms.toFixed(0)} ms for ${ds.rows.toLocaleString()} rows fetched (pages of 1,000) → ` +
        `${(ds.ms / viaService.ms).toFixed(0)}× the service's time (target ≥ 100×); same numbers: ${dsDiff.length ? `NO (${dsDiff.slice(0, 5).join('; ')})` : 'yes'}`,
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
