/**
 * The text of an attachment, extracted in a worker thread so that a large or hostile file neither blocks
 * the server nor outlives its time and memory limits (the caller terminates the worker). The worker is
 * plain CommonJS evaluated from this string: pdfjs-dist is an ES module, which the compiled app cannot
 * `require`. Its data: { kind: 'pdf' | 'docx', bytes, pdfjs (file URL), cmaps (dir), mammoth (path), maxChars, maxPages }.
 */
export const EXTRACT_WORKER_SOURCE = `
const { parentPort, workerData: w } = require('worker_threads');
(async () => {
  let text = '';
  if (w.kind === 'pdf') {
    const pdfjs = await import(w.pdfjs);
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(w.bytes), cMapUrl: w.cmaps, cMapPacked: true, isEvalSupported: false,
      disableFontFace: true, useSystemFonts: false, verbosity: 0,
    }).promise;
    for (let n = 1; n <= Math.min(doc.numPages, w.maxPages) && text.length < w.maxChars; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      text += content.items.map((i) => (i.str || '') + (i.hasEOL ? '\\n' : '')).join('') + '\\n';
    }
    await doc.destroy();
  } else {
    text = (await require(w.mammoth).extractRawText({ buffer: Buffer.from(w.bytes) })).value;
  }
  parentPort.postMessage({ text: text.slice(0, w.maxChars) });
})().catch((e) => parentPort.postMessage({ error: String((e && e.message) || e) }));
`;
