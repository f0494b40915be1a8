import { requireSecret } from '../src/utils/secrets';

export default ({ env }: { env: any }) => ({
  auth: {
    secret: requireSecret(env, 'ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: requireSecret(env, 'API_TOKEN_SALT'),
  },
  transfer: {
    token: { salt: requireSecret(env, 'TRANSFER_TOKEN_SALT') },
  },
  secrets: {
    encryptionKey: requireSecret(env, 'ENCRYPTION_KEY'),
  },
  // Strapi AI needs a Strapi licence and sends content to Strapi's servers: off.
  ai: { enabled: false },
  // The portal shows published content only: there is no draft preview to configure, so no "设置预览" panel.
  preview: { enabled: false },
  flags: {
    nps: false,
    promoteEE: false,
  },
  watchIgnoreFiles: ['**/tests/**', '**/bench/**', '**/artifacts/**'],
});
