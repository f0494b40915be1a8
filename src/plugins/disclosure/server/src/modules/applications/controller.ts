import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isIsoDate, PRE_RECEIPT_STATUSES, processingFee } from '../../core/working-days';
import { APPLICATION_UID } from './content-types';
import { eventsOf } from './events';
import { dueDateReport, officerView } from './officer-view';
import { visibleOrganizations } from './scope';
import { recordAccess } from '../access/access-log';

/** The application if the admin user may see it (super admin, or one of their organizations), else 404. */
export async function visibleApplication(strapi: Core.Strapi, ctx: any) {
  const application: any = await strapi.db.query(APPLICATION_UID).findOne({
    where: { documentId: ctx.params.documentId },
    populate: { organization: { select: ['documentId'] } },
  });
  const orgs = await visibleOrganizations(strapi, ctx.state.user);
  if (!application || (orgs && !orgs.includes(application.organization?.documentId))) {
    throw new errors.NotFoundError('未找到该申请 / application not found');
  }
  await recordAccess(strapi, APPLICATION_UID, [application.documentId]);
  return application;
}

function todayParam(ctx: any): string | undefined {
  const t = ctx.query?.today;
  if (t === undefined || t === '') return undefined;
  if (!isIsoDate(t)) throw new errors.ValidationError('today must be YYYY-MM-DD');
  return t;
}

const applications = ({ strapi }: { strapi: Core.Strapi }) => ({
  async dueDate(ctx: any) {
    const application = await visibleApplication(strapi, ctx);
    if (PRE_RECEIPT_STATUSES.includes(application.applicationStatus)) {
      // not received yet (or never): no clock runs
      ctx.body = {
        data: { documentId: application.documentId, applicationStatus: application.applicationStatus, preReceipt: true, dueDate: null, explanation: [] },
      };
      return;
    }
    ctx.body = { data: await dueDateReport(strapi, application, todayParam(ctx)) };
  },

  async events(ctx: any) {
    const application = await visibleApplication(strapi, ctx);
    ctx.body = { data: await eventsOf(strapi, application.documentId) };
  },

  async officerView(ctx: any) {
    const organizations = await visibleOrganizations(strapi, ctx.state.user);
    const { organization, status } = ctx.query ?? {};
    const data = await officerView(strapi, {
      organizations,
      organization: typeof organization === 'string' && organization ? organization : undefined,
      status: typeof status === 'string' && status ? status : undefined,
      today: todayParam(ctx),
    });
    await recordAccess(
      strapi,
      APPLICATION_UID,
      Object.values(data.groups).flatMap((g: any[]) => g.map((r) => r.documentId)),
    );
    ctx.body = { data };
  },

  /** POST { method: 'per-request', requestNumberInMonth } | { method: 'per-page', pages } → the 信息处理费. */
  async fee(ctx: any) {
    const body = ctx.request.body ?? {};
    try {
      const basis =
        body.method === 'per-request'
          ? {
              method: 'per-request' as const,
              requestNumberInMonth: Number(body.requestNumberInMonth),
              ...(body.pages !== undefined ? { pages: body.pages } : {}),
            }
          : {
              method: body.method,
              pages: Number(body.pages),
              ...(body.requestNumberInMonth !== undefined ? { requestNumberInMonth: body.requestNumberInMonth } : {}),
            };
      ctx.body = { data: processingFee(basis as any) };
    } catch (e: any) {
      throw new errors.ValidationError(e.message);
    }
  },
});

export default applications;
