import type { Core } from '@strapi/strapi';
import { uploadDemoBudget } from './demo-attachment';
import { APPLICANT_NAMES, APPLICATION_REQUESTS, CITY_NOTICE_TEMPLATES, DEMO_ORGANIZATIONS, NOTICE_TEMPLATES, TOWNSHIP_CODE } from '../data/demo';
import { SOURCE_LOCALE } from './locales';
import { APPLICANT_COLUMNS, OUTCOME_CODES, shanghaiDate } from '../plugins/disclosure/server/src';

// The demo covers every Table 3 outcome and applicant column, as the plugin defines them.
const OUTCOMES = OUTCOME_CODES;
const APPLICANT_TYPES = APPLICANT_COLUMNS;
const CHANNELS = ['online', 'in-person', 'post', 'email', 'fax'];

/** Adds calendar days to a 'YYYY-MM-DD' date (UTC arithmetic, no time zone involved). */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function date(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const min = (a: string, b: string) => (a < b ? a : b);

function paragraph(text: string) {
  return [{ type: 'paragraph', children: [{ type: 'text', text }] }];
}

async function createOrganizations(strapi: Core.Strapi) {
  const ids = new Map<string, string>();
  for (const org of DEMO_ORGANIZATIONS) {
    const { parent, ...fields } = org;
    const doc = await strapi.documents('api::organization.organization').create({
      locale: SOURCE_LOCALE,
      data: { ...fields, parent: parent ? ids.get(parent) : null } as any,
    });
    ids.set(org.code, doc.documentId);
  }
  return ids;
}

async function categoryIds(strapi: Core.Strapi) {
  const rows = await strapi.db
    .query('api::disclosure-category.disclosure-category')
    .findMany({ where: { locale: SOURCE_LOCALE }, select: ['code', 'documentId'] });
  return new Map<string, string>(rows.map((r: any) => [r.code, r.documentId]));
}

async function createNotices(strapi: Core.Strapi, orgs: Map<string, string>, categories: Map<string, string>, today: string) {
  const thisYear = Number(today.slice(0, 4));
  const lastMonth = Number(today.slice(5, 7));
  let count = 0;
  for (const year of [2020, thisYear]) {
    const months = year === thisYear ? lastMonth : 12;
    const sets = [
      { org: TOWNSHIP_CODE, templates: NOTICE_TEMPLATES },
      { org: '430381', templates: CITY_NOTICE_TEMPLATES },
    ];
    for (const { org, templates } of sets) {
      for (const [i, t] of templates.entries()) {
        const releaseDate = min(date(year, 1 + (i % months), 1 + ((i * 7) % 27)), today);
        const abolished = year === 2020 && i === 1; // one 2020 normative document is abolished this year
        await strapi.documents('api::notice.notice').create({
          locale: SOURCE_LOCALE,
          status: 'published',
          data: {
            title: t.title.replaceAll('{Y}', String(year)),
            summary: `${t.title.replaceAll('{Y}', String(year))}。`,
            body: paragraph(`${t.title.replaceAll('{Y}', String(year))}，现予公开。${t.body?.replaceAll('{Y}', String(year)) ?? ''}`),
            keywords: '政务公开',
            organization: orgs.get(org),
            category: categories.get(t.category),
            documentNumber: t.documentNumber?.replaceAll('{Y}', String(year)) ?? null,
            documentType: t.documentType,
            writtenDate: addDays(releaseDate, -3),
            releaseDate,
            validity: abolished ? 'abolished' : (t.validity ?? 'not-applicable'),
            abolishedDate: abolished ? min(date(thisYear, 1, 15), today) : null,
            subject: '综合政务',
            // this year's budget carries its table as a PDF: the portal lists it under 附件
            ...(org === TOWNSHIP_CODE && year === thisYear && t.title === '壶天镇{Y}年财政预算公开'
              ? { attachments: [await uploadDemoBudget(strapi, year)] }
              : {}),
          } as any,
        });
        count += 1;
      }
    }
  }
  // Drafts are never public: one unpublished notice shows it.
  await strapi.documents('api::notice.notice').create({
    locale: SOURCE_LOCALE,
    data: {
      title: '壶天镇人民政府关于征求意见的通知（草稿）',
      organization: orgs.get(TOWNSHIP_CODE),
      category: categories.get('FDZD.16'),
      documentType: 'announcement',
    } as any,
  });
  return count;
}

type DemoApplication = { received: string; answered?: string; status: string; outcome?: string; org: string; extra?: Record<string, unknown> };

/** Applications across year boundaries, so that carry-over rows of Table 3 have something to count. */
function demoApplications(today: string): DemoApplication[] {
  const y = Number(today.slice(0, 4));
  const lastMonth = Number(today.slice(5, 7));
  const list: DemoApplication[] = [];
  const closed = (received: string, days: number, k: number, org = TOWNSHIP_CODE) => {
    const outcome = OUTCOMES[k % OUTCOMES.length];
    const status = outcome.startsWith('notProcessed') || outcome.startsWith('other.') ? 'closed' : 'answered';
    list.push({ received, answered: addDays(received, days), status, outcome, org });
  };
  // 2020 (trial format): one carried in from 2019, one carried out into 2021
  closed('2019-12-20', 21, 0);
  for (let i = 0; i < 10; i += 1) closed(date(2020, 2 + i, 5 + i), 12, i * 2 + 1);
  closed('2020-12-21', 22, 3);
  // received in December of last year, answered in January
  closed(date(y - 1, 12, 15), 24, 4);
  closed(date(y - 1, 12, 22), 23, 5);
  closed(date(y - 1, 12, 29), 21, 6);
  // this year: every outcome at least once, the latest few still open
  const months = Math.max(1, lastMonth - 1);
  for (let k = 0; k < OUTCOMES.length + 3; k += 1) {
    const received = min(date(y, 1 + (k % months), 3 + (k % 20)), addDays(today, -20));
    closed(received, 10 + (k % 9), k, k % 7 === 6 ? '430381' : TOWNSHIP_CODE);
  }
  // Open ones for the officer's page: one overdue, one awaiting correction, one in consultation, one extended.
  list.push({ received: addDays(today, -45), status: 'received', org: TOWNSHIP_CODE });
  list.push({
    received: addDays(today, -5),
    status: 'awaiting-correction',
    org: TOWNSHIP_CODE,
    extra: { correctionRequestedDate: addDays(today, -3), correctionAnswerBy: addDays(today, 12) },
  });
  list.push({
    received: addDays(today, -12),
    status: 'consulting',
    org: TOWNSHIP_CODE,
    extra: { consultations: [{ kind: 'third-party', startDate: addDays(today, -8), endDate: null }] },
  });
  list.push({
    received: addDays(today, -33),
    status: 'extended',
    org: TOWNSHIP_CODE,
    extra: { extensionWorkingDays: 15, extensionApprover: '王主任', extensionReason: '涉及多个档案，需要调档核查', extensionApprovedDate: addDays(today, -14) },
  });
  return list.map((a) => (a.answered && a.answered > today ? { ...a, answered: today } : a));
}

async function createApplications(strapi: Core.Strapi, orgs: Map<string, string>, today: string) {
  const created: { documentId: string; received: string }[] = [];
  for (const [i, a] of demoApplications(today).entries()) {
    const doc = await strapi.documents('api::disclosure-application.disclosure-application').create({
      data: {
        organization: orgs.get(a.org),
        applicantType: APPLICANT_TYPES[i % APPLICANT_TYPES.length],
        applicantName: APPLICANT_NAMES[i % APPLICANT_NAMES.length],
        applicantContact: `1380731${String(1000 + i).slice(-4)}`,
        channel: CHANNELS[i % CHANNELS.length],
        receivedDate: a.received,
        requestedContent: APPLICATION_REQUESTS[i % APPLICATION_REQUESTS.length].replaceAll('{Y}', a.received.slice(0, 4)),
        applicationStatus: a.status,
        outcome: a.outcome ?? null,
        answeredDate: a.answered ?? null,
        feeYuan: 0,
        // 逾期不补正 ends an application that was asked for a correction.
        ...(a.outcome === 'other.noCorrection' ? { correctionRequestedDate: addDays(a.received, 2) } : {}),
        ...(a.extra ?? {}),
      } as any,
    });
    created.push({ documentId: doc.documentId, received: a.received });
  }
  return created;
}

async function createReviewCases(strapi: Core.Strapi, orgs: Map<string, string>, apps: { documentId: string; received: string }[], today: string) {
  const y = Number(today.slice(0, 4));
  const cases = [
    { kind: 'review', filed: '2020-09-10', result: 'upheld', concluded: '2020-11-05' },
    { kind: 'review', filed: date(y, 3, 10), result: 'upheld', concluded: date(y, 5, 8) },
    { kind: 'review', filed: date(y, 4, 2), result: 'corrected', concluded: date(y, 6, 1) },
    { kind: 'lawsuitDirect', filed: date(y, 5, 20), result: 'pending' },
    { kind: 'lawsuitAfterReview', filed: date(y, 6, 15), result: 'other', concluded: date(y, 9, 30) },
  ];
  for (const [i, c] of cases.entries()) {
    const application = apps.find((a) => a.received.slice(0, 4) === c.filed.slice(0, 4)) ?? apps[i];
    await strapi.documents('api::review-case.review-case').create({
      data: {
        organization: orgs.get(TOWNSHIP_CODE),
        application: application?.documentId,
        kind: c.kind,
        caseNumber: `湘乡复〔${c.filed.slice(0, 4)}〕${i + 1}号`,
        filedDate: min(c.filed, today),
        result: c.result,
        concludedDate: c.concluded ? min(c.concluded, today) : null,
      } as any,
    });
  }
  return cases.length;
}

/** Seeds the demo content once (skipped when the demo city government already exists). */
export async function seedDemoData(strapi: Core.Strapi, now: Date = new Date()) {
  const exists = await strapi.db.query('api::organization.organization').findOne({ where: { code: '430381' } });
  if (exists) return null;
  const today = shanghaiDate(now);
  const orgs = await createOrganizations(strapi);
  const categories = await categoryIds(strapi);
  const notices = await createNotices(strapi, orgs, categories, today);
  const apps = await createApplications(strapi, orgs, today);
  const reviewCases = await createReviewCases(strapi, orgs, apps, today);
  return { organizations: orgs.size, notices, applications: apps.length, reviewCases };
}
