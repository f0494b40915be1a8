// Throughput of the chinese-variants engine against raw opencc-js on the same documents.
// Run: node bench/run-ts.js bench/variants-engine.ts
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import * as OpenCC from 'opencc-js';
import { getConverter, formatConverter } from '../src/plugins/chinese-variants/server/src/engine';

const REFERENCE = path.resolve(__dirname, '../../shared/reference/opencc-conformance');
const TARGET_RATIO = 0.8;

function documents(): Array<{ name: string; text: string }> {
  const docs: Array<{ name: string; text: string }> = [];
  const golden = path.join(REFERENCE, 'golden/input/us_constitution_zhs.txt');
  if (existsSync(golden)) docs.push({ name: 'golden ×20', text: readFileSync(golden, 'utf8').repeat(20) });
  else console.log(`skipped golden document: ${golden} not found`);
  const zuozhuan = path.join(REFERENCE, 'benchmark/zuozhuan.txt');
  if (existsSync(zuozhuan)) {
    // First 300 KB (UTF-8), cut at a character boundary.
    const text = Buffer.from(readFileSync(zuozhuan)).subarray(0, 300 * 1024).toString('utf8').replace(/\uFFFD+$/, '');
    docs.push({ name: 'zuozhuan 300 KB', text });
  } else console.log(`skipped zuozhuan: ${zuozhuan} not found`);
  return docs;
}

/**
 * Best-of-rounds MB/s (UTF-8 bytes of the text) for each contender, after a warm-up run. Rounds
 * interleave the contenders so that noise on a shared machine hits them alike.
 */
function throughputs(contenders: Array<() => unknown>, bytes: number, rounds = 9): number[] {
  contenders.forEach((run) => run());
  const best = contenders.map(() => Infinity);
  for (let r = 0; r < rounds; r += 1) {
    contenders.forEach((run, k) => {
      const t0 = process.hrtime.bigint();
      run();
      best[k] = Math.min(best[k], Number(process.hrtime.bigint() - t0) / 1e9);
    });
  }
  return best.map((seconds) => bytes / 1e6 / seconds);
}

function asParagraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
}

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
  measureBuild('engine s2tw, another glossary version', () =>
    getConverter('s2tw', { version: 'bench', terms: [{ source: '里耶', replacement: '里耶' }] }),
  );
  const html = formatConverter('s2tw', 'html');
  const markdown = formatConverter('s2tw', 'markdown');
  let worst = Infinity;
  let worstHtml = Infinity;
  for (const doc of documents()) {
    const bytes = Buffer.byteLength(doc.text, 'utf8');
    const wrapped = asParagraphs(doc.text);
    const same = raw(doc.text) === engine.convertText(doc.text);
    const [rawMBs, textMBs, htmlMBs, markdownMBs] = throughputs(
      [() => raw(doc.text), () => engine.convertText(doc.text), () => html(wrapped), () => markdown(doc.text)],
      bytes,
    );
    worst = Math.min(worst, textMBs / rawMBs);
    worstHtml = Math.min(worstHtml, htmlMBs / rawMBs);
    console.log(`\n${doc.name}: ${(bytes / 1024).toFixed(0)} KB, engine output identical to raw: ${same}`);
    console.log(`  raw opencc-js cn→tw   ${rawMBs.toFixed(2)} MB/s`);
    console.log(`  engine text s2tw      ${textMBs.toFixed(2)} MB/s   engine/raw ${(textMBs / rawMBs).toFixed(2)}×`);
    console.log(`  engine html s2tw      ${htmlMBs.toFixed(2)} MB/s   engine/raw ${(htmlMBs / rawMBs).toFixed(2)}×  (one <p> per line; MB of text)`);
    console.log(`  engine markdown s2tw  ${markdownMBs.toFixed(2)} MB/s   engine/raw ${(markdownMBs / rawMBs).toFixed(2)}×  (the text read as markdown; for information)`);
  }
  if (worst !== Infinity) {
    const verdict = (r: number): string => (r >= TARGET_RATIO ? 'OK' : 'BELOW TARGET');
    console.log(`\nworst engine/raw (target ≥ ${TARGET_RATIO}×): text ${worst.toFixed(2)}× ${verdict(worst)}, html ${worstHtml.toFixed(2)}× ${verdict(worstHtml)}`);
  }
}

main();
