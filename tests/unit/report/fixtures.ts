// Sample reports shared by the report tests: a consistent 2024 report (2021 format), its 2023
// predecessor, and a consistent 2020 report (trial format).
import { emptyTables, withTotals, type AnnualReport, type Tables2019, type Tables2021 } from '../../../src/plugins/disclosure/server/src/core/annual-report';

export function tables2024(): Tables2021 {
  const t = emptyTables('2021');
  t.proactive.regulations = { issued: 1, abolished: 0, inForce: 5 };
  t.proactive.normativeDocuments = { issued: 3, abolished: 1, inForce: 20 };
  t.proactive.licensing.decisions = 120;
  t.proactive.punishment.decisions = 45;
  t.proactive.enforcement.decisions = 3;
  t.proactive.fees.amountTenThousandYuan = 12.5;
  const a = t.applications;
  a.received.naturalPerson = 10;
  a.received.commercial = 2;
  a.received.legalService = 1;
  a.carriedIn.naturalPerson = 2;
  a.granted.naturalPerson = 5;
  a.partlyGranted.naturalPerson = 1;
  a['withheld.stateSecret'].naturalPerson = 1;
  a['unavailable.notHeld'].naturalPerson = 2;
  a['notProcessed.repeated'].naturalPerson = 1;
  a['other.noCorrection'].naturalPerson = 1;
  a.carriedOut.naturalPerson = 1;
  a.granted.commercial = 1;
  a['other.feeUnpaid'].commercial = 1;
  a['withheld.thirdPartyRights'].legalService = 1;
  const r = t.reviewsAndLawsuits;
  r.review = { upheld: 1, corrected: 1, other: 0, pending: 1, total: 0 };
  r.lawsuitDirect.upheld = 1;
  r.lawsuitAfterReview.pending = 1;
  return withTotals(t);
}

/** The 2023 report whose year-end figures 2024 continues from. */
export function tables2023(): Tables2021 {
  const t = emptyTables('2021');
  t.proactive.regulations = { issued: 0, abolished: 0, inForce: 4 };
  t.proactive.normativeDocuments = { issued: 2, abolished: 0, inForce: 18 };
  t.applications.received.naturalPerson = 2;
  t.applications.carriedOut.naturalPerson = 2;
  return withTotals(t);
}

export function tables2020(): Tables2019 {
  const t = emptyTables('2019');
  t.proactive.regulations = { newlyMade: 1, newlyPublished: 1, totalPublished: 9 };
  t.proactive.fees = { previousYearItems: 4, change: -1 };
  t.proactive.procurement = { projects: 2, totalAmount: 35.75 };
  const a = t.applications;
  a.received.naturalPerson = 4;
  a.received.research = 1;
  a.granted.naturalPerson = 2;
  a.other.naturalPerson = 1;
  a.carriedOut.naturalPerson = 1;
  a['unavailable.notHeld'].research = 1;
  return withTotals(t);
}

export function report2024(overrides: Partial<AnnualReport> = {}): AnnualReport {
  return {
    title: '示例市人民政府办公室2024年政府信息公开工作年度报告',
    organizationName: '示例市人民政府办公室',
    year: 2024,
    formatVersion: '2021',
    overview: '（一）主动公开\n\n本年度共主动公开政府信息 120 条。',
    problems: '一是公开质量有待提高。\n\n二是解读形式较为单一。',
    otherMatters: '本年度未收取信息处理费。',
    tables: tables2024(),
    processingFeeYuan: 0,
    ...overrides,
  };
}
