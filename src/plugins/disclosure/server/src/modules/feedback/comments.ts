import type { Core } from '@strapi/strapi';
import { fieldError } from '../common/field-error';
import { sourceLocale } from '../stats/service';
import { convertText, type Kind } from '../search/service';
import { COMMENT_LIMITS, COMMENT_UID } from './content-types';
import { countRequest } from './rate-limit';

/** Comments one client may leave per window (plugin config `commentLimit`). */
export const COMMENT_LIMIT = { hits: 5, windowMs: 10 * 60_000 };

export interface CommentInput {
  nickname: string;
  text: string;
  contact: string | null;
}

const LABELS = { nickname: '昵称', text: '留言内容', contact: '联系方式' } as const;

/** The body checked: each problem a 400 naming its field (Chinese, then English). null: the honeypot was filled. */
export function parseComment(body: unknown): CommentInput | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw fieldError('text', '请提交留言内容。', 'Send { nickname, text, contact? }.');
  const b = body as Record<string, unknown>;
  // a field people never see: only robots fill it in
  if (typeof b.website === 'string' && b.website.trim()) return null;
  const text = (field: keyof typeof LABELS, required: boolean): string | null => {
    const value = b[field];
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      if (required) throw fieldError(field, `请填写“${LABELS[field]}”。`, `"${field}" is required.`);
      return null;
    }
    const max = COMMENT_LIMITS[field];
    if (typeof value !== 'string') throw fieldError(field, `“${LABELS[field]}”须为文本。`, `"${field}" must be text.`);
    const trimmed = value.trim();
    if ([...trimmed].length > max) throw fieldError(field, `“${LABELS[field]}”不能超过 ${max} 个字。`, `"${field}" is limited to ${max} characters.`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(trimmed))
      throw fieldError(field, `“${LABELS[field]}”含有不可见的控制字符。`, `"${field}" contains control characters.`);
    return trimmed;
  };
  return { nickname: text('nickname', true)!, text: text('text', true)!, contact: text('contact', false) };
}

export function commentsOf(strapi: Core.Strapi) {
  const inScript = async (text: string | null, locale: string) => (text ? convertText(strapi, sourceLocale(strapi), locale, text) : text);
  return {
    /** Approved comments, oldest first, nickname and text as written (a Traditional page converts them) and the office's reply. */
    async approved(kind: Kind, documentId: string, locale: string) {
      const rows: any[] = await strapi.db.query(COMMENT_UID as any).findMany({
        where: { targetKind: kind, targetDocumentId: documentId, moderation: 'approved' },
        select: ['documentId', 'nickname', 'text', 'reply', 'createdAt', 'moderatedAt'],
        orderBy: { createdAt: 'asc' },
        limit: 200,
      });
      return Promise.all(
        rows.map(async (r) => ({
          documentId: r.documentId,
          nickname: r.nickname,
          text: await inScript(r.text, locale),
          reply: await inScript(r.reply ?? null, locale),
          createdAt: r.createdAt,
          repliedAt: r.reply ? r.moderatedAt : null,
        })),
      );
    },

    /** A new comment, pending moderation; the client (hashed address) may leave COMMENT_LIMIT.hits per window. */
    async create(kind: Kind, documentId: string, title: string, input: CommentInput, client: string) {
      await strapi.db.transaction(({ trx }) => countRequest(strapi, trx, 'comment', client, COMMENT_LIMIT, 'commentLimit'));
      await strapi.documents(COMMENT_UID as any).create({
        data: { moderation: 'submitted', targetKind: kind, targetDocumentId: documentId, targetTitle: title.slice(0, 500), ...input } as any,
      });
    },
  };
}
