import request from 'supertest';
import { startStrapi, TestApp } from '../harness/strapi';
import { fillPath, paramsOf, servedRoutes, type Route } from '../harness/routes';
import {
  AccessFixture,
  APPLICATION_UID,
  buildAccessFixture,
  CITY,
  MAY_SEE,
  REVIEW_CASE_UID,
  ROLES,
  secretsIn,
  TOWNSHIP,
  type Who,
} from '../harness/access-fixture';

/**
 * Every route the running app serves (read from Strapi's own router, so a route added later is covered),
 * called by every kind of caller: applicants' data may appear only where the caller is meant to see it,
 * nothing a caller may not write changes, and nothing answers 5xx. Writes by the super admin are allowed by definition and not
 * sent; officers write to the other organization's records only (their own are theirs to change).
 */
const OFFICER_UID = 'plugin::disclosure.officer-assignment';
const OVERRIDE_UID = 'plugin::disclosure.calendar-override';
const MODELS = [APPLICATION_UID, REVIEW_CASE_UID, OFFICER_UID, OVERRIDE_UID];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The organization whose records an officer may not write (its writes go there). */
const OTHER_ORGANIZATION: Partial<Record<Who, string>> = { officer: CITY, cityOfficer: TOWNSHIP };

let app: TestApp;
let f: AccessFixture;
let ids: Record<string, string[]>;

beforeAll(async () => {
  app = await startStrapi();
  f = await buildAccessFixture(app);
  const one = async (uid: string) => (await app.strapi.db.query(uid as any).findOne({ select: ['documentId'] }))?.documentId;
  await app.strapi.documents(OVERRIDE_UID as any).create({ data: { date: '2026-01-05', kind: 'workday', note: 'matrix' } as any });
  ids = {
    [APPLICATION_UID]: [f.applications[CITY], f.applications[TOWNSHIP]],
    [REVIEW_CASE_UID]: [f.reviewCases[CITY], f.reviewCases[TOWNSHIP]],
    [OFFICER_UID]: [await one(OFFICER_UID)],
    [OVERRIDE_UID]: [await one(OVERRIDE_UID)],
  };
});
afterAll(async () => {
  await app?.stop();
});

const relationFields = (uid: string) =>
  Object.entries((app.strapi.contentType(uid as any) as any).attributes)
    .filter(([, a]: any) => a.type === 'relation')
    .map(([name]) => name);

/** The concrete URLs a route is called with: model parameters name each private type, ids its records. */
function urlsOf(route: Route, who: Who): string[] {
  const params = paramsOf(route.path);
  const modelParam = params.find((p) => ['model', 'uid', 'contentType'].includes(p));
  const writing = !SAFE.has(route.method);
  const idsFor = (uid: string | null) => {
    const all = uid ? (ids[uid] ?? []) : [f.applications[CITY], f.applications[TOWNSHIP], '1'];
    const other = OTHER_ORGANIZATION[who];
    if (!writing || !other || !uid) return all;
    return all.filter((id) => id !== (uid === APPLICATION_UID ? f.applications : f.reviewCases)[other === CITY ? TOWNSHIP : CITY]);
  };
  const fill = (uid: string | null, id: string, field: string) =>
    fillPath(route.path, (name) =>
      ['model', 'uid', 'contentType'].includes(name)
        ? (uid ?? 'x')
        : ['id', 'documentId', 'sourceId'].includes(name)
          ? id
          : name === 'targetField'
            ? field
            : 'x',
    );
  const models = modelParam ? MODELS : [null];
  const urls = new Set<string>();
  for (const uid of models) {
    const fields = params.includes('targetField') && uid ? relationFields(uid) : ['x'];
    const idList = params.some((p) => ['id', 'documentId', 'sourceId'].includes(p)) ? idsFor(uid) : ['x'];
    for (const id of idList) for (const field of fields) urls.add(fill(uid, id, field));
  }
  return [...urls];
}

function body() {
  return {
    organization: f.orgs[CITY],
    organizations: [f.orgs[CITY]],
    application: f.applications[CITY],
    reviewCases: [f.reviewCases[CITY]],
    documentIds: [f.applications[CITY], f.reviewCases[CITY]],
    applicantType: 'naturalPerson',
    channel: 'online',
    receivedDate: '2026-03-02',
    applicantName: '矩阵写入',
    kind: 'review',
    filedDate: '2026-04-01',
    result: 'pending',
    date: '2026-12-25',
    uid: 'api::notice.notice',
    documentId: f.draftNotice,
    locale: 'zh-Hant',
  };
}

/** What a caller must not change: the other organization's records and the access settings. */
async function fingerprint(who: Who): Promise<Record<string, unknown[]>> {
  const { strapi } = app;
  const mayWrite = who === 'superAdmin' ? [CITY, TOWNSHIP] : OTHER_ORGANIZATION[who] ? [OTHER_ORGANIZATION[who] === CITY ? TOWNSHIP : CITY] : [];
  const parts: Record<string, unknown> = {};
  for (const uid of [APPLICATION_UID, REVIEW_CASE_UID]) {
    const rows: any[] = await strapi.db.query(uid as any).findMany({ populate: { organization: { select: ['code'] } }, orderBy: { id: 'asc' } });
    parts[uid] = rows
      .filter((r) => !mayWrite.includes(r.organization?.code))
      .map((r) => [r.documentId, r.updatedAt, r.organization?.code, r.applicantName ?? r.caseNumber]);
  }
  for (const uid of [OFFICER_UID, OVERRIDE_UID, 'plugin::disclosure.calendar-year', 'plugin::disclosure.access-log']) {
    const rows: any[] = await strapi.db.query(uid as any).findMany({ orderBy: { id: 'asc' } });
    parts[uid] = rows.map((r) => [r.id, r.updatedAt, r.route]);
  }
  const permissions: any[] = await strapi.db.query('admin::permission').findMany({ populate: { role: { select: ['code'] } }, orderBy: { id: 'asc' } });
  parts.permissions = permissions.map((p) => [p.action, p.subject, p.role?.code, JSON.stringify(p.conditions), JSON.stringify(p.properties)]);
  const users: any[] = await strapi.db.query('admin::user').findMany({ populate: { roles: { select: ['code'] } }, orderBy: { id: 'asc' } });
  parts.users = users.map((u) => [u.id, u.email, u.isActive, u.blocked, u.roles.map((r: any) => r.code)]);
  return parts as Record<string, unknown[]>;
}

describe('role × route matrix', () => {
  // About 5,600 calls: ~30 s on SQLite, longer on PostgreSQL.
  jest.setTimeout(600_000);
  it('shows applicants’ data only to those meant to see it and lets no one change what is not theirs', async () => {
    const routes = servedRoutes(app);
    const matrix = new Map<string, Record<string, Set<number>>>();
    const classes: Record<string, Record<string, number>> = {};
    const leaks: string[] = [];
    const writes: string[] = [];
    let calls = 0;
    const slowest: [number, string][] = [];
    const serverErrors: string[] = [];
    for (const who of ROLES) {
      const before = await fingerprint(who);
      classes[who] = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        const row = matrix.get(key) ?? {};
        matrix.set(key, row);
        row[who] = row[who] ?? new Set();
        if (who === 'superAdmin' && !SAFE.has(route.method)) continue;
        for (const url of urlsOf(route, who)) {
          let req = (request(app.server) as any)[route.method.toLowerCase()](url);
          if (f.tokens[who]) req = req.set('Authorization', `Bearer ${f.tokens[who]}`);
          const started = Date.now();
          const res = await (SAFE.has(route.method) ? req : req.send(body()))
            .timeout(10000)
            .catch((e: any) => e.response ?? { status: 599, text: String(e), headers: {} });
          slowest.push([Date.now() - started, `${who} ${route.method} ${url} → ${res.status}`]);
          slowest.sort((a, b) => b[0] - a[0]).splice(5);
          calls += 1;
          row[who].add(res.status);
          classes[who][`${Math.floor(res.status / 100)}xx`] = (classes[who][`${Math.floor(res.status / 100)}xx`] ?? 0) + 1;
          const seen = secretsIn(`${JSON.stringify(res.headers)} ${res.text ?? ''}`);
          const unexpected = seen.filter((code) => !MAY_SEE[who].includes(code));
          if (res.status >= 500) serverErrors.push(`${who} ${route.method} ${url} → ${res.status}`);
          if (unexpected.length) leaks.push(`${who} ${route.method} ${url} → ${res.status}: applicants of ${unexpected.join(', ')}`);
        }
      }
      const after = await fingerprint(who);
      // The access log grows with every permitted read; what was in it must stay as it was.
      const same = (k: string) => JSON.stringify(k.endsWith('access-log') ? after[k].slice(0, before[k].length) : after[k]) === JSON.stringify(before[k]);
      const changed = Object.keys(before).filter((k) => !same(k));
      if (changed.length) writes.push(`${who} changed ${changed.join(', ')}`);
    }
    const lines = [...matrix.entries()].map(([key, row]) => `${key.padEnd(88)} ${ROLES.map((w) => [...(row[w] ?? [])].sort().join('/') || '-').join(' | ')}`);
    console.log(
      [
        `role × route matrix: ${routes.length} routes, ${calls} calls (${process.env.DATABASE_CLIENT ?? 'sqlite'})`,
        `columns: ${ROLES.join(' | ')}`,
        ...lines,
        ...ROLES.map(
          (w) =>
            `${w}: ${Object.entries(classes[w])
              .map(([c, n]) => `${c} ${n}`)
              .join(', ')}`,
        ),
        `slowest: ${slowest.map(([ms, what]) => `${ms} ms ${what}`).join('; ')}`,
        `personal-data leaks: ${leaks.length}; unexpected writes: ${writes.length}; 5xx: ${ROLES.reduce((n, w) => n + (classes[w]['5xx'] ?? 0), 0)}`,
      ].join('\n'),
    );
    expect(routes.length).toBeGreaterThan(250);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /content-manager/collection-types/:model/clone/:sourceId', 'GET /disclosure/applications/officer-view']),
    );
    // positive controls: the detector sees the applicants where they are meant to be seen
    const cmList = matrix.get(`GET /content-manager/collection-types/:model`)!;
    expect([...cmList.superAdmin]).toContain(200);
    expect([...cmList.officer]).toContain(200);
    expect(leaks).toEqual([]);
    expect(writes).toEqual([]);
    // Whatever a caller sends, it is answered: a 5xx here is a server fault (src/middlewares/ covers Strapi's).
    expect(serverErrors).toEqual([]);
  });
});
