import type { PluginModule } from '../../utils/merge-modules';
import stats from './service';
import statsController from './controller';

const statsModule: PluginModule = {
  services: { stats },
  controllers: { stats: statsController },
  routes: {
    'content-api': [{ method: 'GET', path: '/stats', handler: 'stats.find', config: { auth: false, policies: [] } }],
  },
};

export default statsModule;
