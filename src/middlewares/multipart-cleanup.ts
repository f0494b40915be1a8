import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * Where multipart uploads are written while a request runs: a folder only the app's user can enter
 * (0700), so that an applicant's file is never readable by other users of the machine.
 */
export const MULTIPART_DIR = path.join(os.tmpdir(), `gongkai-uploads-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`);
/** Files older than this in MULTIPART_DIR belong to no running request (a request that long has failed). */
const STALE_MS = 60 * 60 * 1000;

export function ensureMultipartDir(dir = MULTIPART_DIR) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** Deletes what a killed process left behind: files untouched for STALE_MS. Returns how many were removed. */
export function sweepMultipartDir(dir = MULTIPART_DIR, now = Date.now(), staleMs = STALE_MS): number {
  let removed = 0;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs >= staleMs) {
        fs.rmSync(file, { force: true, recursive: true });
        removed += 1;
      }
    } catch {
      // gone already
    }
  }
  return removed;
}

function uploadedPaths(files: unknown): string[] {
  if (!files || typeof files !== 'object') return [];
  // A field named `__proto__` is assigned by koa-body as the object's prototype, not as a property.
  const proto = Object.getPrototypeOf(files);
  const hidden = proto && proto !== Object.prototype ? [proto] : [];
  return [...Object.values(files as Record<string, unknown>), ...hidden]
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .map((f: any) => f?.filepath ?? f?.path)
    .filter((p): p is string => typeof p === 'string');
}

/** formidable's own errors carry an internal code 1000–1099 and an HTTP status. */
function isFormidableError(error: any): boolean {
  return typeof error?.httpCode === 'number' && typeof error?.code === 'number' && error.code >= 1000 && error.code < 1100;
}

/**
 * Deletes every file of a multipart request when the request ends, whatever the outcome. Strapi's body
 * middleware removes only the field named `files`, and not when the request fails (401, 4xx, an error),
 * so a spreadsheet of applicants sent to a refusing route stayed in the temp folder. Runs before
 * strapi::body, so that it also sees files of requests that fail later.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  ensureMultipartDir();
  const removed = sweepMultipartDir();
  if (removed) strapi.log.warn(`Removed ${removed} upload file(s) left by an earlier process in ${MULTIPART_DIR}`);
  return async (ctx: any, next: () => Promise<void>) => {
    if (!ctx.is?.('multipart')) return next();
    // Every file koa-body parses is noted when it is set on the request: Strapi's body middleware later
    // deletes ctx.request.files, which would hide the other fields' files from a look at the end.
    const paths: string[] = [];
    let files: unknown;
    Object.defineProperty(ctx.request, 'files', {
      configurable: true,
      enumerable: true,
      get: () => files,
      set: (value: unknown) => {
        files = value;
        for (const p of uploadedPaths(value)) {
          paths.push(p);
          fs.promises.chmod(p, 0o600).catch(() => undefined);
        }
      },
    });
    try {
      await next();
    } catch (error: any) {
      // formidable's parse errors (truncated or malformed body, limits) reach Strapi's error middleware as
      // plain errors and answer 500: they are the client's, so a 4xx says what is wrong.
      if (!isFormidableError(error)) throw error;
      const status = error.httpCode >= 400 && error.httpCode < 500 ? error.httpCode : 400;
      ctx.status = status;
      ctx.body = {
        data: null,
        error: {
          status,
          name: 'ValidationError',
          message: `上传内容不完整或格式错误 / the multipart body is incomplete or malformed (${String(error.message).slice(0, 120)})`,
          details: {},
        },
      };
    } finally {
      await Promise.all(paths.map((p) => fs.promises.rm(p, { force: true })));
    }
  };
};
