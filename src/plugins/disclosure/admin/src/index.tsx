import { Calendar, ChartPie, Eye, Files } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { ApplicationPanel } from './components/applications/EditViewPanel';
import { rememberDispatch, ReportPanel } from './components/reports/EditViewPanel';
import { TABLES_FIELD_DESCRIPTION, TABLES_FIELD_LABEL } from './components/reports/messages';
import { ENUM_LABELS } from '../../server/src/core/working-days/labels';

// The admin asks for an enum option's name by its code: the codes of applications and review cases.
const ENUM_NAMES: Record<string, string> = Object.assign({}, ...Object.values(ENUM_LABELS));

// Each admin page of the plugin is its own menu link, loaded on demand.
export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMiddlewares?.([rememberDispatch]);
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/annual-reports`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.menu.annual-reports`, defaultMessage: '年度报告' },
      Component: () => import('./pages/AnnualReportsPage'),
      permissions: [{ action: 'plugin::disclosure.stats.read', subject: null }],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/applications`,
      icon: Files,
      intlLabel: { id: `${PLUGIN_ID}.menu.applications`, defaultMessage: '依申请公开' },
      Component: () => import('./pages/ApplicationsPage'),
      permissions: [{ action: 'plugin::disclosure.applications.read', subject: null }],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/access-log`,
      icon: Eye,
      intlLabel: { id: `${PLUGIN_ID}.menu.access-log`, defaultMessage: '个人信息访问记录' },
      Component: () => import('./pages/AccessLogPage'),
      permissions: [{ action: 'plugin::disclosure.access-log.read', subject: null }],
    });
    // The office's own work on the admin home: deadlines, and this year's report.
    app.widgets?.register([
      {
        icon: Calendar,
        title: { id: `${PLUGIN_ID}.widget.deadlines`, defaultMessage: '依申请公开：临近期限' },
        component: async () => (await import('./components/home/Widgets')).DeadlinesWidget,
        pluginId: PLUGIN_ID,
        id: 'deadlines',
        permissions: [{ action: 'plugin::disclosure.applications.read' }],
      },
      {
        icon: ChartPie,
        title: { id: `${PLUGIN_ID}.widget.reports`, defaultMessage: '年度报告' },
        component: async () => (await import('./components/home/Widgets')).ReportsWidget,
        pluginId: PLUGIN_ID,
        id: 'reports',
        permissions: [{ action: 'plugin::disclosure.stats.read' }],
      },
    ]);
    // The annual report's `tables` are edited as the national tables, not as raw JSON.
    app.customFields.register({
      name: 'report-tables',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: TABLES_FIELD_LABEL,
      intlDescription: TABLES_FIELD_DESCRIPTION,
      components: { Input: async () => import('./components/reports/TablesField') },
    });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ locale, data: locale.startsWith('zh') ? ENUM_NAMES : {} }));
  },
  bootstrap(app: any) {
    // An application's edit view shows its due date (with the explanation) and its dated events; an
    // annual report's, its prose checked against its tables.
    app.getPlugin('content-manager')?.apis?.addEditViewSidePanel?.([ApplicationPanel, ReportPanel]);
  },
};
