import {
  InvalidInputError,
  monthlyRequestFees,
  pageFee,
  processingFee,
  requestFee,
  type FeeBasis,
} from '../../../src/plugins/disclosure/server/src/core/working-days';

describe('per-request fee (国办函〔2020〕109号)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ])('request no. %i in the month costs %i 元', (n, yuan) => {
    expect(requestFee(n)).toBe(yuan);
    expect(processingFee({ method: 'per-request', requestNumberInMonth: n })).toEqual({
      yuan,
      breakdown: [{ unit: 'request', from: n, to: n, count: 1, rateYuan: yuan, yuan }],
    });
  });

  it.each([
    [0, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [45, 5500], // 20×100 + 10×200 + 5×300
  ])('%i requests in a month cost %i 元 in total', (count, yuan) => {
    expect(monthlyRequestFees(count).yuan).toBe(yuan);
  });

  it('breaks a month down by band', () => {
    expect(monthlyRequestFees(45).breakdown).toEqual([
      { unit: 'request', from: 1, to: 10, count: 10, rateYuan: 0, yuan: 0 },
      { unit: 'request', from: 11, to: 30, count: 20, rateYuan: 100, yuan: 2000 },
      { unit: 'request', from: 31, to: 40, count: 10, rateYuan: 200, yuan: 2000 },
      { unit: 'request', from: 41, to: 45, count: 5, rateYuan: 300, yuan: 1500 },
    ]);
    expect(monthlyRequestFees(0).breakdown).toEqual([]);
  });

  it('agrees with the sum of the single-request fees', () => {
    for (const count of [1, 9, 10, 11, 29, 30, 31, 39, 40, 41, 99, 100, 101]) {
      let sum = 0;
      for (let n = 1; n <= count; n++) sum += requestFee(n);
      expect(monthlyRequestFees(count).yuan).toBe(sum);
    }
  });
});

describe('per-page fee', () => {
  it.each([
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700], // 700 + 2000 + 50×40
  ])('%i pages cost %i 元', (pages, yuan) => {
    expect(pageFee(pages).yuan).toBe(yuan);
    expect(processingFee({ method: 'per-page', pages }).yuan).toBe(yuan);
  });

  it('is progressive: each band is billed at its own rate', () => {
    expect(pageFee(201).breakdown).toEqual([
      { unit: 'page', from: 1, to: 30, count: 30, rateYuan: 0, yuan: 0 },
      { unit: 'page', from: 31, to: 100, count: 70, rateYuan: 10, yuan: 700 },
      { unit: 'page', from: 101, to: 200, count: 100, rateYuan: 20, yuan: 2000 },
      { unit: 'page', from: 201, to: 201, count: 1, rateYuan: 40, yuan: 40 },
    ]);
    expect(pageFee(31).breakdown).toHaveLength(2);
  });
});

describe('fee input', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p requests or pages', (bad) => {
    expect(() => requestFee(bad)).toThrow(InvalidInputError);
    expect(() => pageFee(bad)).toThrow(InvalidInputError);
    expect(() => processingFee({ method: 'per-request', requestNumberInMonth: bad })).toThrow(InvalidInputError);
    expect(() => processingFee({ method: 'per-page', pages: bad })).toThrow(InvalidInputError);
  });

  it('rejects a negative or fractional month count', () => {
    expect(() => monthlyRequestFees(-1)).toThrow(InvalidInputError);
    expect(() => monthlyRequestFees(2.5)).toThrow(InvalidInputError);
  });

  it('never bills one request both ways, and rejects unknown methods', () => {
    const both = { method: 'per-page', pages: 40, requestNumberInMonth: 12 } as unknown as FeeBasis;
    expect(() => processingFee(both)).toThrow(/never both/);
    expect(() => processingFee({ method: 'per-word', words: 3 } as unknown as FeeBasis)).toThrow(InvalidInputError);
  });
});
