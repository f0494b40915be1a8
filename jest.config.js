// Two projects: pure-function unit tests, and integration tests against a real Strapi booted in-process.
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' }, module: { type: 'commonjs' } }],
};

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/src/plugins/*/tests/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/harness/global-setup.ts',
      globalTeardown: '<rootDir>/tests/harness/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/harness/setup-after-env.ts'],
      testTimeout: 120000,
    },
  ],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/.tmp/'],
};
