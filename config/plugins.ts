import { requireSecret } from '../src/utils/secrets';
import { documentationConfig } from '../src/openapi/config';
import { uploadConfig } from '../src/utils/upload-storage';

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
    config: { reconcileSearchAtStart: env.bool('SEARCH_RECONCILE_AT_START', true) },
  },
  // Local disk, or an S3-compatible store shared by every node when S3_BUCKET is set (README, "Deployment").
  ...(uploadConfig(env) ? { upload: uploadConfig(env) } : {}),
  // OpenAPI document of the public API, with Swagger UI at /documentation.
  documentation: {
    enabled: true,
    config: documentationConfig,
  },
});
