import type { PluginModule } from '../../utils/merge-modules';
import controller from './controller';
import service, { VOTE_LIMIT, type FeedbackService } from './service';

/** 有用 on every published notice and report: one vote per browser and page, counted in the database. */
const feedbackModule: PluginModule = {
  config: { default: { helpfulVoteLimit: VOTE_LIMIT } },
  async bootstrap({ strapi }) {
    await (strapi.plugin('disclosure').service('feedback') as FeedbackService).ensure();
  },
  controllers: { feedback: controller },
  services: { feedback: service },
  routes: {
    'content-api': [
      { method: 'GET', path: '/helpful/:kind/:documentId', handler: 'feedback.count', config: { auth: false, policies: [] } },
      { method: 'POST', path: '/helpful/:kind/:documentId', handler: 'feedback.vote', config: { auth: false, policies: [] } },
    ],
  },
};

export default feedbackModule;
