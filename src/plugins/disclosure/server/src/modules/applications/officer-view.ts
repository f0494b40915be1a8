import type { Core } from '@strapi/strapi';
import { computeDueDate, type DueDateResult, OPEN_STATUSES, overdueStatus, type WorkingDayCalendar } from '../../core/working-days';
import { shanghaiDate, toIsoDate } from '../../core/working-days/calendar-date';
import { loadCalendar } from './calendar';
import { APPLICATION_UID } from './content-types';
import { dueDateInputOf } from './due-date-input';
import { toHttpError } from './http-errors';

/** `submitted`: online submissions waiting for the office to confirm their receipt (签收), no clock yet. */
export type Group = 'submitted' | 'overdue' | 'dueSoon' | 'onTime' | 'awaitingCorrection';
/** What the officer's page lists: the open applications and the submissions waiting for 签收. */
const LISTED: string[] = ['submitted', ...OPEN_STATUSES];

/** The due date of a stored application as of `today`, with its explanation. */
export function dueDateOf(application: Record<string, any>, calendar: WorkingDayCalendar, today: string): DueDateResult {
  try {
    return computeDueDate(dueDateInputOf(application, today), calendar);
  } catch (e) {
    throw toHttpError(e);
  }
}

export async function dueDateReport(strapi: Core.Strapi, application: Record<string, any>, today = shanghaiDate()) {
  const calendar = await loadCalendar(strapi);
  const result = dueDateOf(application, calendar, today);
  const missing = result.missingCalendarYears;
  return {
    documentId: application.documentId,
    trackingNumber: application.trackingNumber,
    applicationStatus: application.applicationStatus,
    today,
    ...result,
    overdue: result.dueDate && OPEN_STATUSES.includes(application.applicationStatus) ? overdueStatus(result.dueDate, today, calendar) : null,
    calendarNotice: missing.length
      ? {
          zh: `${missing.join('、')}年的节假日安排尚未录入（chinese-days 未收录，也未在“年度日历”中声明完整），期限按仅排除周末暂算。`,
          en: `The holiday calendar of ${missing.join(', ')} is missing (not in chinese-days and not declared complete); the due date is provisional (weekends only).`,
        }
      : null,
  };
}

/** Open applications grouped by due date (overdue, due within 3 working days, on time), with counts per organization. */
export async function officerView(strapi: Core.Strapi, options: { organizations: string[] | null; organization?: string; status?: string; today?: string }) {
  const today = options.today ?? shanghaiDate();
  const calendar = await loadCalendar(strapi);
  const where: any = { applicationStatus: { $in: LISTED } };
  if (options.status) where.applicationStatus = LISTED.includes(options.status) ? options.status : '__none__';
  const orgFilter: any[] = [];
  if (options.organizations) orgFilter.push({ organization: { documentId: { $in: options.organizations.length ? options.organizations : ['__none__'] } } });
  if (options.organization) orgFilter.push({ organization: { documentId: options.organization } });
  if (orgFilter.length) where.$and = orgFilter;
  const rows: any[] = await strapi.db.query(APPLICATION_UID).findMany({
    where,
    populate: {
      organization: { select: ['documentId', 'name', 'code'] },
      reviewCases: { select: ['documentId', 'kind', 'caseNumber', 'result', 'filedDate'] },
    },
  });
  const groups: Record<Group, any[]> = { submitted: [], overdue: [], dueSoon: [], onTime: [], awaitingCorrection: [] };
  const counts = new Map<string, any>();
  for (const a of rows) {
    let result: DueDateResult | null = null;
    let error: string | null = null;
    const submitted = a.applicationStatus === 'submitted';
    try {
      if (!submitted) result = dueDateOf(a, calendar, today);
    } catch (e: any) {
      error = e.message;
    }
    const dueDate = result?.dueDate ?? null;
    const state = dueDate ? overdueStatus(dueDate, today, calendar) : null;
    const group: Group = submitted
      ? 'submitted'
      : !dueDate
        ? 'awaitingCorrection'
        : state === 'overdue'
          ? 'overdue'
          : state === 'due-soon'
            ? 'dueSoon'
            : 'onTime';
    const org = a.organization ?? null;
    // Art. 30: no correction within the period given means the request is given up (（六）其他处理 1).
    const answerBy = toIsoDate(a.correctionAnswerBy);
    const readyToClose = a.applicationStatus === 'awaiting-correction' && answerBy && answerBy < today ? 'other.noCorrection' : null;
    groups[group].push({
      readyToClose,
      documentId: a.documentId,
      trackingNumber: a.trackingNumber,
      organization: org ? { documentId: org.documentId, name: org.name, code: org.code } : null,
      applicationStatus: a.applicationStatus,
      receivedDate: a.receivedDate,
      submittedAt: a.submittedAt ?? null,
      dueDate,
      provisional: result?.provisional ?? false,
      missingCalendarYears: result?.missingCalendarYears ?? [],
      correctionLimit: result?.correctionLimit ?? null,
      warnings: result?.warnings ?? [],
      explanation: result?.explanation ?? [],
      error,
      reviewCases: (a.reviewCases ?? []).map((r: any) => ({
        documentId: r.documentId,
        kind: r.kind,
        caseNumber: r.caseNumber,
        result: r.result,
        filedDate: r.filedDate,
      })),
    });
    const key = org?.documentId ?? 'none';
    const c = counts.get(key) ?? {
      organization: org ? { documentId: org.documentId, name: org.name, code: org.code } : null,
      total: 0,
      submitted: 0,
      overdue: 0,
      dueSoon: 0,
      onTime: 0,
      awaitingCorrection: 0,
    };
    c.total += 1;
    c[group] += 1;
    counts.set(key, c);
  }
  const byDue = (x: any, y: any) =>
    String(x.dueDate ?? '9999').localeCompare(String(y.dueDate ?? '9999')) ||
    String(x.receivedDate ?? x.submittedAt).localeCompare(String(y.receivedDate ?? y.submittedAt));
  Object.values(groups).forEach((g) => g.sort(byDue));
  return { today, groups, counts: [...counts.values()].sort((x, y) => String(x.organization?.code ?? '').localeCompare(String(y.organization?.code ?? ''))) };
}
