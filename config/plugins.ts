import { requireSecret } from '../src/utils/secrets';
import { documentationConfig } from '../src/openapi/config';

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: {
      jwtSecret: requireSecret(env, 'JWT_SECRET'),
    },
  },
  'chinese-variants': {
    enabled: true,
    resolve: './src/plugins/chinese-variants',
    config: {
      sourceLocale: 'zh-Hans',
      targets: { 'zh-Hant': 's2tw' },
    },
  },
  disclosure: {
    enabled: true,
    resolve: './src/plugins/disclosure',
  },
  // OpenAPI document of the public API, with Swagger UI at /documentation.
  documentation: {
    enabled: true,
    config: documentationConfig,
  },
});
