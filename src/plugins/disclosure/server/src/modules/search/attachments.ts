import fs from 'fs/promises';
import path from 'path';
import { pathToFileURL } from 'url';
import { Worker } from 'worker_threads';
import type { Core } from '@strapi/strapi';
import { EXTRACT_WORKER_SOURCE } from '../../core/search/extract-worker';
import { cachedFileText, storeFileText } from '../storage/search-index';

/** Files whose text is indexed, by MIME type. */
const KINDS: Record<string, 'pdf' | 'docx'> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_TEXT_CHARS = 200_000;
const MAX_PAGES = 300;
const TIME_LIMIT_MS = 20_000;

export interface UploadedFile {
  id: number;
  hash: string;
  name: string;
  mime?: string | null;
  size?: number | null; // KB, as Strapi stores it
  url: string;
}

/** The file's bytes: from the public folder (local provider) or its URL (S3 and the like). */
async function readFile(strapi: Core.Strapi, file: UploadedFile): Promise<Buffer | null> {
  if (/^https?:\/\//i.test(file.url)) {
    const res = await fetch(file.url, { signal: AbortSignal.timeout(TIME_LIMIT_MS) });
    if (!res.ok || Number(res.headers.get('content-length') ?? 0) > MAX_FILE_BYTES) return null;
    const bytes = Buffer.from(await res.arrayBuffer());
    return bytes.length > MAX_FILE_BYTES ? null : bytes;
  }
  const root = path.resolve(strapi.dirs.static.public);
  const full = path.resolve(root, `.${decodeURIComponent(file.url.split('?')[0])}`);
  if (!full.startsWith(root + path.sep)) return null;
  const stat = await fs.stat(full).catch(() => null);
  if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) return null;
  return fs.readFile(full);
}

function extract(kind: 'pdf' | 'docx', bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(EXTRACT_WORKER_SOURCE, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: 512 },
      workerData: {
        kind,
        bytes,
        pdfjs: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
        cmaps: path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps') + path.sep,
        mammoth: require.resolve('mammoth'),
        maxChars: MAX_TEXT_CHARS,
        maxPages: MAX_PAGES,
      },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`extraction took over ${TIME_LIMIT_MS / 1000} s`));
    }, TIME_LIMIT_MS);
    worker.once('message', (m: { text?: string; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m.text ?? '');
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/**
 * The indexed text of an attachment: extracted once per file version (cached by id and hash); '' for
 * types without text, files over the size limit, missing files and files that cannot be parsed (logged,
 * never fatal: the notice is still published and indexed without it).
 */
export async function attachmentText(strapi: Core.Strapi, file: UploadedFile): Promise<string> {
  const kind = KINDS[String(file.mime ?? '').toLowerCase()];
  if (!kind) return '';
  const key = `${file.id}:${file.hash}`;
  const cached = await strapi.db.transaction(({ trx }) => cachedFileText(trx, key));
  if (cached !== null) return cached;
  let bytes: Buffer | null;
  try {
    bytes = await readFile(strapi, file);
  } catch (error) {
    // perhaps passing (a store down): not cached, tried again at the next publish
    strapi.log.warn(`[disclosure] search: could not read ${file.name} (${(error as Error).message})`);
    return '';
  }
  let text = '';
  try {
    text = bytes ? (await extract(kind, bytes)).replace(/\s+/g, ' ').trim() : '';
  } catch (error) {
    strapi.log.warn(`[disclosure] search: no text from ${file.name} (${(error as Error).message})`);
  }
  await strapi.db.transaction(({ trx }) => storeFileText(trx, key, text));
  return text;
}
