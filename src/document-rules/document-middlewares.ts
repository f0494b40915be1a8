import type { Core } from '@strapi/strapi';
import { beforeNoticePublish, beforeNoticeWrite } from './notice-rules';
import { beforeAnnualReportWrite } from './annual-report-rules';
import { beforeCategoryWrite } from './category-rules';

type WriteRule = (strapi: Core.Strapi, action: 'create' | 'update', params: any) => Promise<void>;

const WRITE_RULES: Record<string, WriteRule> = {
  'api::notice.notice': beforeNoticeWrite,
  'api::annual-report.annual-report': beforeAnnualReportWrite,
  'api::disclosure-category.disclosure-category': beforeCategoryWrite,
};

// Applications and review cases: see the disclosure plugin's applications module (writes.ts).
/** Domain rules run on every write path (admin, content API, scripts) through the Document Service. */
export function registerDocumentMiddlewares(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const rule = WRITE_RULES[context.uid];
    if (rule && (context.action === 'create' || context.action === 'update')) {
      await rule(strapi, context.action, context.params);
    }
    if (context.uid === 'api::notice.notice' && context.action === 'publish') {
      await beforeNoticePublish(strapi, context.params);
    }
    return next();
  });
}
