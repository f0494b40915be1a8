import type { PluginModule } from '../../utils/merge-modules';
import { admin } from '../applications/routes';
import controller from './controller';
import { registerNotifications } from './notifications';
import service, { ONLINE_LIMITS, type OnlineService } from './service';
import { ATTACHMENT } from './uploads';

const open = (method: string, path: string, handler: string) => ({ method, path, handler, config: { auth: false, policies: [] } });

/**
 * 网上申请: a citizen applies on the portal (条例 Art. 29), follows the application with its tracking number
 * and query code, answers a correction request; the office confirms the receipt (签收, Art. 31(3)) or
 * dismisses what is not an application, and attaches its reply documents. Files stay in the database.
 */
const onlineModule: PluginModule = {
  config: { default: { onlineLimits: ONLINE_LIMITS, onlineAttachment: ATTACHMENT, notifications: { enabled: false, portalUrl: '' } } },
  register({ strapi }) {
    registerNotifications(strapi);
  },
  async bootstrap({ strapi }) {
    await (strapi.plugin('disclosure').service('online') as OnlineService).ensure();
  },
  controllers: { online: controller },
  services: { online: service },
  routes: {
    'content-api': [
      open('GET', '/online-applications/form', 'online.form'),
      open('POST', '/online-applications', 'online.submit'),
      open('POST', '/online-applications/lookup', 'online.lookup'),
      open('POST', '/online-applications/correction', 'online.correction'),
      open('POST', '/online-applications/file', 'online.file'),
    ],
    admin: [
      admin('POST', '/applications/:documentId/confirm-receipt', 'online.confirmReceipt', 'applications.handle'),
      admin('POST', '/applications/:documentId/dismiss', 'online.dismiss', 'applications.handle'),
      admin('GET', '/applications/:documentId/files', 'online.files', 'applications.read'),
      admin('GET', '/applications/:documentId/files/:id', 'online.download', 'applications.read'),
      admin('POST', '/applications/:documentId/files', 'online.addReply', 'applications.handle'),
      admin('GET', '/online/notifications', 'online.notifications', 'applications.read'),
    ],
  },
};

export default onlineModule;
