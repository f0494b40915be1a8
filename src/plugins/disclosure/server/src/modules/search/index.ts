import type { PluginModule } from '../../utils/merge-modules';
import controller from './controller';
import service, { KIND_OF, type SearchService } from './service';

/** Document actions after which a document's index entry is brought in line (bulk actions call these per document). */
const CHANGES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/**
 * Full-text search of published notices and reports (GET /api/disclosure/search). A Document Service
 * middleware brings a document's entry in line after each action, in the action's transaction (or the
 * caller's, as in bulk publishing); start-up indexes what was published or removed without it.
 */
const searchModule: PluginModule = {
  register({ strapi }) {
    strapi.documents.use(async (context, next) => {
      const kind = KIND_OF[context.uid];
      if (!kind || !CHANGES.has(context.action)) return next();
      // one transaction for the action and its entry: both or neither, and one commit (on SQLite, one sync)
      return strapi.db.transaction(async () => {
        const result: any = await next();
        const params: any = context.params ?? {};
        const documentId = params.documentId ?? result?.documentId;
        if (documentId) await (strapi.plugin('disclosure').service('search') as SearchService).reindex(kind, documentId);
        return result;
      });
    });
  },
  // reconcileSearchAtStart: false leaves the index as it is at start-up (only the tables are made), for an
  // index filled from outside the documents, as bench:search fills it
  config: { default: { reconcileSearchAtStart: true } },
  async bootstrap({ strapi }) {
    const reconcile = strapi.plugin('disclosure').config('reconcileSearchAtStart') !== false;
    const changed = await (strapi.plugin('disclosure').service('search') as SearchService).ensure({ reconcile });
    if (Object.keys(changed).length) strapi.log.info(`[disclosure] search index brought in line: ${JSON.stringify(changed)}`);
  },
  controllers: { search: controller },
  services: { search: service },
  routes: {
    'content-api': [{ method: 'GET', path: '/search', handler: 'search.find', config: { auth: false, policies: [] } }],
  },
};

export default searchModule;
