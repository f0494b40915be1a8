import path from 'path';
import net from 'net';
import { spawn, type ChildProcess } from 'child_process';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A second Strapi on the same database as the test's own (the environment, DATABASE_NAME included, is
 * inherited): a child process with its own Node runtime, connection pool and middleware stack, listening
 * on 127.0.0.1. Returns its base URL and the process.
 */
export async function startSecondInstance(extraEnv: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const appDir = path.resolve(__dirname, '../..');
  const script = `
    const { createStrapi } = require('@strapi/strapi');
    createStrapi({ appDir: ${JSON.stringify(appDir)}, distDir: ${JSON.stringify(path.join(appDir, 'dist'))}, autoReload: false, serveAdminPanel: false })
      .load()
      .then(async (s) => { await s.listen(); console.log('INSTANCE_READY'); })
      .catch((e) => { console.error(e); process.exit(1); });
  `;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: appDir,
    env: { ...process.env, ...extraEnv, PORT: String(port), HOST: '127.0.0.1', STRAPI_STARTUP_MESSAGE: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`second instance did not start:\n${log}`)), 90000);
    const onData = (d: Buffer) => {
      log += d.toString();
      if (log.includes('INSTANCE_READY')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`second instance exited (${code}):\n${log}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** Stops a second instance (SIGTERM, SIGKILL after 5 s). */
export async function stopInstance(child: ChildProcess | undefined) {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  }
  child?.stdout?.destroy();
  child?.stderr?.destroy();
}
