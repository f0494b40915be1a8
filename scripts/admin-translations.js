#!/usr/bin/env node
'use strict';
/**
 * Fills the gaps of Strapi's own zh-Hans admin translation (the content manager's is almost empty) into
 * src/admin/translations/zh-Hans.json: each missing message is taken from Strapi's Traditional (zh) file,
 * converted to mainland Simplified with OpenCC (tw phrases → cn), and overridden by the hand-checked
 * wording below. Run after upgrading Strapi: `node scripts/admin-translations.js`.
 */
const fs = require('fs');
const path = require('path');
const OpenCC = require('opencc-js');

const root = path.resolve(__dirname, '..');
const load = (file) => {
  const mod = require(path.join(root, 'node_modules', file));
  return mod.default || mod;
};
const toCn = OpenCC.Converter({ from: 'twp', to: 'cn' });

// Strapi package → translations folder and the prefix its messages carry at runtime.
const SOURCES = [
  { dir: '@strapi/admin/dist/admin/admin/src/translations', prefix: '' },
  { dir: '@strapi/content-manager/dist/admin/translations', prefix: 'content-manager.' },
  { dir: '@strapi/i18n/dist/admin/translations', prefix: 'i18n.' },
];

/** Checked by hand: the messages an editor sees on every screen, in mainland wording. */
const WORDING = {
  'content-manager.success.record.save': '文档已保存',
  'content-manager.success.record.publish': '文档已发布',
  'content-manager.success.record.publishing': '正在发布…',
  'content-manager.success.record.unpublish': '已取消发布',
  'content-manager.success.record.delete': '已删除',
  'content-manager.success.record.clone': '已复制',
  'content-manager.success.record.discard': '已放弃修改',
  'content-manager.success.records.publish': '发布成功。',
  'content-manager.success.records.unpublish': '已取消发布。',
  'content-manager.success.records.delete': '删除成功。',
  'content-manager.relation.create': '新建关联条目',
  'content-manager.containers.List.modified': '已修改',
  'content-manager.containers.List.draft': '草稿',
  'content-manager.containers.List.published': '已发布',
  'content-manager.containers.edit.tabs.label': '文档状态',
  'content-manager.containers.edit.tabs.draft': '草稿',
  'content-manager.containers.edit.tabs.published': '已发布',
  'content-manager.containers.edit.panels.default.title': '条目',
  'content-manager.containers.edit.panels.default.more-actions': '更多操作',
  'content-manager.containers.edit.header.more-actions': '更多操作',
  'content-manager.containers.edit.title.new': '新建条目',
  'content-manager.containers.edit.information.last-published.label': '发布于',
  'content-manager.containers.edit.information.last-draft.label': '更新于',
  'content-manager.containers.edit.information.document.label': '创建于',
  'content-manager.containers.edit.information.documentId.label': '文档 ID',
  'content-manager.containers.EditView.publishHint': 'Ctrl / Cmd + Shift + Enter 发布',
  'content-manager.containers.EditView.saveHint': 'Ctrl / Cmd + Enter 保存',
  'content-manager.containers.List.statusFilter.draft': '草稿（从未发布）',
  'content-manager.containers.List.statusFilter.published': '已发布（全部）',
  'content-manager.containers.List.statusFilter.publishedModified': '已发布（有修改）',
  'content-manager.containers.List.statusFilter.publishedUnmodified': '已发布（无修改）',
  'content-manager.containers.list.filters.status': '状态',
  'content-manager.containers.list.table.row-actions': '操作',
  'content-manager.containers.empty-label': '无标题',
  'content-manager.containers.untitled': '无标题',
  'content-manager.actions.clone.label': '复制',
  'content-manager.actions.edit.label': '编辑',
  'content-manager.actions.discard.label': '放弃修改',
  'content-manager.actions.open-in-new-tab.label': '在新标签页中打开',
  'content-manager.actions.copy-documentId.label': '复制文档 ID',
  'content-manager.actions.unpublish.dialog.body': '确定要取消发布吗？',
  'content-manager.actions.unpublish.dialog.option.keep-draft': '取消发布并保留最近的草稿',
  'content-manager.actions.unpublish.dialog.option.replace-draft': '取消发布并以已发布版本替换草稿',
  'content-manager.actions.delete.dialog.body': '确定要删除这一条目吗？此操作不能撤销。',
  'content-manager.actions.discard.dialog.body': '确定要放弃修改吗？此操作不能撤销。',
  'content-manager.components.RelationInputModal.modal-title': '编辑关联条目',
  'content-manager.components.RelationInputModal.button-fullpage': '打开条目',
  'content-manager.validation.error': '有字段未通过校验，请改正后再保存。',
  'content-manager.listView.validation.errors.title': '需要处理',
  'content-manager.popUpWarning.warning.unpublish': '不发布的内容将自动成为草稿。',
  'content-manager.popUpWarning.warning.unpublish-question': '确定不发布吗？',
  'content-manager.popUpWarning.bodyMessage.contentType.delete.all': '确定要删除这些条目吗？',
  'content-manager.popUpWarning.bodyMessage.contentType.publish.all': '确定要发布这些条目吗？',
  'content-manager.popUpWarning.bodyMessage.contentType.unpublish.all': '确定要取消发布这些条目吗？',
  'content-manager.widget.last-edited.title': '最近编辑的条目',
  'content-manager.widget.last-edited.no-data': '没有编辑过的条目',
  'content-manager.widget.last-published.title': '最近发布的条目',
  'content-manager.widget.last-published.no-data': '没有发布的条目',
  'content-manager.widget.chart-entries.title': '条目',
  'content-manager.containers.edit-settings.modal-form.label': '标签',
  'content-manager.containers.edit-settings.modal-form.description': '说明',
  'content-manager.containers.edit-settings.modal-form.placeholder': '占位提示',
  'content-manager.containers.edit-settings.modal-form.mainField': '条目标题字段',
  'content-manager.containers.edit-settings.modal-form.editable': '可编辑',
  'content-manager.containers.edit-settings.modal-form.size': '宽度',
  'content-manager.actions-drawer.open': '更多操作',
  'content-manager.actions-drawer.close': '收起',
  'content-manager.components.LeftMenu.Search.label': '搜索内容类型',
  'content-manager.widget.chart-entries.count.label': '{count, plural, other {条目}}',
  'content-manager.form.Input.hint.text':
    '{min, select, undefined {} other {至少 {min}}}{divider}{max, select, undefined {} other {最多 {max}}}{unit}{br}{description}',
  'content-manager.form.Input.hint.character.unit': '{maxValue, plural, other { 字}}',
  'content-manager.preview.panel.title': '预览',
  'content-manager.preview.panel.button': '打开预览',
  'content-manager.preview.panel.button-configuration': '设置预览',
  'HomePage.header.title': '您好，{name}',
  'HomePage.header.subtitle': '欢迎使用政府信息公开管理平台',
  'HomePage.addWidget.title': '添加组件',
  'HomePage.addWidget.button': '添加组件',
  'global.profile': '个人资料',
  'global.profile.settings': '个人设置',
  'global.search': '搜索',
  'widget.profile.title': '个人资料',
  'widget.key-statistics.title': '系统统计',
  'widget.key-statistics.list.admins': '管理员',
  'widget.key-statistics.list.apiTokens': 'API 令牌',
  'widget.key-statistics.list.assets': '文件',
  'widget.key-statistics.list.components': '组件',
  'widget.key-statistics.list.contentTypes': '内容类型',
  'search.placeholder': '搜索',
  'content-manager.containers.list.table-headers.status': '状态',
  'i18n.list-view.table.header.label': '语言版本',
  'widget.key-statistics.list.entries': '条目',
  'widget.key-statistics.list.locales': '语言',
  'widget.key-statistics.list.webhooks': 'Webhooks',
};

const out = {};
for (const { dir, prefix } of SOURCES) {
  const en = load(`${dir}/en.json.js`);
  const hans = load(`${dir}/zh-Hans.json.js`);
  const hant = load(`${dir}/zh.json.js`);
  for (const key of Object.keys(en).sort()) {
    if (hans[key]) continue;
    if (hant[key]) out[prefix + key] = toCn(hant[key]);
  }
}
Object.assign(out, WORDING);
const file = path.join(root, 'src/admin/translations/zh-Hans.json');
fs.writeFileSync(file, `${JSON.stringify(Object.fromEntries(Object.entries(out).sort()), null, 2)}\n`);
console.log(`${Object.keys(out).length} messages written to ${path.relative(root, file)}`);
