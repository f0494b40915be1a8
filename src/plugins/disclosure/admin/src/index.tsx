import { ChartPie, Files } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';

// Each admin page of the plugin is its own menu link, loaded on demand.
export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/annual-reports`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.menu.annual-reports`, defaultMessage: '年度报告' },
      Component: () => import('./pages/AnnualReportsPage'),
      permissions: [],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/applications`,
      icon: Files,
      intlLabel: { id: `${PLUGIN_ID}.menu.applications`, defaultMessage: '依申请公开' },
      Component: () => import('./pages/ApplicationsPage'),
      permissions: [],
    });
  },
};
