import type { Core } from '@strapi/strapi';

const LOCALE_NAMES: Record<string, string> = {
  'zh-Hans': 'Chinese (Simplified) (zh-Hans)',
  'zh-Hant': 'Chinese (Traditional) (zh-Hant)',
  'zh-Hant-HK': 'Chinese (Traditional, Hong Kong) (zh-Hant-HK)',
  'zh-Hant-TW': 'Chinese (Traditional, Taiwan) (zh-Hant-TW)',
  'zh-Hant-MO': 'Chinese (Traditional, Macau) (zh-Hant-MO)',
};

/**
 * The source locale (made the default) and every target locale exist. Idempotent; other locales are
 * left alone, except i18n's placeholder `en` on a fresh database when nothing was written in it.
 */
export async function ensureVariantLocales(strapi: Core.Strapi, sourceLocale: string, targets: string[]) {
  const locales = strapi.plugin('i18n').service('locales');
  const fresh = !(await locales.findByCode(sourceLocale));
  for (const code of [sourceLocale, ...targets]) {
    if (!(await locales.findByCode(code))) {
      await locales.create({ code, name: LOCALE_NAMES[code] ?? code });
    }
  }
  if ((await locales.getDefaultLocale()) !== sourceLocale) await locales.setDefaultLocale({ code: sourceLocale });
  if (fresh && sourceLocale !== 'en') await dropUnusedPlaceholder(strapi);
}

async function dropUnusedPlaceholder(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  const en = await locales.findByCode('en');
  if (!en) return;
  for (const [uid, contentType] of Object.entries(strapi.contentTypes as unknown as Record<string, any>)) {
    if (!contentType.pluginOptions?.i18n?.localized) continue;
    if ((await strapi.db.query(uid as any).count({ where: { locale: 'en' } })) > 0) return;
  }
  await locales.delete({ id: en.id });
}
