import type { Core } from '@strapi/strapi';
import { DEMO_SITE } from '../data/demo';
import { SOURCE_LOCALE } from './locales';

const UID = 'api::site.site';

/** The demo's 网站信息, written once: an office's own values are never replaced. Returns whether it wrote. */
export async function ensureDemoSite(strapi: Core.Strapi): Promise<boolean> {
  const existing = await strapi.documents(UID as any).findFirst({ locale: SOURCE_LOCALE } as any);
  if (existing) return false;
  await strapi.documents(UID as any).create({ locale: SOURCE_LOCALE, data: DEMO_SITE } as any);
  return true;
}
