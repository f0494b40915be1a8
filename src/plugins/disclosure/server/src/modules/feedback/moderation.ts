import type { Core } from '@strapi/strapi';
import { fieldError } from '../common/field-error';
import { COMMENT_UID } from './content-types';

/**
 * Moderation on every write path: a rejection names its reason (kept for the record, never shown), and
 * the time of the decision is set when an editor approves or rejects.
 */
export function registerModerationRule(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== COMMENT_UID || (context.action !== 'create' && context.action !== 'update')) return next();
    const params: any = context.params;
    const data = params.data ?? {};
    const before: any =
      context.action === 'update' && params.documentId
        ? await strapi.db.query(COMMENT_UID as any).findOne({ where: { documentId: params.documentId }, select: ['moderation', 'rejectionReason'] })
        : null;
    const moderation = data.moderation ?? before?.moderation ?? 'submitted';
    const reason = data.rejectionReason !== undefined ? data.rejectionReason : before?.rejectionReason;
    if (moderation === 'rejected' && !(typeof reason === 'string' && reason.trim())) {
      throw fieldError('rejectionReason', '不予显示时须填写“不予显示理由”。', 'A rejected comment needs its rejectionReason.');
    }
    if (moderation !== 'submitted' && moderation !== before?.moderation) params.data = { ...data, moderatedAt: new Date().toISOString() };
    return next();
  });
}
