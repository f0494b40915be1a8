import type { AddressInfo } from 'net';
import type { TestApp } from './strapi';

/**
 * Puts the test app's HTTP server on an ephemeral port of 127.0.0.1 and returns its origin, for
 * clients that need a real URL (supertest listens by itself). strapi.destroy() closes it again.
 */
export async function listen(app: TestApp): Promise<string> {
  const server = app.server;
  if (!server.listening) {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
