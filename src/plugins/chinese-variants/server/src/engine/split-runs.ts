/**
 * Splits converted text back into the input runs it came from. offsets[u] is the offset, in the
 * concatenated runs, of the input that produced output unit u (non-decreasing), so each run gets
 * the output whose source starts inside it; a match spanning runs stays with the run it starts in.
 */
export function splitByRuns(text: string, offsets: Int32Array, runs: readonly string[]): string[] {
  const parts: string[] = [];
  let runEnd = 0;
  let u = 0;
  for (let r = 0; r < runs.length; r += 1) {
    runEnd += runs[r].length;
    const from = u;
    while (u < text.length && offsets[u] < runEnd) u += 1;
    parts.push(text.slice(from, u));
  }
  // Unreachable when offsets are in range; kept so no character can ever be dropped.
  if (u < text.length && parts.length > 0) parts[parts.length - 1] += text.slice(u);
  return parts;
}
