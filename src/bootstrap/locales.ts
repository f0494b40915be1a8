import type { Core } from '@strapi/strapi';

export const SOURCE_LOCALE = 'zh-Hans';

// Shown in the admin's locale picker, in the script of each locale.
const LOCALE_NAMES: Record<string, string> = {
  'zh-Hans': '简体中文 (zh-Hans)',
  'zh-Hant': '繁體中文 (zh-Hant)',
  'zh-Hant-HK': '繁體中文・香港 (zh-Hant-HK)',
  'zh-Hant-TW': '繁體中文・台灣 (zh-Hant-TW)',
};
// The names earlier versions gave them: renamed once, an administrator's own name is kept.
const ENGLISH_NAMES = new Set([
  'Chinese (Simplified) (zh-Hans)',
  'Chinese (Traditional) (zh-Hant)',
  'Chinese (Traditional, Hong Kong) (zh-Hant-HK)',
  'Chinese (Traditional, Taiwan) (zh-Hant-TW)',
]);

/**
 * zh-Hans is the default locale and every other listed locale exists. Idempotent: on a fresh database
 * and on one that already has other locales (which are left alone).
 */
export async function ensureLocales(strapi: Core.Strapi, codes: string[] = ['zh-Hant']) {
  const locales = strapi.plugin('i18n').service('locales');
  const fresh = !(await locales.findByCode(SOURCE_LOCALE));
  for (const code of [SOURCE_LOCALE, ...codes]) {
    const existing = await locales.findByCode(code);
    if (!existing) await locales.create({ code, name: LOCALE_NAMES[code] ?? code });
    else if (ENGLISH_NAMES.has(existing.name) && LOCALE_NAMES[code]) {
      await strapi.db.query('plugin::i18n.locale').update({ where: { id: existing.id }, data: { name: LOCALE_NAMES[code] } });
    }
  }
  if ((await locales.getDefaultLocale()) !== SOURCE_LOCALE) {
    await locales.setDefaultLocale({ code: SOURCE_LOCALE });
  }
  if (fresh) await dropUnusedPlaceholderLocale(strapi);
}

/**
 * i18n creates `en` on an empty database. A disclosure portal has no English content, so on the first
 * start we remove it, unless something was already written in it.
 */
async function dropUnusedPlaceholderLocale(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  const en = await locales.findByCode('en');
  if (!en) return;
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!(contentType as any).pluginOptions?.i18n?.localized) continue;
    if ((await strapi.db.query(uid as any).count({ where: { locale: 'en' } })) > 0) return;
  }
  await locales.delete({ id: en.id });
}
