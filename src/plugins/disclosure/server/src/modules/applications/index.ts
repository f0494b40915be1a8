import type { PluginModule } from '../../utils/merge-modules';
import { contentTypes } from './content-types';
import applications from './controller';
import applicationImport from './import/controller';
import { lockComputedFields } from './edit-layout';
import { startRecovery, stopRecovery } from './import/recovery';
import { adminRoutes } from './routes';
import { registerOrganizationCondition } from './scope';
import { registerApplicationMiddleware } from './writes';

/**
 * 依申请公开: workflow (state machine and events), due dates in working days, the officer's view,
 * access by organization, fees and import. See README.md in this folder.
 */
const applicationsModule: PluginModule = {
  register({ strapi }) {
    registerApplicationMiddleware(strapi);
  },
  async bootstrap({ strapi }) {
    await registerOrganizationCondition(strapi);
    await lockComputedFields(strapi);
    // Import jobs a previous process left running are resumed or marked failed (import/recovery.ts).
    await startRecovery(strapi);
  },
  destroy() {
    stopRecovery();
  },
  contentTypes,
  controllers: { applications, applicationImport },
  routes: { admin: adminRoutes },
};

export default applicationsModule;
