import { monthsOf, rollUp } from '../../../src/plugins/disclosure/server/src/modules/stats/notice-counts';

describe('monthsOf', () => {
  it('splits the year into twelve half-open ranges, December ending on 1 January next year', () => {
    const months = monthsOf({ from: '2024-01-01', to: '2024-12-31' });
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual(['2024-01-01', '2024-02-01']);
    expect(months[1]).toEqual(['2024-02-01', '2024-03-01']);
    expect(months[11]).toEqual(['2024-12-01', '2025-01-01']);
    // every day of the year falls in exactly one range (dates compare as text)
    for (const day of ['2024-01-31', '2024-02-29', '2024-06-30', '2024-12-31']) {
      expect(months.filter(([from, until]) => day >= from && day < until)).toHaveLength(1);
    }
  });
});

describe('rollUp', () => {
  const tree = [
    { code: 'A', name: 'a', parent: null },
    { code: 'A.1', name: 'a1', parent: 'A' },
    { code: 'A.1.x', name: 'a1x', parent: 'A.1' },
    { code: 'B', name: 'b', parent: null },
  ];

  it('adds every descendant to its ancestors and keeps the own count', () => {
    const rows = rollUp(tree, new Map([['A', 1], ['A.1', 2], ['A.1.x', 4]]));
    expect(rows.map((r) => [r.code, r.count, r.total])).toEqual([
      ['A', 1, 7],
      ['A.1', 2, 6],
      ['A.1.x', 4, 4],
      ['B', 0, 0],
    ]);
  });

  it('counts each node once when the tree has a cycle', () => {
    const cyclic = [
      { code: 'X', name: 'x', parent: 'Y' },
      { code: 'Y', name: 'y', parent: 'X' },
    ];
    const rows = rollUp(cyclic, new Map([['X', 1], ['Y', 10]]));
    expect(rows.every((r) => r.total <= 11)).toBe(true);
  });
});
