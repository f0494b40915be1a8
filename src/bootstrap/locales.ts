import type { Core } from '@strapi/strapi';

export const SOURCE_LOCALE = 'zh-Hans';

const LOCALE_NAMES: Record<string, string> = {
  'zh-Hans': 'Chinese (Simplified) (zh-Hans)',
  'zh-Hant': 'Chinese (Traditional) (zh-Hant)',
  'zh-Hant-HK': 'Chinese (Traditional, Hong Kong) (zh-Hant-HK)',
  'zh-Hant-TW': 'Chinese (Traditional, Taiwan) (zh-Hant-TW)',
};

/**
 * zh-Hans is the default locale and every other listed locale exists. Idempotent: on a fresh database
 * and on one that already has other locales (which are left alone).
 */
export async function ensureLocales(strapi: Core.Strapi, codes: string[] = ['zh-Hant']) {
  const locales = strapi.plugin('i18n').service('locales');
  const fresh = !(await locales.findByCode(SOURCE_LOCALE));
  for (const code of [SOURCE_LOCALE, ...codes]) {
    if (!(await locales.findByCode(code))) {
      await locales.create({ code, name: LOCALE_NAMES[code] ?? code });
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
