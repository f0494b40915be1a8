/**
 * A constructed dataset whose every cell of Tables 2–4 for 2025 is worked out below, record by record:
 * each record says which cells it adds to. The SQL counts must equal them cell for cell.
 */
import request from 'supertest';
import { startStrapi, TestApp } from '../harness/strapi';
import { emptyTables, withTotals, type Tables2021, APPLICANT_COLUMNS } from '../../src/plugins/disclosure/server/src/core/annual-report';
import { OUTCOME_CODES } from '../../src/plugins/disclosure/server/src';

const YEAR = 2025;
const OUTCOMES = OUTCOME_CODES;

let app: TestApp;
let orgA: string;
let orgB: string;
const expected = emptyTables('2021') as Tables2021;
const add = (row: string, col: string) => {
  (expected.applications as any)[row][col] += 1;
};
let expectedFee = 0;

const docs = () => app.strapi.documents;

async function org(code: string, name: string, parent?: string) {
  const o = await docs()('api::organization.organization').create({ locale: 'zh-Hans', data: { code, name, level: 'township', parent } as any });
  return o.documentId;
}

async function application(
  o: string,
  type: string,
  received: string,
  closed?: { on: string; outcome: string; pages?: number; paid?: string | null },
  status = 'received',
) {
  await docs()('api::disclosure-application.disclosure-application').create({
    data: {
      organization: o,
      applicantType: type,
      channel: 'online',
      receivedDate: received,
      applicationStatus: closed ? (closed.outcome.startsWith('notProcessed') || closed.outcome.startsWith('other') ? 'closed' : 'answered') : status,
      outcome: closed?.outcome ?? null,
      answeredDate: closed?.on ?? null,
      // 逾期不补正 ends an application that was asked for a correction.
      ...(closed?.outcome === 'other.noCorrection' ? { correctionRequestedDate: received } : {}),
      // 信息处理费 per page (国办函〔2020〕109号): 31–100 pages at 10 元
      ...(closed?.pages ? { feeMethod: 'per-page', feePages: closed.pages } : {}),
      // counted in 信息处理费 only when paid (on the answer day unless said otherwise)
      ...(closed?.pages && closed.paid !== null ? { feePaidDate: closed.paid ?? closed.on } : {}),
    } as any,
  });
}

async function notice(o: string, data: Record<string, unknown>, publish = true) {
  return docs()('api::notice.notice').create({
    locale: 'zh-Hans',
    ...(publish ? { status: 'published' } : {}),
    data: { title: `文件${Math.random()}`, organization: o, ...data } as any,
  });
}

async function reviewCase(o: string, kind: string, filed: string, result: string, concluded?: string) {
  await docs()('api::review-case.review-case').create({
    data: { organization: o, kind, filedDate: filed, result, concludedDate: concluded ?? null } as any,
  });
}

beforeAll(async () => {
  app = await startStrapi();
  orgA = await org('T001', '测试甲镇人民政府');
  orgB = await org('T001-01', '测试甲镇某站所', orgA);

  // ── Table 3 ──
  // every outcome once, applicant types in turn: 一 and the outcome row
  for (const [k, outcome] of OUTCOMES.entries()) {
    const type = APPLICANT_COLUMNS[k % 6];
    await application(orgA, type, `2025-03-${String(k + 1).padStart(2, '0')}`, { on: `2025-04-${String(k + 1).padStart(2, '0')}`, outcome });
    add('received', type);
    add(outcome, type);
  }
  // received 31 Dec last year, answered 1 Jan: 二 and granted
  await application(orgA, 'naturalPerson', '2024-12-31', { on: '2025-01-01', outcome: 'granted', pages: 40 });
  add('carriedIn', 'naturalPerson');
  add('granted', 'naturalPerson');
  expectedFee += 100;
  // received 31 Dec, still open: 一 and 四
  await application(orgA, 'commercial', '2025-12-31');
  add('received', 'commercial');
  add('carriedOut', 'commercial');
  // received in December, answered in January next year: 一 and 四
  await application(orgA, 'research', '2025-12-30', { on: '2026-01-02', outcome: 'partlyGranted', pages: 90 });
  add('received', 'research');
  add('carriedOut', 'research');
  // received two years ago, still consulting: 二 and 四
  await application(orgA, 'socialWelfare', '2023-11-15', undefined, 'consulting');
  add('carriedIn', 'socialWelfare');
  add('carriedOut', 'socialWelfare');
  // received and answered last year: nowhere
  await application(orgA, 'legalService', '2024-06-01', { on: '2024-07-01', outcome: 'granted' });
  // received 1 Jan, answered 31 Dec: 一 and granted
  await application(orgA, 'otherOrg', '2025-01-01', { on: '2025-12-31', outcome: 'granted', pages: 35 });
  add('received', 'otherOrg');
  add('granted', 'otherOrg');
  expectedFee += 50;
  // received last year, answered this year after a correction: 二 and the outcome
  await application(orgA, 'legalService', '2024-12-20', { on: '2025-01-15', outcome: 'other.noCorrection' });
  add('carriedIn', 'legalService');
  add('other.noCorrection', 'legalService');
  // a fee charged but never paid (逾期未缴纳): not collected, so not in 信息处理费
  await application(orgA, 'naturalPerson', '2025-06-01', { on: '2025-07-20', outcome: 'other.feeUnpaid', pages: 60, paid: null });
  add('received', 'naturalPerson');
  add('other.feeUnpaid', 'naturalPerson');
  // the sub-organization's application: only with includeSubOrganizations
  await application(orgB, 'naturalPerson', '2025-05-05', { on: '2025-05-20', outcome: 'granted' });

  // ── Table 2 ──
  const p = expected.proactive;
  const category = async (code: string) =>
    (await app.strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code, locale: 'zh-Hans' } })).documentId;
  await notice(orgA, {
    documentType: 'regulation',
    writtenDate: '2025-02-01',
    releaseDate: '2025-02-03',
    validity: 'in-force',
    category: await category('FDZD.02.01'),
  });
  p.regulations.issued += 1;
  p.regulations.inForce += 1;
  await notice(orgA, { documentType: 'regulation', writtenDate: '2019-05-01', releaseDate: '2019-05-02', validity: 'in-force' });
  p.regulations.inForce += 1;
  await notice(orgA, { documentType: 'regulation', writtenDate: '2018-01-01', releaseDate: '2018-01-02', validity: 'abolished', abolishedDate: '2025-12-31' });
  p.regulations.abolished += 1;
  const jan1 = await notice(orgA, { documentType: 'normative-document', writtenDate: '2025-01-01', releaseDate: '2025-01-02', validity: 'in-force' });
  p.normativeDocuments.issued += 1;
  p.normativeDocuments.inForce += 1;
  await notice(orgA, { documentType: 'normative-document', writtenDate: '2024-12-31', releaseDate: '2025-01-05', validity: 'in-force' });
  p.normativeDocuments.inForce += 1;
  await notice(orgA, {
    documentType: 'normative-document',
    writtenDate: '2020-01-01',
    releaseDate: '2020-01-03',
    validity: 'expired',
    abolishedDate: '2026-01-01',
  });
  p.normativeDocuments.inForce += 1;
  await notice(orgA, { documentType: 'normative-document', writtenDate: '2025-06-01', validity: 'in-force' }, false); // a draft: nowhere
  for (const date of ['2025-01-01', '2025-06-30', '2025-12-31']) {
    await notice(orgA, { documentType: 'licensing-decision', releaseDate: date, category: await category('FDZD.05') });
  }
  p.licensing.decisions = 3;
  await notice(orgA, { documentType: 'licensing-decision', releaseDate: '2026-01-01' }); // next year: nowhere
  await notice(orgA, { documentType: 'punishment-decision', releaseDate: '2025-03-03' });
  await notice(orgA, { documentType: 'punishment-decision', releaseDate: '2025-09-09' });
  p.punishment.decisions = 2;
  await notice(orgA, { documentType: 'enforcement-decision', releaseDate: '2025-10-10' });
  p.enforcement.decisions = 1;
  // a Traditional version and a re-publication of the same document count once
  await docs()('api::notice.notice').update({ documentId: jan1.documentId, locale: 'zh-Hant', data: { title: '規範性文件' } as any });
  await docs()('api::notice.notice').publish({ documentId: jan1.documentId, locale: 'zh-Hant' });
  await docs()('api::notice.notice').update({ documentId: jan1.documentId, locale: 'zh-Hans', data: { title: '修改后' } as any });
  await docs()('api::notice.notice').publish({ documentId: jan1.documentId, locale: 'zh-Hans' });

  // ── Table 4 ──
  const r = expected.reviewsAndLawsuits;
  await reviewCase(orgA, 'review', '2025-02-01', 'upheld', '2025-03-01');
  r.review.upheld += 1;
  await reviewCase(orgA, 'review', '2025-12-31', 'corrected', '2026-01-10'); // concluded next year: pending on 31 Dec
  r.review.pending += 1;
  await reviewCase(orgA, 'lawsuitDirect', '2025-01-01', 'pending');
  r.lawsuitDirect.pending += 1;
  await reviewCase(orgA, 'lawsuitAfterReview', '2025-04-01', 'other', '2025-05-01');
  r.lawsuitAfterReview.other += 1;
  await reviewCase(orgA, 'review', '2024-12-31', 'upheld', '2025-01-20'); // filed last year: nowhere
});
afterAll(async () => {
  await app?.stop();
});

const service = () => app.strapi.plugin('disclosure').service('stats');

describe('stats service: the national tables from the records', () => {
  it('computes Tables 2–4 cell for cell', async () => {
    const result = await service().organizationYear({ organization: 'T001', year: YEAR });
    expect(result.formatVersion).toBe('2021');
    const want = withTotals(expected, '2021');
    expect(result.tables.proactive).toEqual(want.proactive);
    expect(result.tables.reviewsAndLawsuits).toEqual(want.reviewsAndLawsuits);
    expect(result.tables.applications).toEqual(want.applications);
    expect(result.processingFeeYuan).toBeCloseTo(expectedFee, 5);
  });

  it('satisfies 一 + 二 = 七 + 四 in every column by construction', async () => {
    const { tables } = await service().organizationYear({ organization: 'T001', year: YEAR });
    const a = tables.applications as any;
    for (const col of [...APPLICANT_COLUMNS, 'total']) {
      expect(a.received[col] + a.carriedIn[col]).toBe(a.closedTotal[col] + a.carriedOut[col]);
    }
  });

  it('includes sub-organizations on request', async () => {
    const withSub = await service().organizationYear({ organization: 'T001', year: YEAR, includeSubOrganizations: true });
    const alone = await service().organizationYear({ organization: 'T001', year: YEAR });
    expect((withSub.tables.applications as any).received.naturalPerson).toBe((alone.tables.applications as any).received.naturalPerson + 1);
    expect((withSub.tables.applications as any).granted.total).toBe((alone.tables.applications as any).granted.total + 1);
  });

  it('carries the open applications of 2025 into 2026', async () => {
    const next = await service().organizationYear({ organization: 'T001', year: 2026 });
    const now = await service().organizationYear({ organization: 'T001', year: YEAR });
    expect((next.tables.applications as any).carriedIn).toEqual((now.tables.applications as any).carriedOut);
    expect((next.tables.applications as any).partlyGranted.research).toBe(1);
  });

  it('uses the trial format for 2020, folding （六） into one row', async () => {
    const result = await service().organizationYear({ organization: 'T001', year: 2020 });
    expect(result.formatVersion).toBe('2019');
    expect((result.tables.applications as any).other).toBeDefined();
    expect((result.tables.proactive as any).normativeDocuments).toEqual({ newlyMade: 1, newlyPublished: 1, totalPublished: 1 });
  });
});

describe('GET /api/disclosure/stats', () => {
  it('returns public counts per category (rolled up), month and document type', async () => {
    const res = await request(app.server).get('/api/disclosure/stats').query({ organization: 'T001', year: '2025' });
    expect(res.status).toBe(200);
    const { notices } = res.body;
    // published in 2025 by release date: 1 regulation, 2 normative, 3 licensing, 2 punishment, 1 enforcement
    expect(notices.total).toBe(9);
    expect(notices.byDocumentType).toEqual({
      regulation: 1,
      'normative-document': 2,
      'licensing-decision': 3,
      'punishment-decision': 2,
      'enforcement-decision': 1,
    });
    expect(notices.byMonth).toEqual([3, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1]);
    expect(notices.uncategorised).toBe(5);
    const byCode = Object.fromEntries(notices.byCategory.map((c: any) => [c.code, c]));
    expect(byCode['FDZD.02.01']).toMatchObject({ count: 1, total: 1, parent: 'FDZD.02', name: '规章' });
    expect(byCode['FDZD.02']).toMatchObject({ count: 0, total: 1 });
    expect(byCode['FDZD.05']).toMatchObject({ count: 3, total: 3 });
    expect(byCode.FDZD).toMatchObject({ count: 0, total: 4 });
    expect(byCode.GUIDE).toMatchObject({ count: 0, total: 0 });
    expect(JSON.stringify(res.body)).not.toMatch(/applicant|tracking/i);
  });

  it('answers 400 for a bad year and 404 for an unknown organization', async () => {
    for (const year of ['twenty', '1999', '20255', '']) {
      const res = await request(app.server).get('/api/disclosure/stats').query({ organization: 'T001', year });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/year/);
    }
    const res = await request(app.server).get('/api/disclosure/stats').query({ organization: 'NOPE', year: '2025' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/NOPE/);
    expect((await request(app.server).get('/api/disclosure/stats').query({ year: '2025' })).status).toBe(400);
  });
});
