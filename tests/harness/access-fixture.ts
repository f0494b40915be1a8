import request from 'supertest';
import type { TestApp } from './strapi';
import { adminToken, adminUserWithRoles, authenticatedUserJwt } from './strapi';
import { seedDemoData } from '../../src/bootstrap/demo-data';
import { DEMO_OFFICER, ensureDemoOfficer } from '../../src/bootstrap/demo-officer';

export const APPLICATION_UID = 'api::disclosure-application.disclosure-application';
export const REVIEW_CASE_UID = 'api::review-case.review-case';
export const CITY = '430381';
export const TOWNSHIP = '430381106';

/** Values that only the applications and review cases hold: any response containing one shows personal data. */
export const SECRETS = {
  [TOWNSHIP]: {
    applicantName: '镇隐私甲某',
    applicantContact: '13700001111',
    requestedContent: '镇隐私申请内容：某合同',
    applicantIdNumber: 'ZHENID4303811990',
    applicantEmail: 'zhen-secret@example.cn',
    applicantAddress: '镇隐私地址某村某组',
    caseNumber: '镇隐私复〔2026〕1号',
  },
  [CITY]: {
    applicantName: '市隐私乙某',
    applicantContact: '13800002222',
    requestedContent: '市隐私申请内容：某批复',
    applicantIdNumber: 'SHIID43038119851',
    applicantEmail: 'shi-secret@example.cn',
    applicantAddress: '市隐私地址某路某号',
    caseNumber: '市隐私复〔2026〕2号',
  },
} as const;

export type Who =
  'anonymous' | 'authenticated' | 'apiReadOnly' | 'apiFullAccess' | 'author' | 'editor' | 'officer' | 'cityOfficer' | 'unassigned' | 'superAdmin';
export const ROLES: Who[] = [
  'anonymous',
  'authenticated',
  'apiReadOnly',
  'apiFullAccess',
  'author',
  'editor',
  'unassigned',
  'cityOfficer',
  'officer',
  'superAdmin',
];

/** Whose applicants each caller may see through the admin: the organization codes. */
export const MAY_SEE: Record<Who, string[]> = {
  anonymous: [],
  authenticated: [],
  apiReadOnly: [],
  apiFullAccess: [],
  author: [],
  editor: [],
  unassigned: [],
  cityOfficer: [CITY],
  officer: [TOWNSHIP],
  superAdmin: [TOWNSHIP, CITY],
};

export interface AccessFixture {
  tokens: Record<Who, string | null>;
  orgs: Record<string, string>;
  applications: Record<string, string>;
  reviewCases: Record<string, string>;
  draftNotice: string;
  officerUserId: number;
}

/**
 * The demo data, the demo officer (壶天镇), an officer of the city, an officer-role user with no
 * assignment, Strapi's default Editor and Author, a super admin, a portal user and two API tokens, and
 * one application and review case per organization carrying SECRETS.
 */
export async function buildAccessFixture(app: TestApp): Promise<AccessFixture> {
  const { strapi } = app;
  await seedDemoData(strapi);
  await ensureDemoOfficer(strapi);
  const orgs: Record<string, string> = {};
  for (const code of [CITY, TOWNSHIP]) orgs[code] = (await strapi.db.query('api::organization.organization').findOne({ where: { code } })).documentId;
  const applications: Record<string, string> = {};
  const reviewCases: Record<string, string> = {};
  for (const code of [TOWNSHIP, CITY]) {
    const { caseNumber, ...personal } = SECRETS[code as keyof typeof SECRETS];
    const a = await strapi.documents(APPLICATION_UID).create({
      data: { organization: orgs[code], applicantType: 'naturalPerson', channel: 'post', receivedDate: '2026-03-02', ...personal } as any,
    });
    applications[code] = a.documentId;
    const c = await strapi.documents(REVIEW_CASE_UID).create({
      data: { organization: orgs[code], application: a.documentId, kind: 'review', filedDate: '2026-05-01', result: 'pending', caseNumber } as any,
    });
    reviewCases[code] = c.documentId;
  }
  const draft = await strapi.db.query('api::notice.notice').findOne({ where: { publishedAt: null, title: { $contains: '草稿' } } });

  const officerRole = await strapi.db.query('admin::role').findOne({ where: { code: DEMO_OFFICER.roleCode } });
  const login = await request(app.server).post('/admin/login').send({ email: DEMO_OFFICER.email, password: DEMO_OFFICER.password });
  if (login.status !== 200) throw new Error(`officer login failed: ${login.status}`);
  const officerUser = await strapi.db.query('admin::user').findOne({ where: { email: DEMO_OFFICER.email } });
  const city = await adminUserWithRoles(app, 'cityofficer', [officerRole.id]);
  await strapi.documents('plugin::disclosure.officer-assignment' as any).create({ data: { user: city.user.id, organizations: [orgs[CITY]] } as any });
  const unassigned = await adminUserWithRoles(app, 'unassigned', [officerRole.id]);
  const editor = await adminUserWithRoles(app, 'editor', ['strapi-editor']);
  const author = await adminUserWithRoles(app, 'author', ['strapi-author']);
  const apiToken = async (type: string) =>
    (await strapi.service('admin::api-token').create({ name: `${type}-${Date.now()}`, type, lifespan: null, description: '' })).accessKey as string;

  return {
    tokens: {
      anonymous: null,
      authenticated: await authenticatedUserJwt(app),
      apiReadOnly: await apiToken('read-only'),
      apiFullAccess: await apiToken('full-access'),
      author: author.token,
      editor: editor.token,
      unassigned: unassigned.token,
      cityOfficer: city.token,
      officer: login.body.data.token,
      superAdmin: await adminToken(app),
    },
    orgs,
    applications,
    reviewCases,
    draftNotice: draft.documentId,
    officerUserId: officerUser.id,
  };
}

/** The organization codes whose SECRETS appear in a text. */
export function secretsIn(text: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, values]) => Object.values(values).some((v) => text.includes(v)))
    .map(([code]) => code);
}
