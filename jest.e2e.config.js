// Browser tests: real Chromium (Debian's) driven by playwright-core against a started server.
// Run through `npm run test:e2e` (scripts/test-e2e.js starts the server and sets E2E_BASE_URL).
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  testTimeout: 180000,
};
