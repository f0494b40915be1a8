import path from 'path';
import fs from 'fs';
import crypto from 'crypto';
import { Client } from 'pg';

/** Where the harness creates and drops its PostgreSQL databases (trust auth on the CI machine). */
export function adminPgConfig() {
  return {
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || undefined,
    database: process.env.TEST_PG_ADMIN_DATABASE || 'postgres',
  };
}

export function usingPostgres(): boolean {
  return process.env.DATABASE_CLIENT === 'postgres';
}

export async function pgReachable(): Promise<boolean> {
  const client = new Client({ ...adminPgConfig(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export type TestDatabase = { name: string; drop: () => Promise<void> };

/** A fresh, uniquely named database for one test file: a SQLite file or a PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (usingPostgres()) {
    const name = `gongkai_test_${suffix}`;
    const admin = new Client(adminPgConfig());
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    process.env.DATABASE_NAME = name;
    delete process.env.DATABASE_URL;
    return {
      name,
      drop: async () => {
        const c = new Client(adminPgConfig());
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const file = path.resolve(__dirname, '../../.tmp', `test_${suffix}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  process.env.DATABASE_FILENAME = file;
  return {
    name: file,
    drop: async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
    },
  };
}
