import type { PluginModule } from '../../utils/merge-modules';
import stats from './service';
import statsController from './controller';
import { ensureLinkColumns, registerLinkColumnGuard } from './link-columns';

const statsModule: PluginModule = {
  register({ strapi }) {
    registerLinkColumnGuard(strapi);
  },
  async bootstrap({ strapi }) {
    const { created, repaired } = await ensureLinkColumns(strapi);
    if (created.length) strapi.log.info(`[disclosure] link columns kept by triggers: ${created.join(', ')} (${repaired} rows brought in line)`);
  },
  services: { stats },
  controllers: { stats: statsController },
  routes: {
    'content-api': [{ method: 'GET', path: '/stats', handler: 'stats.find', config: { auth: false, policies: [] } }],
  },
};

export default statsModule;
