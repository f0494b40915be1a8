// The fuzz suite (`npm run test:fuzz`): a real Strapi booted in-process, as the integration tests are.
const base = require('./jest.config.js').projects.find((p) => p.displayName === 'integration');

module.exports = {
  ...base,
  displayName: 'fuzz',
  testMatch: ['<rootDir>/tests/fuzz/**/*.fuzz.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/.tmp/'],
  testTimeout: 1_800_000,
};
