import { routePath } from './request-guard';

/**
 * The notice's category picker offers only leaves of the catalogue (a category without sub-categories):
 * FDZD and FDZD.02 only group others, and the save rule refuses them (src/document-rules/notice-rules.ts).
 * The content manager's relation search takes the permission-checked `filters` of its query.
 */
const PICKER = '/content-manager/relations/api::notice.notice/category';

export default () => async (ctx: any, next: () => Promise<void>) => {
  if (ctx.method === 'GET' && routePath(ctx.path) === PICKER) {
    const query = { ...ctx.request.query };
    const leaf = { children: { id: { $null: true } } };
    query.filters = query.filters ? { $and: [query.filters, leaf] } : leaf;
    ctx.request.query = query;
  }
  return next();
};
