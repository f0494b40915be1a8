import type { Core } from '@strapi/strapi';
import {
  computeDueDate,
  isApplicationStatus,
  isFinalStatus,
  processingFee,
  validateOutcome,
  validateTransition,
  type ApplicationStatus,
} from '../../applications';
import { beforeApplicationWrite, beforeReviewCaseWrite } from '../../../../../../domain/application-rules';
import { findReferenced, relationTarget } from '../../../../../../domain/relations';
import { shanghaiDate, toIsoDate } from '../../../../../../domain/dates';
import { loadCalendar } from './calendar';
import { APPLICATION_UID, CALENDAR_YEAR_UID, EVENT_UID, OVERRIDE_UID, REVIEW_CASE_UID } from './content-types';
import { dueDateInputOf, hasExtension, parseConsultations } from './due-date-input';
import { fieldError, toHttpError } from './errors';
import { currentActor, importContext, recordEvent } from './events';
import { assertWritableOrganizations } from './scope';

const present = (v: unknown) => v !== null && v !== undefined && v !== '';

/** documentIds of the organizations a write touches: the stored one and the one in the payload. */
async function touchedOrganizations(strapi: Core.Strapi, existingOrg: string | null | undefined, payload: unknown) {
  const ref = relationTarget(payload);
  if (ref === undefined) return [existingOrg];
  const next = ref ? (await findReferenced<{ documentId: string }>(strapi, 'api::organization.organization', ref, ['documentId']))?.documentId : null;
  return existingOrg === undefined ? [next] : [existingOrg, next];
}

/** Fills what a status change implies when the officer did not type it: dates of today, closing open consultations. */
function applyTransitionDefaults(merged: Record<string, any>, data: Record<string, any>, from: string | null, to: string, today: string) {
  const set = (k: string, v: unknown) => {
    data[k] = v;
    merged[k] = v;
  };
  if (to === 'awaiting-correction' && !present(merged.correctionRequestedDate)) set('correctionRequestedDate', today);
  if (from === 'awaiting-correction' && to === 'received' && !present(merged.correctionReceivedDate)) set('correctionReceivedDate', today);
  const consultations = parseConsultations(merged.consultations);
  if (to === 'consulting' && !consultations.some((c) => !c.endDate)) {
    set('consultations', [...consultations, { kind: 'third-party', startDate: today, endDate: null }]);
  }
  if (from === 'consulting' && to !== 'consulting' && consultations.some((c) => !c.endDate)) {
    set('consultations', consultations.map((c) => (c.endDate ? c : { ...c, endDate: today > c.startDate ? today : c.startDate })));
  }
  if (to === 'answered' && !present(merged.answeredDate)) set('answeredDate', today);
}

function checkFee(merged: Record<string, any>, data: Record<string, any>) {
  const method = merged.feeMethod || 'none';
  const n = merged.feeRequestNumberInMonth;
  const pages = merged.feePages;
  if (method === 'none') {
    if (present(n) || present(pages)) throw fieldError('feeMethod', 'feeMethod must be "per-request" or "per-page" when a request number or page count is given');
    if (present(merged.feeYuan) && Number(merged.feeYuan) !== 0) {
      throw fieldError('feeYuan', 'a fee needs its basis: set feeMethod to "per-request" or "per-page"');
    }
    return;
  }
  if (method === 'per-request' && present(pages)) throw fieldError('feePages', 'a fee is billed per request or per page, never both: clear feePages');
  if (method === 'per-page' && present(n)) throw fieldError('feeRequestNumberInMonth', 'a fee is billed per request or per page, never both: clear feeRequestNumberInMonth');
  const field = method === 'per-request' ? 'feeRequestNumberInMonth' : 'feePages';
  if (!present(merged[field])) throw fieldError(field, `${field} is required when feeMethod is "${method}"`);
  let yuan: number;
  try {
    yuan =
      method === 'per-request'
        ? processingFee({ method: 'per-request', requestNumberInMonth: Number(n) }).yuan
        : processingFee({ method: 'per-page', pages: Number(pages) }).yuan;
  } catch (e: any) {
    throw fieldError(field, e.message);
  }
  const given = data.feeYuan;
  if (present(given) && Math.abs(Number(given) - yuan) > 0.001) {
    throw fieldError('feeYuan', `feeYuan (${Number(given)}) does not match the fee of 国办函〔2020〕109号 for this basis (${yuan})`);
  }
  data.feeYuan = yuan;
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
  await assertWritableOrganizations(strapi, await touchedOrganizations(strapi, existing ? existing.organization?.documentId ?? null : undefined, data.organization));
  const merged: Record<string, any> = { ...(existing ?? {}), ...data };
  delete merged.organization;
  const today = shanghaiDate();
  const from: string | null = existing ? existing.applicationStatus ?? 'received' : null;
  const to: string = merged.applicationStatus || 'received';
  if (!isApplicationStatus(to)) {
    throw fieldError('applicationStatus', `unknown applicationStatus ${JSON.stringify(to)}`);
  }
  try {
    if (from !== null && from !== to) {
      if (!isApplicationStatus(from)) throw fieldError('applicationStatus', `stored applicationStatus is unknown: ${JSON.stringify(from)}`);
      validateTransition(from as ApplicationStatus, to, merged.outcome);
    } else {
      validateOutcome(to, merged.outcome);
    }
  } catch (e) {
    throw toHttpError(e);
  }
  if (existing && isFinalStatus(from as ApplicationStatus) && present(data.outcome) && data.outcome !== existing.outcome) {
    throw fieldError('outcome', `the outcome of an application that is "${from}" is final and cannot be changed`);
  }
  if (from !== to) applyTransitionDefaults(merged, data, from, to, today);
  if (to === 'extended' && !hasExtension(merged)) {
    throw fieldError('extensionWorkingDays', 'an extended application needs extensionWorkingDays, extensionApprover and extensionReason (Art. 33)');
  }
  if (to === 'awaiting-correction' && present(merged.correctionReceivedDate)) {
    throw fieldError('correctionReceivedDate', 'an application awaiting correction cannot have correctionReceivedDate yet');
  }
  if (present(merged.receivedDate)) {
    try {
      const result = computeDueDate(dueDateInputOf(merged, today), await loadCalendar(strapi));
      data.dueDate = result.dueDate;
      data.dueDateProvisional = result.provisional;
      data.missingCalendarYears = result.missingCalendarYears;
      data.correctionLimit = result.correctionLimit;
    } catch (e) {
      throw toHttpError(e);
    }
  }
  checkFee(merged, data);
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
  await assertWritableOrganizations(strapi, await touchedOrganizations(strapi, existing ? existing.organization?.documentId ?? null : undefined, data.organization));
  await beforeReviewCaseWrite(strapi, action, params);
}

/** Recomputes the stored due date of every open application (after the calendar changed). */
export async function recomputeOpenDueDates(strapi: Core.Strapi) {
  const calendar = await loadCalendar(strapi);
  const today = shanghaiDate();
  const open: any[] = await strapi.db.query(APPLICATION_UID).findMany({
    where: { applicationStatus: { $notIn: ['answered', 'closed'] } },
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
  if (data.date !== undefined && !toIsoDate(data.date)) throw fieldError('date', 'date must be YYYY-MM-DD');
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
          await recordEvent(strapi, { applicationDocumentId: documentId, action: importContext.getStore() ? 'imported' : 'created', toStatus: change.to, note: change.note }, actor);
        } else if (change.from !== change.to) {
          await recordEvent(strapi, { applicationDocumentId: documentId, action: 'transition', fromStatus: change.from, toStatus: change.to, note: change.note }, actor);
        }
      }
      return result;
    }
    if (uid === APPLICATION_UID && action === 'delete') {
      const result = await next();
      // Events may hold notes about the applicant: they go with the application.
      if (params?.documentId) await strapi.db.query(EVENT_UID as any).deleteMany({ where: { applicationDocumentId: params.documentId } });
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
