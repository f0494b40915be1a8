/**
 * Secrets for development come built in so that `npm run develop` works on a fresh clone.
 * In production those well-known values would be a vulnerability, so start-up stops instead.
 */
export const DEVELOPMENT_SECRETS: Record<string, string> = {
  APP_KEYS: 'gongkai-dev-key-1,gongkai-dev-key-2,gongkai-dev-key-3,gongkai-dev-key-4',
  ADMIN_JWT_SECRET: 'gongkai-dev-admin-jwt-secret',
  API_TOKEN_SALT: 'gongkai-dev-api-token-salt',
  TRANSFER_TOKEN_SALT: 'gongkai-dev-transfer-token-salt',
  JWT_SECRET: 'gongkai-dev-jwt-secret',
  ENCRYPTION_KEY: 'gongkai-dev-encryption-key-32-bytes!',
};

export type SecretName = keyof typeof DEVELOPMENT_SECRETS;

type EnvReader = (name: string, fallback?: string) => string | undefined;

export class MissingSecretError extends Error {
  constructor(
    public readonly variable: string,
    reason: 'missing' | 'development',
  ) {
    super(
      reason === 'missing'
        ? `Environment variable ${variable} must be set when NODE_ENV=production (see README, "Production").`
        : `Environment variable ${variable} still holds the built-in development value; set a secret of your own when NODE_ENV=production.`,
    );
    this.name = 'MissingSecretError';
  }
}

/** Set by `npm run build` (scripts/build.js): building the admin panel reads the config but uses no secret. */
export const BUILD_FLAG = 'GONGKAI_BUILD';

/**
 * Returns the secret, or the development value outside production; throws in production when unsafe.
 * While building, a missing secret is a placeholder: the build bundles the admin panel, which holds none of
 * the server's secrets, so a production image can be built before its secrets exist.
 */
export function requireSecret(env: EnvReader, name: SecretName, nodeEnv = process.env.NODE_ENV, building = process.env[BUILD_FLAG] === 'true'): string {
  const value = env(name);
  const dev = DEVELOPMENT_SECRETS[name];
  if (building) return value && value.trim() !== '' ? value : `build-placeholder-${name}`;
  if (nodeEnv === 'production') {
    if (value === undefined || value.trim() === '') throw new MissingSecretError(name, 'missing');
    if (value === dev || value.split(',').some((part) => dev.split(',').includes(part.trim()))) {
      throw new MissingSecretError(name, 'development');
    }
    return value;
  }
  return value && value.trim() !== '' ? value : dev;
}
