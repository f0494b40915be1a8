import { rollUp } from '../../../src/plugins/disclosure/server/src/modules/stats/notice-counts';

describe('rollUp', () => {
  const tree = [
    { code: 'A', name: 'a', parent: null },
    { code: 'A.1', name: 'a1', parent: 'A' },
    { code: 'A.1.x', name: 'a1x', parent: 'A.1' },
    { code: 'B', name: 'b', parent: null },
  ];

  it('adds every descendant to its ancestors and keeps the own count', () => {
    const rows = rollUp(
      tree,
      new Map([
        ['A', 1],
        ['A.1', 2],
        ['A.1.x', 4],
      ]),
    );
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
    const rows = rollUp(
      cyclic,
      new Map([
        ['X', 1],
        ['Y', 10],
      ]),
    );
    expect(rows.every((r) => r.total <= 11)).toBe(true);
  });
});
