import type { PluginModule } from '../../utils/merge-modules';
import controller from './controller';
import service, { VOTE_LIMIT, type FeedbackService } from './service';
import { COMMENT_LIMIT } from './comments';
import { contentTypes } from './content-types';
import { registerModerationRule } from './moderation';

/**
 * 有用 on every published notice and report (one vote per browser and page, counted in the database) and
 * 留言: comments that show once an editor approves them in the admin (网站留言), with the office's reply.
 */
const feedbackModule: PluginModule = {
  config: { default: { helpfulVoteLimit: VOTE_LIMIT, commentLimit: COMMENT_LIMIT } },
  register({ strapi }) {
    registerModerationRule(strapi);
  },
  contentTypes,
  async bootstrap({ strapi }) {
    await (strapi.plugin('disclosure').service('feedback') as FeedbackService).ensure();
  },
  controllers: { feedback: controller },
  services: { feedback: service },
  routes: {
    'content-api': [
      { method: 'GET', path: '/helpful/:kind/:documentId', handler: 'feedback.count', config: { auth: false, policies: [] } },
      { method: 'POST', path: '/helpful/:kind/:documentId', handler: 'feedback.vote', config: { auth: false, policies: [] } },
      { method: 'GET', path: '/comments/:kind/:documentId', handler: 'feedback.comments', config: { auth: false, policies: [] } },
      { method: 'POST', path: '/comments/:kind/:documentId', handler: 'feedback.comment', config: { auth: false, policies: [] } },
    ],
  },
};

export default feedbackModule;
