import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseSubmission } from '../../core/online-submission';
import { isIsoDate, shanghaiDate } from '../../core/working-days/calendar-date';
import { APPLICATION_UID } from '../applications/content-types';
import { visibleApplication } from '../applications/controller';
import { fieldError } from '../common/field-error';
import { answerTooMany, RateLimitedError } from '../feedback/rate-limit';
import { convertText } from '../search/service';
import { sourceLocale } from '../stats/service';
import { notificationsEnabled } from './notifications';
import type { OnlineService } from './service';
import { ATTACHMENT, readAttachment, sendFile } from './uploads';

const TRACKING = /^[A-Za-z0-9._-]{1,64}$/;
const CORRECTION_MAX = 2000;

const body = (ctx: any): Record<string, unknown> => {
  const b = ctx.request.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? b : {};
};

const notFound = () => new errors.NotFoundError('没有找到该申请：请核对申请编号和查询码。 No application with this tracking number and query code.');

const onlineController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('disclosure').service('online') as OnlineService;
  const maxBytes = () => Number((strapi.config.get('plugin::disclosure.onlineAttachment') as any)?.maxBytes ?? ATTACHMENT.maxBytes);

  /**
   * Runs a public handler: 429 when a limit refuses it; a refusal's Chinese in the script of the page that
   * sent the request (its `locale` field), so that a Traditional page names the problem in Traditional.
   */
  const limited =
    (handler: (ctx: any) => Promise<void>) =>
    async (ctx: any): Promise<void> => {
      try {
        await handler(ctx);
      } catch (error: any) {
        if (error instanceof RateLimitedError) return answerTooMany(ctx, error);
        const locale = body(ctx).locale;
        if (error instanceof errors.ApplicationError && typeof locale === 'string' && locale !== sourceLocale(strapi)) {
          const inScript = (text: string) => convertText(strapi, sourceLocale(strapi), locale, text);
          error.message = await inScript(error.message);
          for (const e of (error.details as any)?.errors ?? []) if (typeof e.message === 'string') e.message = await inScript(e.message);
        }
        throw error;
      }
    };

  /** The page's locale: an enabled one (400 otherwise), the source locale when none is given. */
  async function localeOf(value: unknown): Promise<string> {
    if (value === undefined || value === null || value === '') return 'zh-Hans';
    const locales = await strapi.plugin('i18n').service('locales').find();
    if (typeof value !== 'string' || !locales.some((l: any) => l.code === value)) {
      throw fieldError('locale', '“locale”须为已启用的语言。', '"locale" must be an enabled locale.');
    }
    return value;
  }

  /** The application the request's tracking number and query code name, or a 404 that does not say which was wrong. */
  async function ownApplication(ctx: any) {
    const { trackingNumber, queryCode } = body(ctx);
    if (typeof trackingNumber !== 'string' || !TRACKING.test(trackingNumber.trim())) {
      throw fieldError('trackingNumber', '请填写申请编号', 'trackingNumber is required');
    }
    if (typeof queryCode !== 'string' || !/^[A-Za-z0-9\s-]{4,40}$/.test(queryCode)) {
      throw fieldError('queryCode', '请填写查询码', 'queryCode is required');
    }
    const application = await service().find(trackingNumber.trim(), queryCode, ctx.request.ip ?? '');
    if (!application) throw notFound();
    return application;
  }

  return {
    /** GET /online-applications/form[?locale=]: the organizations that take applications online, the choices, the limits. */
    async form(ctx: any) {
      ctx.body = { data: await service().form(await localeOf(ctx.query?.locale), maxBytes()) };
    },

    /** POST /online-applications (JSON or multipart with one `file`): 201 with the tracking number and the query code. */
    submit: limited(async (ctx: any) => {
      const client = ctx.request.ip ?? '';
      await service().countAttempt('attempts', client);
      const parsed = parseSubmission(body(ctx), shanghaiDate());
      if (!parsed.submission) {
        const message = parsed.problems.map((p) => p.zh).join('；') + ' / ' + parsed.problems.map((p) => p.en).join('; ');
        throw new errors.ValidationError(message, {
          errors: parsed.problems.map((p) => ({ path: [p.field], message: `${p.zh} / ${p.en}`, name: 'ValidationError' })),
        });
      }
      const organization = await service().organization(parsed.submission.organization);
      if (!organization) {
        throw fieldError('organization', '所选机关不存在或不受理网上申请', 'the organization does not exist or does not take applications online');
      }
      const attachment = await readAttachment(ctx, maxBytes());
      const receipt = await service().submit(parsed.submission, attachment, client);
      ctx.status = 201;
      ctx.body = {
        data: {
          trackingNumber: receipt.trackingNumber,
          queryCode: receipt.queryCode,
          submittedAt: receipt.submittedAt,
          organization: organization.name,
          status: 'submitted',
        },
      };
    }),

    /** POST /online-applications/lookup { trackingNumber, queryCode }: the progress, never the personal data. */
    lookup: limited(async (ctx: any) => {
      const application = await ownApplication(ctx);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: await service().view(application, await localeOf(body(ctx).locale)) };
    }),

    /** POST /online-applications/correction { trackingNumber, queryCode, text, file? }: 补正 online. */
    correction: limited(async (ctx: any) => {
      const application = await ownApplication(ctx);
      if (application.applicationStatus !== 'awaiting-correction') {
        throw new errors.ApplicationError('该申请目前不需要补正。 This application is not awaiting a correction.', { status: application.applicationStatus });
      }
      const text = body(ctx).text;
      if (typeof text !== 'string' || !text.trim()) throw fieldError('text', '请填写补正内容', 'text is required');
      if ([...text.trim()].length > CORRECTION_MAX)
        throw fieldError('text', `补正内容不能超过${CORRECTION_MAX}个字`, `text must be at most ${CORRECTION_MAX} characters`);
      const attachment = await readAttachment(ctx, maxBytes());
      await service().correct(application, text.trim(), attachment);
      const updated = await service().find(application.trackingNumber, String(body(ctx).queryCode), ctx.request.ip ?? '');
      ctx.body = { data: updated ? await service().view(updated, await localeOf(body(ctx).locale)) : null };
    }),

    /** POST /online-applications/file { trackingNumber, queryCode, fileId }: a reply document of the office. */
    file: limited(async (ctx: any) => {
      const application = await ownApplication(ctx);
      const id = Number(body(ctx).fileId);
      if (!Number.isSafeInteger(id) || id < 1) throw fieldError('fileId', '“fileId”须为文件编号', 'fileId must be a file id');
      const file = await service().replyFile(application, id);
      if (!file) throw new errors.NotFoundError('没有这个答复文件。 No such reply document.');
      sendFile(ctx, file);
    }),

    // ---- admin (prefix /disclosure, the plugin's actions required by the routes) ----

    /** GET /online/notifications: whether applicants are emailed (SMTP configured), for the officer's page. */
    async notifications(ctx: any) {
      ctx.body = { data: { enabled: notificationsEnabled(strapi) } };
    },

    /**
     * POST /applications/:documentId/confirm-receipt [{ receivedDate }]: 签收 — received today (Asia/Shanghai) or on
     * the day the confirmation was made (not before the submission, not in the future); the clock starts.
     */
    async confirmReceipt(ctx: any) {
      const application = await visibleApplication(strapi, ctx);
      const { receivedDate } = body(ctx);
      if (receivedDate !== undefined && receivedDate !== null && receivedDate !== '' && !isIsoDate(receivedDate)) {
        throw fieldError('receivedDate', '“收到申请日期”须为YYYY-MM-DD格式的有效日期', 'receivedDate must be YYYY-MM-DD');
      }
      if (application.applicationStatus !== 'submitted') {
        throw new errors.ApplicationError('只有“网上提交待签收”的申请可以签收。 Only a submitted application can be confirmed.', {
          status: application.applicationStatus,
        });
      }
      const updated = await strapi.documents(APPLICATION_UID as any).update({
        documentId: application.documentId,
        data: { applicationStatus: 'received', ...(receivedDate ? { receivedDate } : {}) } as any,
      });
      ctx.body = {
        data: {
          documentId: updated?.documentId,
          applicationStatus: (updated as any)?.applicationStatus,
          receivedDate: (updated as any)?.receivedDate,
          dueDate: (updated as any)?.dueDate,
        },
      };
    },

    /** POST /applications/:documentId/dismiss { reason }: not an application (spam, 信访): closed, never in Table 3. */
    async dismiss(ctx: any) {
      const application = await visibleApplication(strapi, ctx);
      const reason = body(ctx).reason;
      if (typeof reason !== 'string' || !reason.trim()) throw fieldError('reason', '请写明不作为申请处理的理由', 'reason is required');
      if ([...reason].length > 1000) throw fieldError('reason', '理由不能超过1000个字', 'reason must be at most 1000 characters');
      if (application.applicationStatus !== 'submitted') {
        throw new errors.ApplicationError('只有“网上提交待签收”的申请可以不作为申请处理。 Only a submitted application can be dismissed.', {
          status: application.applicationStatus,
        });
      }
      await strapi.documents(APPLICATION_UID as any).update({
        documentId: application.documentId,
        data: { applicationStatus: 'dismissed', dismissalReason: reason.trim() } as any,
      });
      ctx.body = { data: { documentId: application.documentId, applicationStatus: 'dismissed' } };
    },

    /** GET /applications/:documentId/files: the files of an application (names, kinds, sizes). */
    async files(ctx: any) {
      const application = await visibleApplication(strapi, ctx);
      ctx.body = { data: await service().files(application.documentId) };
    },

    /** GET /applications/:documentId/files/:id: one file, as a download. */
    async download(ctx: any) {
      const application = await visibleApplication(strapi, ctx);
      const id = Number(ctx.params.id);
      const file = Number.isSafeInteger(id) && id > 0 ? await service().file(application.documentId, id) : null;
      if (!file) throw new errors.NotFoundError('没有这个文件。 No such file.');
      sendFile(ctx, file);
    },

    /** POST /applications/:documentId/files (multipart `file`): the office's reply document. */
    async addReply(ctx: any) {
      const application = await visibleApplication(strapi, ctx);
      const attachment = await readAttachment(ctx, maxBytes());
      if (!attachment) throw fieldError('file', '请选择要上传的答复文件', 'a file is required');
      const id = await service().addReply(application.documentId, attachment);
      ctx.status = 201;
      ctx.body = { data: { id, name: attachment.name, mime: attachment.mime, size: attachment.content.length } };
    },
  };
};

export default onlineController;
