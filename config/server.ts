import { requireSecret } from '../src/utils/secrets';

export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: requireSecret(env, 'APP_KEYS').split(','),
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_MESSAGE', true) },
  },
});
