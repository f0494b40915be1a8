/**
 * Every field an editor sees has a Chinese label, and every stored enum code a Chinese name: checked
 * against the content types' own schemas, so a new attribute or code cannot ship with a raw name.
 */
import fs from 'fs';
import path from 'path';
import { ADMIN_LAYOUTS, ENUM_LABELS } from '../../../src/data/admin-labels';
import { ENUM_LABELS as PLUGIN_ENUM_LABELS } from '../../../src/plugins/disclosure/server/src/core/working-days/labels';
import zhHans from '../../../src/admin/translations/zh-Hans.json';

const API = path.resolve(__dirname, '../../../src/api');
const schemas = fs.readdirSync(API).flatMap((api) => {
  const dir = path.join(API, api, 'content-types');
  return fs.existsSync(dir)
    ? fs.readdirSync(dir).map((name) => ({ uid: `api::${api}.${name}`, schema: JSON.parse(fs.readFileSync(path.join(dir, name, 'schema.json'), 'utf8')) }))
    : [];
});
const CHINESE = /[\u4e00-\u9fff]/;

describe('admin labels', () => {
  it.each(schemas.map((s) => [s.uid, s.schema] as const))('%s: every field shown in the admin has a Chinese label', (uid, schema) => {
    const layout = ADMIN_LAYOUTS[uid];
    expect(layout).toBeDefined();
    const shown = Object.entries(schema.attributes as Record<string, any>).filter(([, a]) => a.visible !== false);
    const missing = shown.filter(([name]) => !CHINESE.test(layout.fields[name]?.label ?? '')).map(([name]) => name);
    expect(missing).toEqual([]);
    // list columns and the sort name real attributes
    for (const column of layout.list) expect(schema.attributes).toHaveProperty(column);
    expect(schema.attributes).toHaveProperty(layout.sort.field);
  });

  it.each(schemas.map((s) => [s.uid, s.schema] as const))('%s: every enum code has a Chinese name, the same wherever the code appears', (uid, schema) => {
    for (const [field, attribute] of Object.entries(schema.attributes as Record<string, any>)) {
      if (attribute.type !== 'enumeration') continue;
      const names = ENUM_LABELS[`${uid}.${field}`] ?? PLUGIN_ENUM_LABELS[`${uid}.${field}`];
      expect(names).toBeDefined();
      for (const code of attribute.enum) expect(names[code]).toMatch(CHINESE);
    }
  });

  it('one code, one name: the admin looks enum names up by the code alone', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const names of [...Object.values(ENUM_LABELS), ...Object.values(PLUGIN_ENUM_LABELS)]) {
      for (const [code, name] of Object.entries(names)) {
        if (seen.has(code) && seen.get(code) !== name) clashes.push(`${code}: ${seen.get(code)} / ${name}`);
        seen.set(code, name);
      }
    }
    // 'other' is 其他 / 其他结果 / 其他组织: the shortest reads right in every place
    expect(clashes.filter((c) => !c.startsWith('other:'))).toEqual([]);
  });

  it('fills the content manager’s missing zh-Hans messages, in mainland wording', () => {
    const messages = zhHans as Record<string, string>;
    expect(messages['content-manager.success.record.save']).toBe('文档已保存');
    expect(messages['content-manager.relation.create']).toMatch(CHINESE);
    expect(Object.values(messages).filter((m) => /[儲資訊檔們這個為與]/.test(m))).toEqual([]);
  });
});

/** `{name}` and `{name, select, …}` arguments of an ICU message. */
const argumentsOf = (text: string) => [...new Set([...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();

describe.each([
  ['disclosure', 'src/plugins/disclosure/admin/src/translations'],
  ['chinese-variants', 'src/plugins/chinese-variants/admin/src/translations'],
])('the %s plugin’s admin messages', (_plugin, dir) => {
  const load = (locale: string): Record<string, string> => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../..', dir, `${locale}.json`), 'utf8'));
  const zh = load('zh-Hans');
  const en = load('en');

  it('exist in Chinese and in English, with the same arguments', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect([key, argumentsOf(en[key])]).toEqual([key, argumentsOf(zh[key])]);
      // the Chinese text has no English words outside its arguments (a tool's name such as opencc-js aside)
      let text = zh[key];
      while (/\{[^{}]*\}/.test(text)) text = text.replace(/\{[^{}]*\}/g, '');
      expect([key, /(?<![\w-])[a-z]{4,}(?![\w-])/.test(text)]).toEqual([key, false]);
    }
  });
});
