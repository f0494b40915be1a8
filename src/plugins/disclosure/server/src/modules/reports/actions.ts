/** RBAC actions of the annual-report pages and routes (Settings → Roles → Plugins → disclosure). */
export const ACTIONS = {
  readStats: 'plugin::disclosure.stats.read',
  generate: 'plugin::disclosure.reports.generate',
} as const;

export const ACTION_DEFINITIONS = [
  { section: 'plugins', displayName: '查看统计和年度报告 / Read statistics and reports', uid: 'stats.read', pluginName: 'disclosure' },
  { section: 'plugins', displayName: '生成年度报告 / Generate reports', uid: 'reports.generate', pluginName: 'disclosure' },
];
