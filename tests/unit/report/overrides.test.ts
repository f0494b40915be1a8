import { applyOverrides, detectOverrides, overridableCells, readOverrides } from '../../../src/plugins/disclosure/server/src/modules/reports/overrides';
import { emptyTables } from '../../../src/plugins/disclosure/server/src/core/annual-report';

describe('report overrides', () => {
  it('only Table 2 decisions and fees (and the 2019 item counts) are overridable', () => {
    expect(overridableCells(2021)).toEqual([
      'proactive.licensing.decisions',
      'proactive.punishment.decisions',
      'proactive.enforcement.decisions',
      'proactive.fees.amountTenThousandYuan',
    ]);
    expect(overridableCells('2019')).toContain('proactive.procurement.totalAmount');
    expect(overridableCells('2019').every((k) => k.startsWith('proactive.'))).toBe(true);
  });

  it('reads whatever is stored, keeping numbers only', () => {
    expect(readOverrides(null)).toEqual({ cells: {} });
    expect(readOverrides({ cells: { a: 1, b: 'x', c: NaN }, processingFeeYuan: 20 })).toEqual({ cells: { a: 1 }, processingFeeYuan: 20 });
  });

  it('applies overrides over counted tables, ignoring cells that are not overridable', () => {
    const counted = emptyTables('2021');
    const out: any = applyOverrides(counted, { cells: { 'proactive.licensing.decisions': 12, 'applications.received.total': 99 } }, '2021');
    expect(out.proactive.licensing.decisions).toBe(12);
    expect(out.applications.received.total).toBe(0);
    expect((counted as any).proactive.licensing.decisions).toBe(0); // not mutated
  });

  it('turns hand edits of overridable cells into overrides, and clearing a cell drops it', () => {
    const before: any = emptyTables('2021');
    const after: any = structuredClone(before);
    after.proactive.punishment.decisions = 5;
    after.applications.received.naturalPerson = 3; // not overridable: no override
    const next = detectOverrides(before, after, { cells: {} }, '2021');
    expect(next.cells).toEqual({ 'proactive.punishment.decisions': 5 });
    const cleared: any = structuredClone(after);
    cleared.proactive.punishment.decisions = null;
    expect(detectOverrides(after, cleared, next, '2021').cells).toEqual({});
    const same = { cells: { 'proactive.punishment.decisions': 5 } };
    expect(detectOverrides(after, structuredClone(after), same, '2021')).toBe(same);
  });
});
