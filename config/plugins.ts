import { requireSecret } from '../src/utils/secrets';
import { documentationConfig } from '../src/openapi/config';
import { uploadConfig } from '../src/utils/upload-storage';

/**
 * Email through SMTP when SMTP_HOST is set (Strapi's email plugin with nodemailer): online applicants are then
 * told of their application's progress. Without it the app works the same and the admin says notifications are off.
 */
function emailConfig(env: any) {
  const host = env('SMTP_HOST', '');
  if (!host) return null;
  const user = env('SMTP_USER', '');
  const from = env('SMTP_FROM', 'noreply@localhost');
  return {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host,
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
        ...(user ? { auth: { user, pass: env('SMTP_PASSWORD', '') } } : {}),
      },
      settings: { defaultFrom: from, defaultReplyTo: env('SMTP_REPLY_TO', from) },
    },
  };
}

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: {
      jwtSecret: requireSecret(env, 'JWT_SECRET'),
    },
  },
  // CHINESE_VARIANTS=false: a site without Traditional versions (reports then export in Simplified only).
  'chinese-variants': {
    enabled: env('CHINESE_VARIANTS', 'true') !== 'false',
    resolve: './src/plugins/chinese-variants',
    config: {
      sourceLocale: 'zh-Hans',
      targets: { 'zh-Hant': 's2tw' },
    },
  },
  disclosure: {
    enabled: true,
    resolve: './src/plugins/disclosure',
    // false: start-up leaves the search index as it is (bench:search reuses a generated index so)
    config: {
      reconcileSearchAtStart: env.bool('SEARCH_RECONCILE_AT_START', true),
      notifications: { enabled: Boolean(emailConfig(env)), portalUrl: env('PUBLIC_URL', '') },
    },
  },
  ...(emailConfig(env) ? { email: emailConfig(env) } : {}),
  // Local disk, or an S3-compatible store shared by every node when S3_BUCKET is set (README, "Deployment").
  ...(uploadConfig(env) ? { upload: uploadConfig(env) } : {}),
  // OpenAPI document of the public API, with Swagger UI at /documentation.
  documentation: {
    enabled: true,
    config: documentationConfig,
  },
});
