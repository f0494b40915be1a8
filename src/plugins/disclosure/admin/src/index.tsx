import { Calendar, ChartPie, Eye, Files } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { ApplicationPanel } from './components/applications/EditViewPanel';
import { rememberDispatch, ReportPanel } from './components/reports/EditViewPanel';
import { ENUM_NAMES, message } from './intl';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

const prefixed = (messages: Record<string, string>) => Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${PLUGIN_ID}.${key}`, text]));

// Each admin page of the plugin is its own menu link, loaded on demand.
export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMiddlewares?.([rememberDispatch]);
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/annual-reports`,
      icon: ChartPie,
      intlLabel: message('menu.annual-reports'),
      Component: () => import('./pages/AnnualReportsPage'),
      permissions: [{ action: 'plugin::disclosure.stats.read', subject: null }],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/applications`,
      icon: Files,
      intlLabel: message('menu.applications'),
      Component: () => import('./pages/ApplicationsPage'),
      permissions: [{ action: 'plugin::disclosure.applications.read', subject: null }],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/access-log`,
      icon: Eye,
      intlLabel: message('menu.accessLog'),
      Component: () => import('./pages/AccessLogPage'),
      permissions: [{ action: 'plugin::disclosure.access-log.read', subject: null }],
    });
    // The office's own work on the admin home: deadlines, and this year's report.
    app.widgets?.register([
      {
        icon: Calendar,
        title: message('widget.deadlines'),
        component: async () => (await import('./components/home/Widgets')).DeadlinesWidget,
        pluginId: PLUGIN_ID,
        id: 'deadlines',
        permissions: [{ action: 'plugin::disclosure.applications.read' }],
      },
      {
        icon: ChartPie,
        title: message('widget.reports'),
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
      intlLabel: message('report-tables.label'),
      intlDescription: message('report-tables.description'),
      components: { Input: async () => import('./components/reports/TablesField') },
    });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    // zh-Hans: the plugin's messages and the names of the stored codes; en: the plugin's messages (codes stay codes)
    return locales.map((locale) => ({
      locale,
      data: locale === 'en' ? prefixed(en) : locale.startsWith('zh') ? { ...prefixed(zhHans), ...ENUM_NAMES } : {},
    }));
  },
  bootstrap(app: any) {
    // An application's edit view shows its due date (with the explanation) and its dated events; an
    // annual report's, its prose checked against its tables.
    app.getPlugin('content-manager')?.apis?.addEditViewSidePanel?.([ApplicationPanel, ReportPanel]);
  },
};
