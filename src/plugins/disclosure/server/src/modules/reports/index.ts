import type { PluginModule } from '../../utils/merge-modules';
import { ACTION_DEFINITIONS } from './actions';
import reportsController from './controller';
import { registerReportMiddleware } from './middleware';
import { adminRoutes, contentApiRoutes } from './routes';
import reports from './service';
import { previousYearContentTypes } from './previous-year';

/**
 * 年度报告: generation from the stats service, validation on every save and on publish, overrides,
 * acknowledgement of cross-year warnings, exports, the admin page's data and the tables custom field.
 */
const reportsModule: PluginModule = {
  async register({ strapi }) {
    registerReportMiddleware(strapi);
    strapi.customFields.register({ name: 'report-tables', plugin: 'disclosure', type: 'json' });
    await (strapi.service('admin::permission') as any).actionProvider.registerMany(ACTION_DEFINITIONS);
  },
  contentTypes: previousYearContentTypes,
  services: { reports },
  controllers: { reports: reportsController },
  routes: { admin: adminRoutes, 'content-api': contentApiRoutes },
};

export default reportsModule;
