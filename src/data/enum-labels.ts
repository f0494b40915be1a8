/** Read by the admin bundle too (src/admin/app.tsx): data only, no imports. */
/** Chinese names of the app's own enum codes (the disclosure plugin names those of applications and review cases). */
export const ENUM_LABELS: Record<string, Record<string, string>> = {
  'api::notice.notice.documentType': {
    regulation: '规章',
    'normative-document': '行政规范性文件',
    'other-document': '其他文件',
    'policy-interpretation': '政策解读',
    'licensing-decision': '行政许可决定',
    'punishment-decision': '行政处罚决定',
    'enforcement-decision': '行政强制决定',
    'work-update': '工作动态',
    announcement: '通知公告',
    other: '其他',
  },
  'api::notice.notice.validity': { 'in-force': '有效', abolished: '已废止', expired: '已失效', 'not-applicable': '不适用' },
  'plugin::disclosure.calendar-override.kind': { holiday: '休息日', workday: '工作日' },
  'plugin::disclosure.comment.moderation': { submitted: '待处理', approved: '通过（网站显示）', rejected: '不予显示' },
  'plugin::disclosure.comment.targetKind': { notice: '政府信息', report: '年度报告' },
  'api::organization.organization.level': { province: '省级', city: '市级', county: '县级', township: '乡镇', department: '部门', other: '其他' },
};
