import type { Core } from '@strapi/strapi';
import { computeDueDate, OPEN_STATUSES } from '../../core/working-days';
import { beforeApplicationWrite, beforeReviewCaseWrite } from './record-rules';
import { findReferenced, relationTarget, relationTargets } from '../common/relations';
import { shanghaiDate, toIsoDate } from '../../core/working-days/calendar-date';
import { loadCalendar } from './calendar';
import { APPLICATION_UID, CALENDAR_YEAR_UID, EVENT_UID, OVERRIDE_UID, REVIEW_CASE_UID } from './content-types';
import { dueDateInputOf } from './due-date-input';
import { fieldError } from '../common/field-error';
import { refused, toHttpError } from './http-errors';
import { applySaveRules } from './save-rules';
import { currentActor, recordEvent } from './events';
import { assertWritableOrganizations } from './scope';
import { deleteApplicationFiles } from '../storage/application-files';

const present = (v: unknown) => v !== null && v !== undefined && v !== '';

/** documentIds of the organizations a write touches: the stored one and the one in the payload. */
async function touchedOrganizations(strapi: Core.Strapi, existingOrg: string | null | undefined, payload: unknown) {
  const ref = relationTarget(payload);
  if (ref === undefined) return [existingOrg];
  const next = ref ? (await findReferenced<{ documentId: string }>(strapi, 'api::organization.organization', ref, ['documentId']))?.documentId : null;
  return existingOrg === undefined ? [next] : [existingOrg, next];
}

/** Organizations of the rows a relation payload links or unlinks: each of those rows is written too. */
async function organizationsOfTargets(strapi: Core.Strapi, uid: typeof APPLICATION_UID | typeof REVIEW_CASE_UID, value: unknown) {
  const out: (string | null)[] = [];
  for (const ref of relationTargets(value)) {
    const where = 'documentId' in ref ? { documentId: ref.documentId } : { id: ref.id };
    const row: any = await strapi.db.query(uid).findOne({ where, populate: { organization: { select: ['documentId'] } } });
    out.push(row?.organization?.documentId ?? null);
  }
  return out;
}

async function organizationOf(strapi: Core.Strapi, uid: typeof APPLICATION_UID | typeof REVIEW_CASE_UID, documentId: string | undefined) {
  if (!documentId) return null;
  const row: any = await strapi.db.query(uid).findOne({ where: { documentId }, populate: { organization: { select: ['documentId'] } } });
  return row ? (row.organization?.documentId ?? null) : undefined;
}

/**
 * Every write of an application, whatever the path (content manager, plugin routes, import, scripts):
 * status transitions and outcomes, extension/correction/consultation data, the stored due date, the fee,
 * then the domain rules (dates, tracking number). Returns what is needed to record the event afterwards.
 */
export async function beforeApplicationSave(strapi: Core.Strapi, action: 'create' | 'update', params: any) {
  const data: Record<string, any> = (params.data = params.data ?? {});
  const existing: any =
    action === 'update' && params.documentId
      ? await strapi.db.query(APPLICATION_UID).findOne({ where: { documentId: params.documentId }, populate: { organization: { select: ['documentId'] } } })
      : null;
  await assertWritableOrganizations(strapi, [
    ...(await touchedOrganizations(strapi, existing ? (existing.organization?.documentId ?? null) : undefined, data.organization)),
    ...(await organizationsOfTargets(strapi, REVIEW_CASE_UID, data.reviewCases)),
  ]);
  const { from, to } = applySaveRules(existing, data, shanghaiDate(), await loadCalendar(strapi));
  await beforeApplicationWrite(strapi, action, params);
  // statusNote is the note of the change being saved: it goes into the event and is then cleared, so that
  // the edit form (which sends every field back) does not attach it to the next change as well.
  const note = present(data.statusNote) && data.statusNote !== existing?.statusNote ? String(data.statusNote) : null;
  if (from !== to && note !== null) data.statusNote = null;
  return { from, to, note };
}

/** A review case named by its application belongs to that application's organization unless given one. */
async function beforeReviewCaseSave(strapi: Core.Strapi, action: 'create' | 'update', params: any) {
  const data: Record<string, any> = (params.data = params.data ?? {});
  const appRef = relationTarget(data.application);
  if (appRef && relationTarget(data.organization) === undefined && action === 'create') {
    const where = 'documentId' in appRef ? { documentId: appRef.documentId } : { id: appRef.id };
    const application: any = await strapi.db.query(APPLICATION_UID).findOne({ where, populate: { organization: { select: ['documentId'] } } });
    if (application?.organization?.documentId) data.organization = application.organization.documentId;
  }
  const existing: any =
    action === 'update' && params.documentId
      ? await strapi.db.query(REVIEW_CASE_UID).findOne({ where: { documentId: params.documentId }, populate: { organization: { select: ['documentId'] } } })
      : null;
  await assertWritableOrganizations(strapi, [
    ...(await touchedOrganizations(strapi, existing ? (existing.organization?.documentId ?? null) : undefined, data.organization)),
    ...(await organizationsOfTargets(strapi, APPLICATION_UID, data.application)),
  ]);
  await beforeReviewCaseWrite(strapi, action, params);
}

/** Recomputes the stored due date of every open application (after the calendar changed). */
export async function recomputeOpenDueDates(strapi: Core.Strapi) {
  const calendar = await loadCalendar(strapi);
  const today = shanghaiDate();
  const open: any[] = await strapi.db.query(APPLICATION_UID).findMany({
    where: { applicationStatus: { $in: [...OPEN_STATUSES] } },
  });
  for (const a of open) {
    try {
      const r = computeDueDate(dueDateInputOf(a, today), calendar);
      await strapi.db.query(APPLICATION_UID).update({
        where: { id: a.id },
        data: { dueDate: r.dueDate, dueDateProvisional: r.provisional, missingCalendarYears: r.missingCalendarYears, correctionLimit: r.correctionLimit },
      });
    } catch {
      // A stored application the rules now refuse keeps its last due date; the next edit shows the error.
    }
  }
}

function checkCalendarOverride(data: Record<string, any>) {
  if (data.date !== undefined && !toIsoDate(data.date)) throw fieldError('date', '“日期”须为YYYY-MM-DD格式的有效日期', 'date must be YYYY-MM-DD');
}

export function registerApplicationMiddleware(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as any;
    const params: any = (context as any).params;
    if (uid === APPLICATION_UID && (action === 'create' || action === 'update')) {
      let change: Awaited<ReturnType<typeof beforeApplicationSave>>;
      try {
        change = await beforeApplicationSave(strapi, action, params);
      } catch (e) {
        throw toHttpError(e);
      }
      const actor = currentActor(strapi);
      const result: any = await next();
      const documentId = result?.documentId ?? params.documentId;
      if (documentId) {
        if (action === 'create') {
          await recordEvent(strapi, { applicationDocumentId: documentId, action: 'created', toStatus: change.to, note: change.note }, actor);
        } else if (change.from !== change.to) {
          await recordEvent(
            strapi,
            { applicationDocumentId: documentId, action: 'transition', fromStatus: change.from, toStatus: change.to, note: change.note },
            actor,
          );
        }
      }
      return result;
    }
    if ((uid === APPLICATION_UID || uid === REVIEW_CASE_UID) && action === 'clone') {
      // A clone would copy a citizen's request (or a case about it) into a new record outside every rule.
      throw refused('申请和复议诉讼案件不能复制，请新建。', 'Applications and review cases cannot be cloned: create a new one.');
    }
    if ((uid === APPLICATION_UID || uid === REVIEW_CASE_UID) && action === 'delete') {
      const org = await organizationOf(strapi, uid, params?.documentId);
      if (org !== undefined) await assertWritableOrganizations(strapi, [org]);
    }
    if (uid === APPLICATION_UID && action === 'delete') {
      const result = await next();
      // Events may hold notes about the applicant, files are the applicant's or about them: they go with the application.
      if (params?.documentId) {
        await strapi.db.query(EVENT_UID as any).deleteMany({ where: { applicationDocumentId: params.documentId } });
        await strapi.db.transaction(({ trx }) => deleteApplicationFiles(trx, params.documentId));
      }
      return result;
    }
    if (uid === REVIEW_CASE_UID && (action === 'create' || action === 'update')) {
      await beforeReviewCaseSave(strapi, action, params);
      return next();
    }
    if (uid === OVERRIDE_UID || uid === CALENDAR_YEAR_UID) {
      if (action === 'create' || action === 'update') checkCalendarOverride(params?.data ?? {});
      const result = await next();
      if (['create', 'update', 'delete'].includes(action)) await recomputeOpenDueDates(strapi);
      return result;
    }
    return next();
  });
}
