import type { PluginModule } from '../../utils/merge-modules';
import { ACCESS_LOG_UID, registerActions, requireActions } from './actions';
import { accessLogController, accessLogSchema } from './access-log';
import { revokeAfterDefaultRolesCreated, revokeDefaultGrants } from './default-roles';
import { registerAccessGuard } from './guard';

/**
 * Who may reach applicants' personal data: the plugin's RBAC actions, the Document Service guard, the
 * default roles stripped of private rights, and the access log. See the README's "Roles".
 */
const accessModule: PluginModule = {
  register({ strapi }) {
    registerAccessGuard(strapi);
  },
  async bootstrap({ strapi }) {
    await registerActions(strapi);
    revokeAfterDefaultRolesCreated(strapi);
    const removed = await revokeDefaultGrants(strapi);
    if (removed) strapi.log.warn(`disclosure: removed ${removed} rights on applicants' data from Strapi's default Editor/Author roles`);
  },
  contentTypes: { [ACCESS_LOG_UID.split('.')[1]]: { schema: accessLogSchema } },
  controllers: { accessLog: accessLogController },
  services: { access: ({ strapi }: { strapi: any }) => ({ revokeDefaultGrants: () => revokeDefaultGrants(strapi) }) },
  routes: { admin: [{ method: 'GET', path: '/access-log', handler: 'accessLog.list', config: { policies: requireActions('access-log.read') } }] },
};

export default accessModule;
export { actionId, requireActions } from './actions';
export { recordAccess } from './access-log';
export { adminRequest } from './guard';
