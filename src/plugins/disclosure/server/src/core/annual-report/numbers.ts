/** Numbers as printed in the report and its messages. */

/** Integers print as such; decimals are rounded to 12 significant digits so float noise never shows. */
export function formatNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** An amount in 元: whole amounts without decimals, others with two (fen). */
export function formatYuan(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
