// Shared helpers for markup-safety property tests.

/** Deterministic generator of documents from fragments (LCG), so failures reproduce. */
export function fuzzDocuments(fragments: readonly string[], count: number, length: number, seed = 42): string[] {
  let x = seed;
  const next = (): number => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x;
  };
  return Array.from({ length: count }, () => Array.from({ length }, () => fragments[next() % fragments.length]).join(''));
}

const CJK = /[\u3400-\u9fff]/;

/**
 * With a conversion that maps each of these characters to exactly one character, "no character
 * lost" means: same length, and every non-Chinese character unchanged in place.
 */
export function sameShape(input: string, output: string): boolean {
  if (input.length !== output.length) return false;
  for (let i = 0; i < input.length; i += 1) {
    if (!CJK.test(input[i]) && input[i] !== output[i]) return false;
  }
  return true;
}
