import { InvalidInputError } from './errors';

/**
 * 信息处理费 under Art. 42 and 国办函〔2020〕109号. Fees are the exception (requests clearly excessive
 * in number or frequency); when charged, one request is billed either per request or per page,
 * never both. Both scales are progressive: each band's rate applies only to the units inside it.
 */
export type FeeBasis = { readonly method: 'per-request'; readonly requestNumberInMonth: number } | { readonly method: 'per-page'; readonly pages: number };

export interface FeeLine {
  readonly unit: 'request' | 'page';
  /** First and last unit (request number or page) of the band billed on this line. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly rateYuan: number;
  readonly yuan: number;
}

export interface FeeResult {
  readonly yuan: number;
  readonly breakdown: readonly FeeLine[];
}

/** Per page: 1–30 free, 31–100 at 10, 101–200 at 20, 201 and above at 40 元/页. */
export const PAGE_BANDS: readonly { readonly from: number; readonly to: number; readonly rateYuan: number }[] = [
  { from: 1, to: 30, rateYuan: 0 },
  { from: 31, to: 100, rateYuan: 10 },
  { from: 101, to: 200, rateYuan: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, rateYuan: 40 },
];

/**
 * Rate for the n-th request of one applicant in one calendar month: 1–10 free, 11–30 at 100 元,
 * then from 31 each further block of 10 costs 100 元 more per request (31–40 at 200, 41–50 at 300 …).
 */
export function requestFee(requestNumberInMonth: number): number {
  requireCount(requestNumberInMonth, 'requestNumberInMonth', 1);
  return requestBand(requestNumberInMonth).rateYuan;
}

/** All fees of one applicant's `requests` requests in a calendar month; 0 requests cost nothing. */
export function monthlyRequestFees(requests: number): FeeResult {
  requireCount(requests, 'requests', 0);
  const breakdown: FeeLine[] = [];
  for (let n = 1; n <= requests;) {
    const band = requestBand(n);
    const to = Math.min(band.to, requests);
    breakdown.push(line('request', n, to, band.rateYuan));
    n = to + 1;
  }
  return total(breakdown);
}

/** Fee for one request of `pages` pages. */
export function pageFee(pages: number): FeeResult {
  requireCount(pages, 'pages', 1);
  const breakdown = PAGE_BANDS.filter((b) => b.from <= pages).map((b) => line('page', b.from, Math.min(b.to, pages), b.rateYuan));
  return total(breakdown);
}

/** Fee for one request, billed the one way the office chose. */
export function processingFee(basis: FeeBasis): FeeResult {
  // The union type already forbids mixing; this also stops untyped callers from sending both.
  const raw = basis as Partial<Record<'pages' | 'requestNumberInMonth', unknown>>;
  if (raw.pages !== undefined && raw.requestNumberInMonth !== undefined) {
    throw new InvalidInputError(
      'basis',
      '同一申请只能按件或按量计收其中一种，不能同时计收',
      'one request is billed either per request or per page, never both',
    );
  }
  switch (basis.method) {
    case 'per-request': {
      const n = basis.requestNumberInMonth;
      return total([line('request', n, n, requestFee(n))]);
    }
    case 'per-page':
      return pageFee(basis.pages);
    default:
      throw new InvalidInputError(
        'method',
        `计收方式必须是 per-request 或 per-page，收到 ${JSON.stringify((basis as { method?: unknown }).method)}`,
        `method must be 'per-request' or 'per-page', got ${JSON.stringify((basis as { method?: unknown }).method)}`,
      );
  }
}

function requestBand(n: number): { from: number; to: number; rateYuan: number } {
  if (n <= 10) return { from: 1, to: 10, rateYuan: 0 };
  if (n <= 30) return { from: 11, to: 30, rateYuan: 100 };
  const block = Math.floor((n - 31) / 10);
  return { from: 31 + block * 10, to: 40 + block * 10, rateYuan: 200 + block * 100 };
}

function line(unit: FeeLine['unit'], from: number, to: number, rateYuan: number): FeeLine {
  const count = to - from + 1;
  return { unit, from, to, count, rateYuan, yuan: count * rateYuan };
}

function total(breakdown: FeeLine[]): FeeResult {
  return { yuan: breakdown.reduce((sum, l) => sum + l.yuan, 0), breakdown };
}

function requireCount(value: number, field: string, min: 0 | 1): void {
  if (!Number.isSafeInteger(value) || value < min) {
    const what = min === 1 ? '正整数' : '非负整数';
    const whatEn = min === 1 ? 'a positive integer' : 'a non-negative integer';
    throw new InvalidInputError(field, `${field} 必须是${what}，收到 ${JSON.stringify(value)}`, `${field} must be ${whatEn}, got ${JSON.stringify(value)}`);
  }
}
