import type { Core } from '@strapi/strapi';
import { ensureLocales } from './locales';
import { seedCatalogue } from './catalogue';
import { applyRegistrationSetting, grantPublicReads } from './permissions';
import { seedDemoData } from './demo-data';
import { ensureDemoAdmin } from './demo-admin';
import { ensureDemoOfficer } from './demo-officer';
import { publishDemoReports } from './demo-reports';
import { ensureDemoSite } from './demo-site';
import { applyAdminLayouts } from './admin-layouts';
import { removeMarketplace } from './admin-workspace';
import { labelCategories } from '../document-rules/category-rules';

/** Demo data: development only, never in production, and off with DEMO_DATA=false. */
export function demoDataEnabled(env = process.env): boolean {
  return env.NODE_ENV !== 'production' && env.DEMO_DATA !== 'false';
}

export async function bootstrapApp(strapi: Core.Strapi) {
  await ensureLocales(strapi);
  await seedCatalogue(strapi);
  await labelCategories(strapi);
  await grantPublicReads(strapi);
  await applyRegistrationSetting(strapi);
  await applyAdminLayouts(strapi);
  await removeMarketplace(strapi);
  if (!demoDataEnabled()) return;

  const seeded = await seedDemoData(strapi);
  if (seeded) {
    strapi.log.info(
      `Demo data: ${seeded.organizations} organizations, ${seeded.notices} published notices, ` +
        `${seeded.applications} applications, ${seeded.reviewCases} review cases.`,
    );
    const years = await publishDemoReports(strapi);
    if (years.length) strapi.log.info(`Demo annual reports of 壶天镇 published for ${years.join(' and ')}.`);
  }
  if (await ensureDemoSite(strapi)) strapi.log.info('Demo site identity (网站信息) of 湘乡市壶天镇人民政府 written.');
  const admin = await ensureDemoAdmin(strapi);
  if (admin) {
    // Printed once, when the account is created: the quick start's only way to learn the login.
    strapi.log.info(`Demo admin created. Log in at /admin with ${admin.email} / ${admin.password}`);
  }
  const officer = await ensureDemoOfficer(strapi);
  if (officer) strapi.log.info(`Demo officer (壶天镇 only) created: ${officer.email} / ${officer.password}`);
}
