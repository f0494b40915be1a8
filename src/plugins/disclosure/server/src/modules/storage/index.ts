import type { PluginModule } from '../../utils/merge-modules';
import { refused } from '../applications/http-errors';
import { isSuperAdmin } from '../applications/scope';
import { ensureLinkColumns, linkColumnDrift, linkColumnTriggers, registerLinkColumnGuard } from './link-columns';

/**
 * The one place that knows Strapi's storage internals (join tables, order columns, the documentId
 * generator) and the database triggers the project keeps on them. Start-up creates or replaces the
 * triggers (serialized across instances); `GET /disclosure/storage/health` (super admins) reports
 * whether each current trigger is there and how many rows are out of line with their link tables.
 */
const storageModule: PluginModule = {
  register({ strapi }) {
    registerLinkColumnGuard(strapi);
  },
  async bootstrap({ strapi }) {
    const { created, repaired } = await ensureLinkColumns(strapi);
    if (created.length) strapi.log.info(`[disclosure] link columns kept by triggers: ${created.join(', ')} (${repaired} rows brought in line)`);
  },
  controllers: {
    storage: ({ strapi }: any) => ({
      async health(ctx: any) {
        // A full scan of the link columns: for operators, not for the public health check.
        if (!isSuperAdmin(ctx.state.user)) {
          throw refused('只有超级管理员可以查看存储状态。', 'Only super admins read the storage health.');
        }
        const [triggers, drift] = [await linkColumnTriggers(strapi), await linkColumnDrift(strapi)];
        const ok = Object.values(triggers).every((t) => t.present) && Object.values(drift).every((n) => n === 0);
        ctx.body = { data: { status: ok ? 'ok' : 'drift', triggers, drift } };
      },
    }),
  },
  routes: { admin: [{ method: 'GET', path: '/storage/health', handler: 'storage.health', config: { policies: ['admin::isAuthenticatedAdmin'] } }] },
};

export default storageModule;
