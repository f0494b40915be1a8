import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError } from '../common/field-error';
import { SEARCHED, type Kind } from '../search/service';
import { commentsOf, parseComment } from './comments';
import { answerTooMany, RateLimitedError } from './rate-limit';
import type { FeedbackService } from './service';

const VOTER = /^[A-Za-z0-9_-]{16,64}$/;

function target(ctx: any): { kind: Kind; documentId: string } {
  const { kind, documentId } = ctx.params ?? {};
  if (!(kind in SEARCHED))
    throw fieldError('kind', `“kind”须为 ${Object.keys(SEARCHED).join('、')} 之一。`, `"kind" must be one of ${Object.keys(SEARCHED).join(', ')}.`);
  if (typeof documentId !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(documentId)) {
    throw fieldError('documentId', '“documentId”格式不正确。', '"documentId" is malformed.');
  }
  return { kind: kind as Kind, documentId };
}

const notFound = () => new errors.NotFoundError('没有这篇已发布的信息。 No published document with this documentId.');

const feedbackController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('disclosure').service('feedback') as FeedbackService;
  return {
    /** GET /helpful/:kind/:documentId[?voter=]: the count, and whether this browser has voted. */
    async count(ctx: any) {
      const { kind, documentId } = target(ctx);
      const voter = typeof ctx.query?.voter === 'string' && VOTER.test(ctx.query.voter) ? ctx.query.voter : undefined;
      if ((await service().publishedTitle(kind, documentId)) === null) throw notFound();
      ctx.body = { data: await service().helpful(kind, documentId, voter) };
    },

    /** POST /helpful/:kind/:documentId { voter }: 201 when counted, 200 when this voter had voted already. */
    async vote(ctx: any) {
      const { kind, documentId } = target(ctx);
      const body = ctx.request.body;
      const voter = body && typeof body === 'object' && !Array.isArray(body) ? body.voter : undefined;
      if (typeof voter !== 'string' || !VOTER.test(voter)) {
        throw fieldError('voter', '“voter”须为浏览器生成的 16 至 64 位标识。', '"voter" must be the browser’s token of 16 to 64 letters, digits, - or _.');
      }
      if ((await service().publishedTitle(kind, documentId)) === null) throw notFound();
      try {
        const result = await service().vote(kind, documentId, voter, ctx.request.ip ?? '');
        ctx.status = result.counted ? 201 : 200;
        ctx.body = { data: result };
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        answerTooMany(ctx, error);
      }
    },

    /** GET /comments/:kind/:documentId[?locale=]: the approved comments and the office's replies. */
    async comments(ctx: any) {
      const { kind, documentId } = target(ctx);
      if ((await service().publishedTitle(kind, documentId)) === null) throw notFound();
      const locale = typeof ctx.query?.locale === 'string' ? ctx.query.locale : 'zh-Hans';
      const locales = await strapi.plugin('i18n').service('locales').find();
      if (!locales.some((l: any) => l.code === locale)) throw fieldError('locale', '“locale”须为已启用的语言。', '"locale" must be an enabled locale.');
      ctx.body = { data: await commentsOf(strapi).approved(kind, documentId, locale) };
    },

    /** POST /comments/:kind/:documentId { nickname, text, contact? }: 202, shown once an editor approves it. */
    async comment(ctx: any) {
      const { kind, documentId } = target(ctx);
      const input = parseComment(ctx.request.body);
      const title = await service().publishedTitle(kind, documentId);
      if (title === null) throw notFound();
      try {
        if (input) await commentsOf(strapi).create(kind, documentId, title, input, ctx.request.ip ?? '');
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        return answerTooMany(ctx, error);
      }
      ctx.status = 202;
      ctx.body = { data: { moderation: 'submitted' } };
    },
  };
};

export default feedbackController;
