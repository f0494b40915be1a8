// ESLint (typescript-eslint) for the server, admin and portal code, the tests, benches and scripts.
// Run by `npm test` (npm run lint); formatting is Prettier's (npm run format:check), not ESLint's.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'src/plugins/*/dist/',
      'build/',
      '.tmp/',
      '.cache/',
      '.strapi/',
      'public/',
      'artifacts/',
      'types/generated/',
      'src/extensions/documentation/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest, strapi: 'readonly' } },
    rules: {
      // Strapi's APIs are typed loosely; `any` marks where the project meets them.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/plugins/*/admin/**/*.{ts,tsx}', 'portal/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The pure cores: no Strapi, no database (tests/unit/foundation/dependencies.test.ts checks the rest of the direction).
    files: ['src/plugins/*/server/src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@strapi/*'], message: 'A pure core imports no Strapi package.' }] }] },
  },
);
