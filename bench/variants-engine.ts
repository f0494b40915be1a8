// Throughput of the chinese-variants engine against raw opencc-js on the same documents.
// Run: node bench/run-ts.js bench/variants-engine.ts
import * as OpenCC from 'opencc-js';
import { formatConverter, getConverter } from '../src/plugins/chinese-variants/server/src/engine';
import { asBlocks, asHtmlParagraphs, benchDocuments, bestTimes, mbPerSecond, utf8Bytes } from './variants-shared';

const TARGET_RATIO = 0.6;

/** Runs fn once and reports wall time and retained heap growth. */
function measureBuild<T>(label: string, fn: () => T): T {
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  global.gc?.();
  const mb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  console.log(`  build ${label.padEnd(38)} ${ms.toFixed(0).padStart(5)} ms  ${global.gc ? `${mb.toFixed(0)} MB heap` : '(run node --expose-gc for heap)'}`);
  return value;
}

function main(): void {
  console.log('build (first use in the process):');
  const raw = measureBuild('raw opencc-js cn→tw', () => OpenCC.Converter({ from: 'cn', to: 'tw' }));
  const engine = measureBuild('engine s2tw, default glossary', () => getConverter('s2tw'));
  measureBuild('engine s2twp (shares s2tw dictionaries)', () => getConverter('s2twp'));
  measureBuild('engine s2tw, another glossary version', () => getConverter('s2tw', { version: 'bench', terms: [{ source: '里耶', replacement: '里耶' }] }));
  const html = formatConverter('s2tw', 'html');
  const markdown = formatConverter('s2tw', 'markdown');
  const blocks = formatConverter('s2tw', 'blocks');
  const worst = { text: Infinity, html: Infinity, blocks: Infinity };
  for (const doc of benchDocuments()) {
    const bytes = utf8Bytes(doc.text);
    const wrapped = asHtmlParagraphs(doc.text);
    const document = asBlocks(doc.text);
    const same = raw(doc.text) === engine.convertText(doc.text);
    const [rawMBs, textMBs, htmlMBs, blocksMBs, markdownMBs] = bestTimes(
      [() => raw(doc.text), () => engine.convertText(doc.text), () => html(wrapped), () => blocks(document), () => markdown(doc.text)],
      9,
      5,
    ).map((best) => mbPerSecond(bytes, best.cpu)); // CPU time: see bestTimes
    worst.text = Math.min(worst.text, textMBs / rawMBs);
    worst.html = Math.min(worst.html, htmlMBs / rawMBs);
    worst.blocks = Math.min(worst.blocks, blocksMBs / rawMBs);
    console.log(`\n${doc.name}: ${(bytes / 1024).toFixed(0)} KB, ${document.length} lines, engine output identical to raw: ${same}`);
    console.log(`  raw opencc-js cn→tw   ${rawMBs.toFixed(2)} MB/s`);
    console.log(`  engine text s2tw      ${textMBs.toFixed(2)} MB/s   engine/raw ${(textMBs / rawMBs).toFixed(2)}×`);
    console.log(`  engine html s2tw      ${htmlMBs.toFixed(2)} MB/s   engine/raw ${(htmlMBs / rawMBs).toFixed(2)}×  (one <p> per line; MB of text)`);
    console.log(`  engine blocks s2tw    ${blocksMBs.toFixed(2)} MB/s   engine/raw ${(blocksMBs / rawMBs).toFixed(2)}×  (one paragraph per line; MB of text)`);
    console.log(
      `  engine markdown s2tw  ${markdownMBs.toFixed(2)} MB/s   engine/raw ${(markdownMBs / rawMBs).toFixed(2)}×  (the text read as markdown; for information)`,
    );
  }
  const verdict = (r: number): string => `${r.toFixed(2)}× ${r >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`;
  console.log(`\nworst engine/raw (target ≥ ${TARGET_RATIO}×): text ${verdict(worst.text)}, html ${verdict(worst.html)}, blocks ${verdict(worst.blocks)}`);
}

main();
