/**
 * Query-string serialisation in the bracket style Strapi parses (qs):
 * { filters: { title: { $containsi: 'x' } } } → filters[title][$containsi]=x, arrays as [0], [1], …
 */
export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };

function encodeKey(key: string): string {
  // Keep brackets readable: Strapi (qs) accepts them raw or encoded.
  return encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

function walk(prefix: string, value: QueryValue, out: string[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(`${prefix}[${i}]`, v, out));
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}[${k}]` : k, v, out);
    return;
  }
  out.push(`${encodeKey(prefix)}=${encodeURIComponent(String(value))}`);
}

export function stringifyQuery(query: Record<string, QueryValue>): string {
  const out: string[] = [];
  walk('', query, out);
  return out.join('&');
}
