import type { PluginModule } from '../../utils/merge-modules';
import health from './controller';

const healthModule: PluginModule = {
  controllers: { health },
  routes: {
    'content-api': [{ method: 'GET', path: '/health', handler: 'health.check', config: { auth: false, policies: [] } }],
  },
};

export default healthModule;
