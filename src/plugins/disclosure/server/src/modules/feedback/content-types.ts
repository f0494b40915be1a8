/** 留言: a citizen's comment on a published notice or report, shown only once an editor approves it. */
export const COMMENT_UID = 'plugin::disclosure.comment';

export const MODERATION = ['submitted', 'approved', 'rejected'] as const;
export const COMMENT_LIMITS = { nickname: 20, text: 500, contact: 100, reason: 500, reply: 2000 };

const comment = {
  kind: 'collectionType',
  collectionName: 'disclosure_comments',
  info: {
    singularName: 'comment',
    pluralName: 'comments',
    displayName: '网站留言',
    description: '公众对已公开信息的留言：编辑审核通过后才在网站显示，联系方式从不公开',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-type-builder': { visible: false }, i18n: { localized: false } },
  attributes: {
    moderation: { type: 'enumeration', enum: [...MODERATION], default: 'submitted', required: true },
    targetKind: { type: 'enumeration', enum: ['notice', 'report'], required: true },
    targetDocumentId: { type: 'string', required: true, maxLength: 64 },
    targetTitle: { type: 'string', maxLength: 500 },
    nickname: { type: 'string', required: true, maxLength: COMMENT_LIMITS.nickname },
    text: { type: 'text', required: true, maxLength: COMMENT_LIMITS.text },
    // personal data: never in an API answer, only in the admin
    contact: { type: 'string', maxLength: COMMENT_LIMITS.contact, private: true },
    rejectionReason: { type: 'text', maxLength: COMMENT_LIMITS.reason },
    reply: { type: 'text', maxLength: COMMENT_LIMITS.reply },
    moderatedAt: { type: 'datetime' },
  },
};

export const contentTypes = { comment: { schema: comment } };
