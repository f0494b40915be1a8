import fs from 'fs';
import request from 'supertest';
import { MULTIPART_DIR } from '../../src/middlewares/multipart-cleanup';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { servedRoutes } from '../harness/routes';
import { buildAccessFixture, type AccessFixture } from '../harness/access-fixture';
import { casesFor, rng, type FuzzCase, type Target } from './cases';

/**
 * Hostile input to every route the app serves (read from Strapi's router), anonymously and authenticated
 * (an admin token on admin routes, a full-access API token on /api): nothing may answer 5xx, every request
 * is answered within REQUEST_MS, no uploaded temp file outlives its request, and the app still answers
 * health and ordinary reads afterwards.
 * FUZZ_SEED reproduces a run, FUZZ_CASES sets the cases per route and caller.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const CASES = Number(process.env.FUZZ_CASES ?? 8);
const REQUEST_MS = 10_000;

let app: TestApp;
let fixture: AccessFixture;

beforeAll(async () => {
  app = await startStrapi();
  fixture = await buildAccessFixture(app);
});
afterAll(async () => {
  await app?.stop();
});

function target(): Target {
  const models = Object.values(app.strapi.contentTypes as Record<string, any>)
    .filter((ct) => /^(api::|plugin::disclosure\.|plugin::users-permissions\.user|plugin::upload\.file)/.test(ct.uid))
    .map((ct) => ({ uid: ct.uid as string, attributes: Object.entries(ct.attributes).map(([name, a]: [string, any]) => ({ name, type: a.type as string })) }));
  return { models, documentIds: [...Object.values(fixture.applications), ...Object.values(fixture.orgs), fixture.draftNotice, '1'] };
}

type Outcome = { status: number; ms: number; error?: string };

async function send(c: FuzzCase, token: string | null): Promise<Outcome> {
  const started = Date.now();
  let req = (request(app.server) as any)[c.method.toLowerCase()](c.url);
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  if (c.contentType) req = req.set('Content-Type', c.contentType);
  try {
    const res = await (c.body !== undefined ? req.send(c.body) : req).timeout({ response: REQUEST_MS, deadline: REQUEST_MS + 5000 }).ok(() => true);
    return { status: res.status, ms: Date.now() - started };
  } catch (error: any) {
    // superagent refuses to build some requests itself (e.g. characters Node will not put in a path): not the app's answer.
    if (['ERR_UNESCAPED_CHARACTERS', 'ERR_INVALID_CHAR', 'ERR_INVALID_URL'].includes(error?.code)) return { status: 0, ms: 0, error: 'client' };
    return { status: 0, ms: Date.now() - started, error: error?.timeout ? 'timeout' : String(error?.code ?? error?.message ?? error) };
  }
}

describe('fuzz: hostile input to every route', () => {
  jest.setTimeout(1_800_000);
  it(`answers every case below 500 and within ${REQUEST_MS / 1000} s (seed ${SEED})`, async () => {
    const routes = servedRoutes(app);
    const t = target();
    const filesBefore = new Set(fs.readdirSync(MULTIPART_DIR));
    const r = rng(SEED);
    const classes: Record<string, number> = {};
    const families: Record<string, number> = {};
    const failures: string[] = [];
    let tried = 0;
    let unbuildable = 0;
    let unauthorizedWithToken = 0;
    const slowest: [number, string][] = [];
    for (const route of routes) {
      const authToken = route.path.startsWith('/api/') ? fixture.tokens.apiFullAccess : fixture.tokens.superAdmin;
      for (const [caller, token] of [
        ['anonymous', null],
        ['authenticated', authToken],
      ] as const) {
        for (const c of casesFor(route, r, t, CASES)) {
          const outcome = await send(c, token);
          if (outcome.error === 'client') {
            unbuildable += 1;
            continue;
          }
          tried += 1;
          const cls = outcome.error ? outcome.error : `${Math.floor(outcome.status / 100)}xx`;
          classes[cls] = (classes[cls] ?? 0) + 1;
          for (const fam of c.family.split(' + ')) families[fam] = (families[fam] ?? 0) + 1;
          if (caller === 'authenticated' && outcome.status === 401) unauthorizedWithToken += 1;
          const what = `${caller} ${c.method} ${c.url.slice(0, 300)}${c.body !== undefined ? ` [${c.contentType}] ${c.body.slice(0, 200)}` : ''} (${c.family})`;
          slowest.push([outcome.ms, what]);
          slowest.sort((a, b) => b[0] - a[0]).splice(5);
          if (outcome.error || outcome.status >= 500) failures.push(`${outcome.error ?? outcome.status} after ${outcome.ms} ms: ${what}`);
        }
      }
    }
    const leftFiles = fs.readdirSync(MULTIPART_DIR).filter((f) => !filesBefore.has(f));
    const health = await request(app.server).get('/api/disclosure/health');
    const reads = await request(app.server).get('/api/notices?locale=zh-Hant&pagination[pageSize]=5');
    // A fresh login: the walk ends with the routes that end sessions.
    const admin = await request(app.server)
      .get('/admin/users/me')
      .set('Authorization', `Bearer ${await adminToken(app)}`);
    console.log(
      [
        `fuzz (${process.env.DATABASE_CLIENT ?? 'sqlite'}, seed ${SEED}, ${CASES} cases per route and caller): ${routes.length} routes, ${tried} cases tried`,
        `status classes: ${Object.entries(classes)
          .sort()
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
        `families: ${Object.entries(families)
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
        `authenticated cases answered 401: ${unauthorizedWithToken}; cases the HTTP client could not send: ${unbuildable}`,
        `slowest: ${slowest.map(([ms, what]) => `${ms} ms ${what.slice(0, 160)}`).join('\n  ')}`,
        `after: health ${health.status}, notices ${reads.status}, admin ${admin.status}`,
        `5xx or no answer: ${failures.length}; upload temp files left: ${leftFiles.length}`,
        ...failures.slice(0, 60),
      ].join('\n'),
    );
    expect(routes.length).toBeGreaterThan(250);
    expect(tried).toBeGreaterThan(routes.length * CASES);
    expect(failures).toEqual([]);
    expect(leftFiles).toEqual([]);
    expect(health.status).toBe(200);
    expect(reads.status).toBe(200);
    expect(admin.status).toBe(200);
  });
});
