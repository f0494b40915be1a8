import type { Core } from '@strapi/strapi';
import { TOWNSHIP_CODE } from '../data/demo';
import { shanghaiYear } from '../plugins/disclosure/server/src';

/**
 * Generates and publishes the demo township's annual reports (2020 in the trial format, the current
 * year in the 2021 format) so that the portal has reports to show from the first start.
 */
export async function publishDemoReports(strapi: Core.Strapi): Promise<number[]> {
  const reports = strapi.plugin('disclosure')?.service('reports');
  if (!reports) return [];
  const years = [2020, shanghaiYear()];
  for (const year of years) {
    const report = await reports.generate({ organization: TOWNSHIP_CODE, year });
    await strapi.documents('api::annual-report.annual-report').publish({ documentId: report.documentId, locale: 'zh-Hans' });
  }
  return years;
}
