import type { PluginModule } from '../../utils/merge-modules';
import { ACTION_DEFINITIONS } from './actions';
import reportsController from './controller';
import { registerReportMiddleware } from './middleware';
import { adminRoutes, contentApiRoutes } from './routes';
import reports from './service';
import { previousYearContentTypes } from './previous-year';
import { labelTerms } from '../../core/annual-report';

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
  async bootstrap({ strapi }) {
    // The report's fixed wording as glossary terms, once, through chinese-variants' public service when installed.
    const glossary = strapi.plugin('chinese-variants')?.service('glossary') as
      { seedTermSet(name: string, terms: Array<{ term: string; note?: string }>): Promise<number> } | undefined;
    if (!glossary) return;
    const note = '年度报告固定用语（国家格式），整体转换、全文一致。';
    const seeded = await glossary.seedTermSet(
      'disclosure-report-labels',
      labelTerms('2021').map((term) => ({ term, note })),
    );
    if (seeded > 0) strapi.log.info(`[disclosure] annual report wording added to the chinese-variants glossary (${seeded} terms)`);
  },
  contentTypes: previousYearContentTypes,
  services: { reports },
  controllers: { reports: reportsController },
  routes: { admin: adminRoutes, 'content-api': contentApiRoutes },
};

export default reportsModule;
