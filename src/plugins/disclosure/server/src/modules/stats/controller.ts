import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UnknownOrganizationError, type StatsService } from './service';

const MIN_YEAR = 2008; // the first 条例 took effect on 2008-05-01

function parseQuery(query: Record<string, unknown>) {
  const organization = typeof query.organization === 'string' ? query.organization.trim() : '';
  if (!organization) throw new errors.ValidationError('"organization" (an organization code) is required');
  const yearText = typeof query.year === 'string' ? query.year : '';
  const maxYear = new Date().getUTCFullYear() + 1;
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < MIN_YEAR || Number(yearText) > maxYear) {
    throw new errors.ValidationError(`"year" must be a four-digit year between ${MIN_YEAR} and ${maxYear}`);
  }
  const sub = query.includeSubOrganizations;
  if (sub !== undefined && sub !== 'true' && sub !== 'false') {
    throw new errors.ValidationError('"includeSubOrganizations" must be true or false');
  }
  return { organization, year: Number(yearText), includeSubOrganizations: sub === 'true' };
}

const statsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Public counts over published content only: per category (rolled up), per month, per document type. */
  async find(ctx: any) {
    const query = parseQuery(ctx.query ?? {});
    const service = strapi.plugin('disclosure').service('stats') as StatsService;
    try {
      ctx.body = await service.noticeCountsOf(query);
    } catch (error) {
      if (error instanceof UnknownOrganizationError) throw new errors.NotFoundError(error.message);
      throw error;
    }
  },
});

export default statsController;
