import type { Core } from '@strapi/strapi';
import { formatVersionForYear, type FormatVersion, type ReportTables } from '../../core/annual-report';
import { noticeCounts, type NoticeCounts } from './notice-counts';
import { organizationRowIds } from './scope';
import { applicationCounts, documentCounts, releasedToDateCounts, reviewCounts, toRawTableCounts } from './table-counts';
import { concurrentReads } from './concurrent-reads';
import { toReportTables } from './to-tables';

export interface StatsQuery {
  organization: string;
  year: number;
  includeSubOrganizations?: boolean;
}

export interface OrganizationYearStats {
  organization: { code: string; name: string; documentId: string };
  year: number;
  includeSubOrganizations: boolean;
  formatVersion: FormatVersion;
  notices: NoticeCounts;
  tables: ReportTables;
  processingFeeYuan: number;
}

export class UnknownOrganizationError extends Error {
  constructor(public readonly code: string) {
    super(`No organization has the code "${code}"`);
  }
}

/** Calendar year Y as the law counts it: the dates are `date` columns, so no time zone enters. */
export function yearPeriod(year: number) {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function sourceLocale(strapi: Core.Strapi): string {
  // Through chinese-variants' public service when it is installed; the app's authoring locale otherwise.
  const variants = strapi.plugin('chinese-variants')?.service('conversion') as { config(): { sourceLocale: string } } | undefined;
  return variants?.config().sourceLocale ?? 'zh-Hans';
}

/**
 * Every number of one organization-year, counted in SQL over published rows (one per document) in
 * the source locale; nothing is fetched to be counted in JavaScript.
 */
async function scopeOf(strapi: Core.Strapi, query: StatsQuery) {
  const includeSubOrganizations = query.includeSubOrganizations ?? false;
  const scope = await organizationRowIds(strapi, query.organization, includeSubOrganizations);
  if (!scope) throw new UnknownOrganizationError(query.organization);
  return { scope, includeSubOrganizations };
}

const stats = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The public counts only: the report tables are not computed on this read path. */
  async noticeCountsOf(query: StatsQuery) {
    const { scope, includeSubOrganizations } = await scopeOf(strapi, query);
    const notices = await strapi.db.transaction(({ trx }) => noticeCounts(strapi, trx, scope.documentIds, sourceLocale(strapi), yearPeriod(query.year)));
    return {
      organization: { code: query.organization, name: scope.name, documentId: scope.documentId },
      year: query.year,
      includeSubOrganizations,
      notices,
    };
  },

  async organizationYear(query: StatsQuery): Promise<OrganizationYearStats> {
    const { scope, includeSubOrganizations } = await scopeOf(strapi, query);
    const locale = sourceLocale(strapi);
    const period = yearPeriod(query.year);
    const formatVersion = formatVersionForYear(query.year);
    const { ids, documentIds } = scope;
    // Independent passes: at the same time on PostgreSQL, in one snapshot (see concurrent-reads.ts).
    const [notices, proactive, applications, reviews] = await concurrentReads(strapi, [
      (trx) => noticeCounts(strapi, trx, documentIds, locale, period),
      async (trx) => ({
        documents: await documentCounts(strapi, trx, documentIds, locale, period),
        // Only the trial format asks for it, and it scans an organization's whole history.
        releasedToDate: formatVersion === '2019' ? await releasedToDateCounts(strapi, trx, documentIds, locale, period) : {},
      }),
      (trx) => applicationCounts(strapi, trx, documentIds, period),
      (trx) => reviewCounts(strapi, trx, ids, period),
    ]);
    const raw = toRawTableCounts({ ...proactive, releasedByType: notices.byDocumentType, applications, reviews });
    return {
      organization: { code: query.organization, name: scope.name, documentId: scope.documentId },
      year: query.year,
      includeSubOrganizations,
      formatVersion,
      notices,
      tables: toReportTables(raw, formatVersion),
      processingFeeYuan: raw.processingFeeYuan,
    };
  },
});

export default stats;
export type StatsService = ReturnType<typeof stats>;
