import path from 'path';

/** Compiles the TypeScript app once for the whole run; each test file then boots from dist/. */
export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  process.env.DEMO_DATA = process.env.DEMO_DATA ?? 'false';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.STRAPI_STARTUP_MESSAGE = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  const appDir = path.resolve(__dirname, '../..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileStrapi } = require('@strapi/strapi');
  // Type errors do not stop the tests from running; `npm test` type-checks separately and fails on them.
  await compileStrapi({ appDir, ignoreDiagnostics: true });
}
