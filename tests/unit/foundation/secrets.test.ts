import { DEVELOPMENT_SECRETS, MissingSecretError, requireSecret } from '../../../src/utils/secrets';

const envOf = (values: Record<string, string | undefined>) => (name: string) => values[name];

describe('requireSecret', () => {
  it('falls back to the built-in development value outside production', () => {
    expect(requireSecret(envOf({}), 'JWT_SECRET', 'development')).toBe(DEVELOPMENT_SECRETS.JWT_SECRET);
    expect(requireSecret(envOf({ JWT_SECRET: 'mine' }), 'JWT_SECRET', 'test')).toBe('mine');
  });

  it.each(Object.keys(DEVELOPMENT_SECRETS))('stops production start-up when %s is missing or empty', (name) => {
    expect(() => requireSecret(envOf({}), name, 'production')).toThrow(MissingSecretError);
    expect(() => requireSecret(envOf({}), name, 'production')).toThrow(new RegExp(`\\b${name}\\b`));
    expect(() => requireSecret(envOf({ [name]: '  ' }), name, 'production')).toThrow(name);
  });

  it.each(Object.keys(DEVELOPMENT_SECRETS))('stops production start-up when %s holds the development value', (name) => {
    expect(() => requireSecret(envOf({ [name]: DEVELOPMENT_SECRETS[name] }), name, 'production')).toThrow(/development value/);
  });

  it('refuses APP_KEYS that mix in one development key', () => {
    const keys = `real-key-1,${DEVELOPMENT_SECRETS.APP_KEYS.split(',')[0]}`;
    expect(() => requireSecret(envOf({ APP_KEYS: keys }), 'APP_KEYS', 'production')).toThrow('APP_KEYS');
  });

  it('lets a production build run without the runtime secrets, and only a build', () => {
    expect(requireSecret(envOf({}), 'JWT_SECRET', 'production', true)).toBe('build-placeholder-JWT_SECRET');
    expect(requireSecret(envOf({ JWT_SECRET: 'real' }), 'JWT_SECRET', 'production', true)).toBe('real');
    expect(() => requireSecret(envOf({}), 'JWT_SECRET', 'production', false)).toThrow(MissingSecretError);
  });

  it('accepts real secrets in production', () => {
    expect(requireSecret(envOf({ ADMIN_JWT_SECRET: 'x9f2…' }), 'ADMIN_JWT_SECRET', 'production')).toBe('x9f2…');
  });
});
