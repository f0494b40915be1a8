export default async function globalTeardown() {
  // Each test file drops its own database; nothing is shared across files.
}
