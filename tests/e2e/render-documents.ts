/**
 * Renders exported documents to PNG in Chromium, the way a reader sees them: a PDF through pdf.js
 * (every page drawn on a canvas), a DOCX through docx-preview (Word's layout in HTML). The libraries
 * are served from node_modules under a made-up origin; nothing leaves the machine.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';

const ORIGIN = 'http://render.test';
const root = path.resolve(__dirname, '../..');
const FILES: Record<string, { file: string; type: string }> = {
  '/pdf.mjs': { file: 'node_modules/pdfjs-dist/build/pdf.min.mjs', type: 'text/javascript' },
  '/pdf.worker.mjs': { file: 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs', type: 'text/javascript' },
  '/jszip.js': { file: 'node_modules/jszip/dist/jszip.min.js', type: 'text/javascript' },
  '/docx-preview.js': { file: 'node_modules/docx-preview/dist/docx-preview.min.js', type: 'text/javascript' },
};

async function serve(page: Page, document: Buffer, html: string) {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.pathname === '/document') return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: document });
    const known = FILES[url.pathname];
    if (!known) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: known.type, body: fs.readFileSync(path.join(root, known.file)) });
  });
  await page.goto(`${ORIGIN}/`);
}

/** Draws every page of the PDF on a canvas; resolves with the page count once all are drawn. */
export async function renderPdf(page: Page, pdf: Buffer): Promise<number> {
  const html = `<!doctype html><html><body style="margin:0;background:#888">
<div id="pages"></div>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
const data = new Uint8Array(await (await fetch('/document')).arrayBuffer());
const doc = await pdfjs.getDocument({ data }).promise;
for (let n = 1; n <= doc.numPages; n++) {
  const p = await doc.getPage(n);
  const viewport = p.getViewport({ scale: 1.25 });
  const canvas = document.createElement('canvas');
  canvas.width = viewport.width; canvas.height = viewport.height;
  canvas.style.cssText = 'display:block;margin:12px auto;background:#fff';
  document.getElementById('pages').appendChild(canvas);
  await p.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
}
window.rendered = doc.numPages;
</script></body></html>`;
  await serve(page, pdf, html);
  await page.waitForFunction(() => (window as any).rendered > 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as any).rendered as number);
}

/** Lays the DOCX out as Word would (pages, tables, headers); resolves with the number of pages drawn. */
export async function renderDocx(page: Page, docx: Buffer): Promise<number> {
  const html = `<!doctype html><html><body style="margin:0;background:#888">
<div id="doc"></div>
<script src="/jszip.js"></script><script src="/docx-preview.js"></script>
<script>
fetch('/document').then((r) => r.blob()).then((blob) =>
  docx.renderAsync(blob, document.getElementById('doc'), undefined, { renderHeaders: true })
).then(() => { window.rendered = document.querySelectorAll('section.docx').length; });
</script></body></html>`;
  await serve(page, docx, html);
  await page.waitForFunction(() => (window as any).rendered > 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as any).rendered as number);
}
