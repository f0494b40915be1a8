import {
  APPLICATION_COLUMNS,
  APPLICATION_ROWS_2019,
  APPLICATION_ROWS_2021,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  detectFormatVersion,
  emptyTables,
  outcomeRowFor,
  withTotals,
} from '../../../src/plugins/disclosure/server/src/core/annual-report';

describe('emptyTables', () => {
  test('2021: all three tables keyed by the format codes, every cell 0', () => {
    const t = emptyTables('2021');
    expect(t.proactive).toEqual({
      regulations: { issued: 0, abolished: 0, inForce: 0 },
      normativeDocuments: { issued: 0, abolished: 0, inForce: 0 },
      licensing: { decisions: 0 },
      punishment: { decisions: 0 },
      enforcement: { decisions: 0 },
      fees: { amountTenThousandYuan: 0 },
    });
    expect(Object.keys(t.applications)).toEqual([...APPLICATION_ROWS_2021]);
    expect(Object.keys(t.applications)).toHaveLength(25);
    for (const row of Object.values(t.applications)) expect(row).toEqual(Object.fromEntries(APPLICATION_COLUMNS.map((c) => [c, 0])));
    expect(Object.keys(t.reviewsAndLawsuits)).toEqual([...REVIEW_GROUPS]);
    for (const g of Object.values(t.reviewsAndLawsuits)) expect(Object.keys(g)).toEqual([...REVIEW_COLUMNS]);
  });

  test('2019: the trial format Table 2 and a single （六） row', () => {
    const t = emptyTables(2019);
    expect(Object.keys(t.applications)).toEqual([...APPLICATION_ROWS_2019]);
    expect(t.applications).toHaveProperty('other');
    expect(t.applications).not.toHaveProperty(['other.other']);
    expect(t.proactive).toEqual({
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      normativeDocuments: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      licensing: { previousYearItems: 0, change: 0, decisions: 0 },
      otherServices: { previousYearItems: 0, change: 0, decisions: 0 },
      punishment: { previousYearItems: 0, change: 0, decisions: 0 },
      enforcement: { previousYearItems: 0, change: 0, decisions: 0 },
      fees: { previousYearItems: 0, change: 0 },
      procurement: { projects: 0, totalAmount: 0 },
    });
  });

  test('each call gives fresh tables', () => {
    const a = emptyTables('2021');
    a.applications.received.naturalPerson = 5;
    expect(emptyTables('2021').applications.received.naturalPerson).toBe(0);
  });
});

describe('withTotals', () => {
  test('fills closedTotal per column, row totals and Table 4 group totals, leaving counts alone', () => {
    const t = emptyTables('2021');
    t.applications.received = { ...t.applications.received, naturalPerson: 4, commercial: 1, otherOrg: 2, total: 99 };
    t.applications.granted.naturalPerson = 2;
    t.applications['withheld.stateSecret'].naturalPerson = 1;
    t.applications['other.other'].otherOrg = 2;
    t.applications.carriedOut.naturalPerson = 1;
    t.reviewsAndLawsuits.lawsuitAfterReview = { upheld: 1, corrected: 2, other: 3, pending: 4, total: 0 };
    const out = withTotals(t);

    expect(out.applications.received.total).toBe(7);
    expect(out.applications.closedTotal).toEqual({
      naturalPerson: 3,
      commercial: 0,
      research: 0,
      socialWelfare: 0,
      legalService: 0,
      otherOrg: 2,
      total: 5,
    });
    expect(out.applications.granted.total).toBe(2);
    expect(out.applications.carriedOut).toMatchObject({ naturalPerson: 1, total: 1 });
    expect(out.reviewsAndLawsuits.lawsuitAfterReview.total).toBe(10);
    expect(out.reviewsAndLawsuits.review.total).toBe(0);
    // The input is not changed.
    expect(t.applications.received.total).toBe(99);
    expect(t.applications.closedTotal.naturalPerson).toBe(0);
  });

  test('2019 format: （七）总计 adds the single other row', () => {
    const t = emptyTables('2019');
    t.applications.other.research = 3;
    t.applications.granted.research = 1;
    const out = withTotals(t);
    expect(out.applications.closedTotal.research).toBe(4);
    expect(out.applications.closedTotal.total).toBe(4);
  });

  test('the format can be passed explicitly, and must be known', () => {
    const t = emptyTables('2021');
    t.applications.granted.commercial = 2;
    expect(withTotals(t, 2021).applications.closedTotal.commercial).toBe(2);
    const shapeless = { proactive: {}, applications: {}, reviewsAndLawsuits: {} } as unknown as ReturnType<typeof emptyTables<'2021'>>;
    expect(() => withTotals(shapeless)).toThrow(/format version/);
  });
});

describe('helpers', () => {
  test('detectFormatVersion reads Table 2', () => {
    expect(detectFormatVersion(emptyTables('2019'))).toBe('2019');
    expect(detectFormatVersion(emptyTables('2021'))).toBe('2021');
    expect(detectFormatVersion({})).toBeUndefined();
  });

  test('outcomeRowFor maps 2021 outcome codes to the row of each format', () => {
    expect(outcomeRowFor('2021', 'other.feeUnpaid')).toBe('other.feeUnpaid');
    expect(outcomeRowFor('2019', 'other.feeUnpaid')).toBe('other');
    expect(outcomeRowFor('2019', 'other.noCorrection')).toBe('other');
    expect(outcomeRowFor('2019', 'withheld.stateSecret')).toBe('withheld.stateSecret');
    expect(outcomeRowFor('2021', 'received')).toBeUndefined();
    expect(outcomeRowFor('2021', 'nonsense')).toBeUndefined();
  });
});
