import type { Core } from '@strapi/strapi';
import {
  APPLICATION_UID,
  CALENDAR_YEAR_UID,
  EVENT_UID,
  IMPORT_CHUNK_UID,
  IMPORT_JOB_UID,
  OFFICER_UID,
  OVERRIDE_UID,
  REVIEW_CASE_UID,
} from '../applications/content-types';
import { COMMENT_UID } from '../feedback/content-types';

export const ACCESS_LOG_UID = 'plugin::disclosure.access-log';

/**
 * The plugin's RBAC actions (ids `plugin::disclosure.<uid>`). Access to applicants' data is granted by
 * these, never inherited from content-manager rights alone: see guard.ts.
 */
export const ACTIONS = [
  { uid: 'applications.read', displayName: '查看依申请公开申请（含申请人信息） Read applications' },
  { uid: 'applications.handle', displayName: '办理依申请公开申请 Handle applications' },
  { uid: 'applications.import', displayName: '导入依申请公开申请 Import applications' },
  { uid: 'review-cases.read', displayName: '查看行政复议、诉讼案件 Read review cases' },
  { uid: 'review-cases.handle', displayName: '办理行政复议、诉讼案件 Handle review cases' },
  { uid: 'officers.manage', displayName: '管理经办人所属机关 Manage officer assignments' },
  { uid: 'calendar.manage', displayName: '管理工作日历 Manage the working-day calendar' },
  { uid: 'access-log.read', displayName: '查看个人信息访问记录 Read the access log' },
  { uid: 'comments.moderate', displayName: '审核网站留言（含留言人联系方式） Moderate comments' },
] as const;

export type ActionUid = (typeof ACTIONS)[number]['uid'];
export const actionId = (uid: ActionUid) => `plugin::disclosure.${uid}`;

/** For each private content type: the action that reads it and the one that writes it (Document Service). */
export const PRIVATE_TYPES: Record<string, { read: ActionUid; write: ActionUid | null }> = {
  [APPLICATION_UID]: { read: 'applications.read', write: 'applications.handle' },
  [EVENT_UID]: { read: 'applications.read', write: null },
  [IMPORT_JOB_UID]: { read: 'applications.import', write: null },
  [IMPORT_CHUNK_UID]: { read: 'applications.import', write: null },
  [REVIEW_CASE_UID]: { read: 'review-cases.read', write: 'review-cases.handle' },
  [OFFICER_UID]: { read: 'officers.manage', write: 'officers.manage' },
  [OVERRIDE_UID]: { read: 'calendar.manage', write: 'calendar.manage' },
  [CALENDAR_YEAR_UID]: { read: 'calendar.manage', write: 'calendar.manage' },
  // Written by the plugin only (db.query): no Document Service write, not even by a super admin.
  [ACCESS_LOG_UID]: { read: 'access-log.read', write: null },
  // comments carry the commenter's contact
  [COMMENT_UID]: { read: 'comments.moderate', write: 'comments.moderate' },
};

export async function registerActions(strapi: Core.Strapi) {
  const provider = (strapi as any).admin.services.permission.actionProvider;
  // Registered once per process: a second bootstrap (tests re-run one with a new config) finds them there.
  if (provider.has(`plugin::disclosure.${ACTIONS[0].uid}`)) return;
  await provider.registerMany(
    ACTIONS.map((a) => ({ section: 'plugins', pluginName: 'disclosure', subCategory: '依申请公开', uid: a.uid, displayName: a.displayName })),
  );
}

/** Route policy: the caller is an admin holding every named action. */
export const requireActions = (...uids: ActionUid[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: uids.map(actionId) } },
];
