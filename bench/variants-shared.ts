// What the chinese-variants benchmarks (variants.ts, variants-engine.ts) share: the documents they
// convert, the shapes those documents are given (blocks, HTML) and how contenders are timed.
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import type { BlocksNode } from '../src/plugins/chinese-variants/server/src/engine';

const REFERENCE = path.resolve(__dirname, '../../shared/reference/opencc-conformance');

export interface BenchDocument {
  name: string;
  text: string;
}

/**
 * OpenCC's golden document ×20 (8,261 lines, most of them short or empty) and the first 300 KB of
 * 左传 (1,519 long lines), from the reference data beside the repository; a synthetic text when
 * neither is there.
 */
export function benchDocuments(): BenchDocument[] {
  const docs: BenchDocument[] = [];
  const golden = path.join(REFERENCE, 'golden/input/us_constitution_zhs.txt');
  if (existsSync(golden)) docs.push({ name: 'golden ×20', text: readFileSync(golden, 'utf8').repeat(20) });
  else console.log(`  skipped golden document: ${golden} not found`);
  const zuozhuan = path.join(REFERENCE, 'benchmark/zuozhuan.txt');
  if (existsSync(zuozhuan)) {
    // First 300 KB (UTF-8), cut at a character boundary.
    const text = Buffer.from(readFileSync(zuozhuan))
      .subarray(0, 300 * 1024)
      .toString('utf8')
      .replace(/\uFFFD+$/, '');
    docs.push({ name: 'zuozhuan 300 KB', text });
  } else console.log(`  skipped zuozhuan: ${zuozhuan} not found`);
  if (docs.length === 0) docs.push({ name: 'synthetic', text: '关于进一步优化营商环境、发布政府信息公开指南的通知。\n'.repeat(5000) });
  return docs;
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The text as a Strapi blocks document: one paragraph per line (empty lines stay, as editors leave them). */
export function asBlocks(text: string): BlocksNode[] {
  return text.split('\n').map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }));
}

/** The text as HTML: one <p> per line. */
export function asHtmlParagraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
}

export interface BestTimes {
  /** Best wall-clock seconds of a round. */
  wall: number;
  /** Best CPU seconds (user + system, all threads of the process, so GC included) of a round. */
  cpu: number;
}

const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * Best-of-rounds times for each contender, after a warm-up run. Rounds interleave the contenders
 * so that noise on a shared machine hits them alike; the best round is the one least disturbed.
 * At least `rounds` rounds, and more (up to 10×) until `minSeconds` have passed. On a busy machine
 * the wall clock also counts the time other processes held the CPU, which CPU time does not: both
 * are reported, and the ratios are taken on CPU time (the work each contender did).
 */
export function bestTimes(contenders: Array<() => unknown>, rounds: number, minSeconds = 0): BestTimes[] {
  contenders.forEach((run) => run());
  const best = contenders.map(() => ({ wall: Infinity, cpu: Infinity }));
  const start = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9;
  for (let r = 0; r < rounds || (elapsed() < minSeconds && r < rounds * 10); r += 1) {
    contenders.forEach((run, k) => {
      const c0 = cpuSeconds();
      const t0 = process.hrtime.bigint();
      run();
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      const cpu = cpuSeconds() - c0;
      best[k] = { wall: Math.min(best[k].wall, wall), cpu: Math.min(best[k].cpu, cpu) };
    });
  }
  return best;
}

export const mbPerSecond = (bytes: number, seconds: number): number => bytes / 1e6 / seconds;

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
