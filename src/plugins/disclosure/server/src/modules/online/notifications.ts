import type { Core } from '@strapi/strapi';
import { outcomeLabel, STATUS_LABELS, type ApplicationStatus } from '../../core/working-days';
import { APPLICATION_UID } from '../applications/content-types';

/** The status changes an online applicant is told about by email (received: only the receipt and a correction's arrival). */
const NOTIFIED: ApplicationStatus[] = ['received', 'awaiting-correction', 'extended', 'answered', 'closed', 'dismissed'];
const told = (from: string, to: string) =>
  NOTIFIED.includes(to as ApplicationStatus) && (to !== 'received' || from === 'submitted' || from === 'awaiting-correction');

export interface NotificationConfig {
  /** SMTP is configured (config/plugins.ts, SMTP_HOST): without it nothing is sent and the admin says so. */
  enabled: boolean;
  /** Where the portal is, for the link to the lookup page. */
  portalUrl: string;
}

const config = (strapi: Core.Strapi): NotificationConfig => ({
  enabled: false,
  portalUrl: '',
  ...((strapi.config.get('plugin::disclosure.notifications') as Partial<NotificationConfig> | undefined) ?? {}),
});

export const notificationsEnabled = (strapi: Core.Strapi) => config(strapi).enabled;

/** The message for a status an application reached: subject and plain text, in the applicant's (Simplified) Chinese. */
export function messageFor(a: Record<string, any>, from: string, portalUrl: string): { subject: string; text: string } {
  const status = a.applicationStatus as ApplicationStatus;
  const lines: string[] = [];
  const link = portalUrl ? `${portalUrl.replace(/\/$/, '')}/#/apply/status` : '';
  switch (status) {
    case 'received':
      lines.push(
        from === 'awaiting-correction'
          ? `受理机关已收到您的补正材料（${a.correctionReceivedDate}），答复期限重新计算，为${a.dueDate ?? '——'}。`
          : `受理机关已确认收到您的申请。收到申请日期为${a.receivedDate}，答复期限为${a.dueDate ?? '——'}（按工作日计算）。`,
      );
      break;
    case 'awaiting-correction':
      lines.push(
        '受理机关告知您补正申请：',
        String(a.correctionRequest ?? ''),
        a.correctionAnswerBy ? `请于${a.correctionAnswerBy}前通过查询页面提交补正。` : '请通过查询页面提交补正。',
      );
      lines.push('逾期未补正的，视为放弃申请（条例第三十条）。');
      break;
    case 'extended':
      lines.push(`受理机关决定延长答复期限${a.extensionWorkingDays ?? ''}个工作日（条例第三十三条），延长后的答复期限为${a.dueDate ?? '——'}。`);
      if (a.extensionReason) lines.push(`理由：${a.extensionReason}`);
      break;
    case 'answered':
    case 'closed':
      lines.push(`受理机关已于${a.answeredDate ?? ''}答复您的申请，办理结果：${a.outcome ? outcomeLabel(a.outcome) : ''}。`);
      if (a.answerText) lines.push(String(a.answerText));
      lines.push('答复文件可在查询页面下载。');
      break;
    case 'dismissed':
      lines.push('受理机关认为您的提交不属于政府信息公开申请，不作为申请处理。', `理由：${a.dismissalReason ?? ''}`);
      break;
  }
  const subject = `【${STATUS_LABELS[status]?.zh ?? status}】政府信息公开申请 ${a.trackingNumber}`;
  const text = [
    `您的政府信息公开申请（申请编号 ${a.trackingNumber}）有新的进展：`,
    '',
    ...lines,
    '',
    link ? `查询办理进度（需要申请编号和查询码）：${link}` : '请凭申请编号和查询码在网站的“在线申请”页面查询办理进度。',
    '',
    '本邮件由系统自动发送，请勿直接回复。',
  ].join('\n');
  return { subject, text };
}

/**
 * Emails an online applicant when the application reaches a status they must know of. Sent after the write
 * commits (a change rolled back sends nothing); a failure is logged without the address or any personal data
 * and never undoes the write.
 */
export function registerNotifications(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as any;
    const params: any = (context as any).params;
    if (uid !== APPLICATION_UID || action !== 'update' || !params?.documentId || !notificationsEnabled(strapi)) return next();
    const before: any = await strapi.db.query(APPLICATION_UID as any).findOne({ where: { documentId: params.documentId }, select: ['applicationStatus'] });
    const result: any = await next();
    const status = result?.applicationStatus;
    if (!before || !status || status === before.applicationStatus || !told(before.applicationStatus, status)) return result;
    const send = () => void notify(strapi, params.documentId, before.applicationStatus).catch(() => undefined);
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(send));
    else send();
    return result;
  });
}

async function notify(strapi: Core.Strapi, documentId: string, from: string) {
  const a: any = await strapi.db.query(APPLICATION_UID as any).findOne({ where: { documentId } });
  if (!a || a.channel !== 'online' || !a.applicantEmail) return;
  const { subject, text } = messageFor(a, from, config(strapi).portalUrl);
  try {
    await strapi.plugin('email').service('email').send({ to: a.applicantEmail, subject, text });
  } catch (error: any) {
    strapi.log.warn(`[disclosure] notification of ${a.trackingNumber} (${a.applicationStatus}) not sent: ${error?.code ?? error?.responseCode ?? 'error'}`);
  }
}
