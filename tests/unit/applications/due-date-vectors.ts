import type { DueDateInput } from '../../../src/plugins/disclosure/server/src/core/working-days';

/**
 * Due dates worked out by hand from the State Council holiday notices:
 *   2025 (国办发明电〔2024〕12号): 元旦 1/1; 春节 1/28–2/4, work Sun 1/26 + Sat 2/8; 清明 4/4–4/6;
 *     劳动节 5/1–5/5, work Sun 4/27; 端午 5/31–6/2; 国庆·中秋 10/1–10/8, work Sun 9/28 + Sat 10/11.
 *   2026 (notice of 2025-11-04): 元旦 1/1–1/3, work Sun 1/4; 春节 2/15–2/23, work Sat 2/14 + Sat 2/28;
 *     清明 4/4–4/6; 劳动节 5/1–5/5, work Sat 5/9; 端午 6/19–6/21; 中秋 9/25–9/27;
 *     国庆 10/1–10/7, work Sun 9/20 + Sat 10/10.
 * Weekday anchors: 2025-01-01 Wed, 2026-01-01 Thu.
 * "n=k" means the k-th counted working day; the day of receipt (or of the correction's arrival) is day 0.
 * Consultation windows exclude the day after sending up to and including the answer's day.
 */
export interface DueDateVector {
  readonly name: string;
  readonly input: DueDateInput;
  readonly expected: {
    readonly status: 'running' | 'awaiting-correction';
    readonly dueDate: string | null;
    readonly baseDueDate?: string;
    readonly correctionLimit?: string;
  };
}

export const DUE_DATE_VECTORS: readonly DueDateVector[] = [
  // ---- Spring Festival 2025 ----
  {
    // Fri 1/24 → 1/25 Sat off, 1/26 Sun make-up=1, 1/27=2, [1/28–2/4 春节], 2/5=3, 2/6=4, 2/7=5,
    // 2/8 Sat make-up=6, 2/10=7 (correction limit), 2/11..2/14=8..11, 2/17..2/21=12..16, 2/24..2/27=17..20.
    name: 'received Fri 2025-01-24, crosses 春节 and both make-up days',
    input: { receivedDate: '2025-01-24' },
    expected: { status: 'running', dueDate: '2025-02-27', correctionLimit: '2025-02-10' },
  },
  {
    // Mon 1/20 → 1/21..1/24=1..4, 1/26 Sun=5, 1/27=6, [春节], 2/5=7 (limit), 2/6=8, 2/7=9, 2/8 Sat=10,
    // 2/10..2/14=11..15, 2/17..2/21=16..20.
    name: 'received Mon 2025-01-20, before the holiday',
    input: { receivedDate: '2025-01-20' },
    expected: { status: 'running', dueDate: '2025-02-21', correctionLimit: '2025-02-05' },
  },
  {
    // Wed 1/29 (in the holiday) → 1/30..2/4 off, 2/5=1, 2/6=2, 2/7=3, 2/8 Sat=4, 2/10..2/14=5..9,
    // 2/17..2/21=10..14, 2/24..2/28=15..19, 3/1–3/2 weekend, 3/3 Mon=20.
    name: 'received during 春节 2025 (Wed 2025-01-29)',
    input: { receivedDate: '2025-01-29' },
    expected: { status: 'running', dueDate: '2025-03-03' },
  },
  {
    // Sun 1/26 (itself a make-up day, but the day of receipt never counts) → 1/27=1, 2/5=2, 2/6=3,
    // 2/7=4, 2/8 Sat=5, 2/10..2/14=6..10, 2/17..2/21=11..15, 2/24..2/28=16..20.
    name: 'received on the make-up Sunday 2025-01-26',
    input: { receivedDate: '2025-01-26' },
    expected: { status: 'running', dueDate: '2025-02-28' },
  },
  // ---- 清明, 劳动节, 端午 2025 ----
  {
    // Tue 4/1 → 4/2=1, 4/3=2, [4/4 Fri 清明], 4/7..4/11=3..7, 4/14..4/18=8..12, 4/21..4/25=13..17,
    // 4/27 Sun make-up=18, 4/28=19, 4/29=20.
    name: 'received Tue 2025-04-01, crosses 清明 and the 4/27 make-up Sunday',
    input: { receivedDate: '2025-04-01' },
    expected: { status: 'running', dueDate: '2025-04-29' },
  },
  {
    // Fri 4/25 → 4/26 Sat off, 4/27 Sun=1, 4/28=2, 4/29=3, 4/30=4, [5/1–5/5], 5/6..5/9=5..8,
    // 5/12..5/16=9..13, 5/19..5/23=14..18, 5/26=19, 5/27=20.
    name: 'received Fri 2025-04-25, crosses 劳动节 2025',
    input: { receivedDate: '2025-04-25' },
    expected: { status: 'running', dueDate: '2025-05-27' },
  },
  {
    // Tue 5/20 → 5/21..5/23=1..3, 5/26..5/30=4..8, [5/31–6/2 端午, 6/2 Mon], 6/3..6/6=9..12,
    // 6/9..6/13=13..17, 6/16=18, 6/17=19, 6/18=20.
    name: 'received Tue 2025-05-20, crosses 端午 2025',
    input: { receivedDate: '2025-05-20' },
    expected: { status: 'running', dueDate: '2025-06-18' },
  },
  // ---- National Day 2025 ----
  {
    // Fri 9/26 → 9/27 Sat off, 9/28 Sun make-up=1, 9/29=2, 9/30=3, [10/1–10/8], 10/9=4, 10/10=5,
    // 10/11 Sat make-up=6, 10/13=7 (limit), 10/14..10/17=8..11, 10/20..10/24=12..16, 10/27..10/30=17..20.
    name: 'received Fri 2025-09-26, crosses 国庆·中秋 2025 and both make-up days',
    input: { receivedDate: '2025-09-26' },
    expected: { status: 'running', dueDate: '2025-10-30', correctionLimit: '2025-10-13' },
  },
  {
    // Tue 9/30 → [10/1–10/8], 10/9=1, 10/10=2, 10/11 Sat=3, 10/13..10/17=4..8, 10/20..10/24=9..13,
    // 10/27..10/31=14..18, 11/3=19, 11/4=20.
    name: 'received Tue 2025-09-30, the eve of National Day',
    input: { receivedDate: '2025-09-30' },
    expected: { status: 'running', dueDate: '2025-11-04' },
  },
  {
    // Mon 9/15 → 9/16..9/19=1..4, 9/22..9/26=5..9, 9/28 Sun=10, 9/29=11, 9/30=12, [10/1–10/8],
    // 10/9=13, 10/10=14, 10/11 Sat=15, 10/13..10/17=16..20.
    name: 'received Mon 2025-09-15, two weeks before National Day',
    input: { receivedDate: '2025-09-15' },
    expected: { status: 'running', dueDate: '2025-10-17' },
  },
  // ---- New Year 2026 ----
  {
    // Wed 2025-12-31 → [1/1–1/3], 1/4 Sun make-up=1, 1/5..1/9=2..6, 1/12..1/16=7..11,
    // 1/19..1/23=12..16, 1/26..1/29=17..20.
    name: 'received Wed 2025-12-31, crosses 元旦 2026 and the 1/4 make-up Sunday',
    input: { receivedDate: '2025-12-31' },
    expected: { status: 'running', dueDate: '2026-01-29' },
  },
  // ---- Spring Festival 2026 ----
  {
    // Fri 2/13 → 2/14 Sat make-up=1, [2/15–2/23], 2/24..2/27=2..5, 2/28 Sat make-up=6, 3/2=7 (limit),
    // 3/3..3/6=8..11, 3/9..3/13=12..16, 3/16..3/19=17..20.
    name: 'received Fri 2026-02-13, crosses 春节 2026 and both make-up Saturdays',
    input: { receivedDate: '2026-02-13' },
    expected: { status: 'running', dueDate: '2026-03-19', correctionLimit: '2026-03-02' },
  },
  {
    // Mon 2/9 → 2/10..2/13=1..4, 2/14 Sat=5, [2/15–2/23], 2/24..2/27=6..9, 2/28 Sat=10,
    // 3/2..3/6=11..15, 3/9..3/13=16..20.
    name: 'received Mon 2026-02-09, the week before 春节',
    input: { receivedDate: '2026-02-09' },
    expected: { status: 'running', dueDate: '2026-03-13' },
  },
  {
    // Sat 2/14 (make-up day; receipt day not counted) → [2/15–2/23], 2/24..2/27=1..4, 2/28 Sat=5,
    // 3/2..3/6=6..10, 3/9..3/13=11..15, 3/16..3/20=16..20.
    name: 'received on the make-up Saturday 2026-02-14',
    input: { receivedDate: '2026-02-14' },
    expected: { status: 'running', dueDate: '2026-03-20' },
  },
  // ---- 劳动节, 端午 2026 ----
  {
    // Thu 4/30 → [5/1–5/5], 5/6=1, 5/7=2, 5/8=3, 5/9 Sat make-up=4, 5/11..5/15=5..9,
    // 5/18..5/22=10..14, 5/25..5/29=15..19, 6/1 Mon=20.
    name: 'received Thu 2026-04-30, crosses 劳动节 2026 and the 5/9 make-up Saturday',
    input: { receivedDate: '2026-04-30' },
    expected: { status: 'running', dueDate: '2026-06-01' },
  },
  {
    // Mon 6/15 → 6/16..6/18=1..3, [6/19 Fri 端午], 6/22..6/26=4..8, 6/29..7/3=9..13,
    // 7/6..7/10=14..18, 7/13=19, 7/14=20.
    name: 'received Mon 2026-06-15, crosses 端午 2026',
    input: { receivedDate: '2026-06-15' },
    expected: { status: 'running', dueDate: '2026-07-14' },
  },
  // ---- 中秋 and National Day 2026 ----
  {
    // Fri 9/18 → 9/19 Sat off, 9/20 Sun make-up=1, 9/21..9/24=2..5, [9/25 Fri 中秋], 9/28=6, 9/29=7 (limit),
    // 9/30=8, [10/1–10/7], 10/8=9, 10/9=10, 10/10 Sat make-up=11, 10/12..10/16=12..16, 10/19..10/22=17..20.
    name: 'received Fri 2026-09-18, crosses 中秋, 国庆 2026 and both make-up days',
    input: { receivedDate: '2026-09-18' },
    expected: { status: 'running', dueDate: '2026-10-22', correctionLimit: '2026-09-29' },
  },
  {
    // Wed 9/30 → [10/1–10/7], 10/8=1, 10/9=2, 10/10 Sat=3, 10/12..10/16=4..8, 10/19..10/23=9..13,
    // 10/26..10/30=14..18, 11/2=19, 11/3=20.
    name: 'received Wed 2026-09-30, the eve of National Day',
    input: { receivedDate: '2026-09-30' },
    expected: { status: 'running', dueDate: '2026-11-03' },
  },
  {
    // Mon 9/7 → 9/8..9/11=1..4, 9/14..9/18=5..9, 9/20 Sun=10, 9/21..9/24=11..14, [9/25 中秋],
    // 9/28..9/30=15..17, [10/1–10/7], 10/8=18, 10/9=19, 10/10 Sat make-up=20: due on a Saturday.
    name: 'received Mon 2026-09-07, due on the make-up Saturday 2026-10-10',
    input: { receivedDate: '2026-09-07' },
    expected: { status: 'running', dueDate: '2026-10-10' },
  },
  // ---- Corrections (Art. 30) ----
  {
    // Limit for Mon 1/20: 2/5 (see above). Requested 1/22, in time. Restart from Fri 1/24: same walk as
    // the first vector → 2/27.
    name: 'correction requested 2025-01-22 and received Fri 2025-01-24: restart across 春节',
    input: { receivedDate: '2025-01-20', corrections: [{ requestedDate: '2025-01-22', receivedDate: '2025-01-24' }] },
    expected: { status: 'running', dueDate: '2025-02-27', correctionLimit: '2025-02-05' },
  },
  {
    // Limit for Fri 9/26: 10/13; requested on the limit day, in time. Restart from Wed 10/15:
    // 10/16=1, 10/17=2, 10/20..10/24=3..7, 10/27..10/31=8..12, 11/3..11/7=13..17, 11/10=18, 11/11=19, 11/12=20.
    name: 'correction requested on its last allowed day (2025-10-13), received 2025-10-15',
    input: { receivedDate: '2025-09-26', corrections: [{ requestedDate: '2025-10-13', receivedDate: '2025-10-15' }] },
    expected: { status: 'running', dueDate: '2025-11-12', correctionLimit: '2025-10-13' },
  },
  {
    // Limit 10/13; requested 10/14 is one working day late (flagged), answered the same day. A late
    // request stops no clock: counted from receipt Fri 9/26: 9/28 Sun (make-up)=1, 9/29=2, 9/30=3,
    // [10/1–10/8 国庆], 10/9=4, 10/10=5, 10/11 Sat (make-up)=6, 10/13=7, 10/14..10/17=8..11,
    // 10/20..10/24=12..16, 10/27=17, 10/28=18, 10/29=19, 10/30=20.
    name: 'late correction request (2025-10-14) does not restart the period',
    input: { receivedDate: '2025-09-26', corrections: [{ requestedDate: '2025-10-14', receivedDate: '2025-10-14' }] },
    expected: { status: 'running', dueDate: '2025-10-30', correctionLimit: '2025-10-13' },
  },
  {
    // The same late request, not yet answered by the applicant: the clock still runs from receipt.
    name: 'late correction request (2025-10-14) still outstanding: due date from receipt',
    input: { receivedDate: '2025-09-26', corrections: [{ requestedDate: '2025-10-14', answerBy: '2025-10-28' }] },
    expected: { status: 'running', dueDate: '2025-10-30', correctionLimit: '2025-10-13' },
  },
  {
    // Outstanding correction: no due date. Limit for Fri 2/13: 3/2 (see above).
    name: 'correction requested on the make-up Saturday 2026-02-14 and not yet answered',
    input: {
      receivedDate: '2026-02-13',
      corrections: [{ requestedDate: '2026-02-14', answerBy: '2026-03-02' }],
    },
    expected: { status: 'awaiting-correction', dueDate: null, correctionLimit: '2026-03-02' },
  },
  {
    // Limit for Tue 2/10: 2/11=1, 2/12=2, 2/13=3, 2/14 Sat=4, [2/15–2/23], 2/24=5, 2/25=6, 2/26=7.
    // Correction arrives Fri 2/13 → same walk as 'received Fri 2026-02-13' → 3/19.
    name: 'correction received Fri 2026-02-13 just before 春节 2026',
    input: { receivedDate: '2026-02-10', corrections: [{ requestedDate: '2026-02-12', receivedDate: '2026-02-13' }] },
    expected: { status: 'running', dueDate: '2026-03-19', correctionLimit: '2026-02-26' },
  },
  {
    // Limit for Thu 9/24: [9/25 中秋], 9/28=1, 9/29=2, 9/30=3, [10/1–10/7], 10/8=4, 10/9=5, 10/10 Sat=6,
    // 10/12=7. Correction arrives Fri 10/2 (online, during the holiday); restart from 10/2:
    // [10/3–10/7], 10/8=1, 10/9=2, 10/10 Sat=3, 10/12..10/16=4..8, 10/19..10/23=9..13,
    // 10/26..10/30=14..18, 11/2=19, 11/3=20.
    name: 'correction arriving during National Day 2026 (Fri 2026-10-02)',
    input: { receivedDate: '2026-09-24', corrections: [{ requestedDate: '2026-09-28', receivedDate: '2026-10-02' }] },
    expected: { status: 'running', dueDate: '2026-11-03', correctionLimit: '2026-10-12' },
  },
  // ---- Consultations (Art. 32, 34) ----
  {
    // Mon 9/15; third party asked Mon 9/22, answered Wed 9/24 → 9/23, 9/24 excluded.
    // 9/16..9/19=1..4, 9/22=5, [9/23–9/24], 9/25=6, 9/26=7, 9/28 Sun=8, 9/29=9, 9/30=10, [10/1–10/8],
    // 10/9=11, 10/10=12, 10/11 Sat=13, 10/13..10/17=14..18, 10/20=19, 10/21=20.
    name: 'third-party consultation 2025-09-22 → 09-24 before National Day 2025',
    input: {
      receivedDate: '2025-09-15',
      consultations: [{ kind: 'third-party', startDate: '2025-09-22', endDate: '2025-09-24' }],
    },
    expected: { status: 'running', dueDate: '2025-10-21', baseDueDate: '2025-10-21' },
  },
  {
    // Mon 9/15; co-producer asked Fri 9/26, answered Fri 10/17 → excluded 9/28 Sun, 9/29, 9/30, 10/9,
    // 10/10, 10/11 Sat, 10/13..10/17 = 11 working days (< 15, cap would be 10/23).
    // 9/16..9/19=1..4, 9/22..9/26=5..9, [9/27–10/17], 10/20..10/24=10..14, 10/27..10/31=15..19, 11/3=20.
    name: 'co-producer consultation spanning National Day 2025',
    input: {
      receivedDate: '2025-09-15',
      consultations: [{ kind: 'co-producer', startDate: '2025-09-26', endDate: '2025-10-17' }],
    },
    expected: { status: 'running', dueDate: '2025-11-03' },
  },
  {
    // Fri 2/13/2026; third party asked Mon 3/2, answered 4/10, long after its cap:
    // cap = 15th working day after 3/2: 3/3..3/6=1..4, 3/9..3/13=5..9, 3/16..3/20=10..14, 3/23=15.
    // Walk: 2/14 Sat=1, [春节], 2/24..2/27=2..5, 2/28 Sat=6, 3/2=7, [3/3–3/23], 3/24..3/27=8..11,
    // 3/30..4/3=12..16, [4/4–4/6 清明, 4/6 Mon], 4/7..4/10=17..20.
    name: 'third-party answer after its 15-working-day cap, across 清明 2026',
    input: {
      receivedDate: '2026-02-13',
      consultations: [{ kind: 'third-party', startDate: '2026-03-02', endDate: '2026-04-10' }],
    },
    expected: { status: 'running', dueDate: '2026-04-10' },
  },
  {
    // Mon 9/7/2026; third party asked Thu 9/17, still open on today = Wed 9/23 → excluded 9/18,
    // 9/20 Sun make-up, 9/21, 9/22, 9/23 (5). Walk: 9/8..9/11=1..4, 9/14..9/17=5..8, [9/18–9/23],
    // 9/24=9, [9/25 中秋], 9/28=10, 9/29=11, 9/30=12, [10/1–10/7], 10/8=13, 10/9=14, 10/10 Sat=15,
    // 10/12..10/16=16..20.
    name: 'open third-party consultation counted until today, over the 9/20 make-up Sunday',
    input: {
      receivedDate: '2026-09-07',
      consultations: [{ kind: 'third-party', startDate: '2026-09-17' }],
      today: '2026-09-23',
    },
    expected: { status: 'running', dueDate: '2026-10-16' },
  },
  {
    // Mon 9/15/2025; third party 9/17→9/19 (9/18, 9/19) and co-producer 9/18→9/23 (9/19, 9/22, 9/23)
    // overlap on 9/19, excluded once: 9/18, 9/19, 9/22, 9/23. Walk: 9/16=1, 9/17=2, [9/18–9/23],
    // 9/24..9/26=3..5, 9/28 Sun=6, 9/29=7, 9/30=8, [10/1–10/8], 10/9=9, 10/10=10, 10/11 Sat=11,
    // 10/13..10/17=12..16, 10/20..10/23=17..20.
    name: 'two overlapping consultations, overlap excluded once',
    input: {
      receivedDate: '2025-09-15',
      consultations: [
        { kind: 'third-party', startDate: '2025-09-17', endDate: '2025-09-19' },
        { kind: 'co-producer', startDate: '2025-09-18', endDate: '2025-09-23' },
      ],
    },
    expected: { status: 'running', dueDate: '2025-10-23' },
  },
  // ---- Extensions (Art. 33) ----
  {
    // Fri 9/26/2025, base due 10/30 (see above); +20: 10/31=1, 11/3..11/7=2..6, 11/10..11/14=7..11,
    // 11/17..11/21=12..16, 11/24..11/27=17..20.
    name: 'extension of 20 working days after National Day 2025',
    input: {
      receivedDate: '2025-09-26',
      extension: { workingDays: 20, approver: '张主任', reason: '需要调取档案', approvedDate: '2025-10-28' },
    },
    expected: { status: 'running', dueDate: '2025-11-27', baseDueDate: '2025-10-30' },
  },
  {
    // Mon 1/19/2026 → 1/20..1/23=1..4, 1/26..1/30=5..9, 2/2..2/6=10..14, 2/9..2/13=15..19,
    // 2/14 Sat make-up=20 (base due). +10: [2/15–2/23], 2/24..2/27=1..4, 2/28 Sat=5, 3/2..3/6=6..10.
    name: 'base due on make-up Saturday 2026-02-14, extension of 10 across 春节 2026',
    input: {
      receivedDate: '2026-01-19',
      extension: { workingDays: 10, approver: '李处长', reason: '涉及多个内设机构', approvedDate: '2026-02-12' },
    },
    expected: { status: 'running', dueDate: '2026-03-06', baseDueDate: '2026-02-14' },
  },
  {
    // Fri 1/24/2025, base due 2/27 (first vector); +15 with a third-party consultation 3/3→3/7
    // (3/4..3/7 excluded): 2/28=1, 3/3=2, [3/4–3/7], 3/10..3/14=3..7, 3/17..3/21=8..12, 3/24..3/26=13..15.
    name: 'extension of 15 with a consultation inside the extended period',
    input: {
      receivedDate: '2025-01-24',
      consultations: [{ kind: 'third-party', startDate: '2025-03-03', endDate: '2025-03-07' }],
      extension: { workingDays: 15, approver: '张主任', reason: '征求第三方意见', approvedDate: '2025-02-20' },
    },
    expected: { status: 'running', dueDate: '2025-03-26', baseDueDate: '2025-02-27' },
  },
  {
    // Mon 12/15/2025 → 12/16..12/19=1..4, 12/22..12/26=5..9, 12/29..12/31=10..12, [1/1–1/3],
    // 1/4 Sun make-up=13, 1/5..1/9=14..18, 1/12=19, 1/13=20 (base). +20: 1/14..1/16=1..3,
    // 1/19..1/23=4..8, 1/26..1/30=9..13, 2/2..2/6=14..18, 2/9=19, 2/10=20.
    name: 'extension of 20 across 元旦 2026',
    input: {
      receivedDate: '2025-12-15',
      extension: { workingDays: 20, approver: '王主任', reason: '信息量大', approvedDate: '2026-01-09' },
    },
    expected: { status: 'running', dueDate: '2026-02-10', baseDueDate: '2026-01-13' },
  },
  // ---- Everything together ----
  {
    // Fri 9/18/2026, limit 9/29; correction asked 9/21, arrives Wed 9/23. Restart: 9/24=1, [9/25 中秋],
    // 9/28..9/30=2..4, [10/1–10/7], 10/8=5, 10/9=6, 10/10 Sat=7, 10/12=8, [co-producer 10/12→10/16:
    // 10/13–10/16], 10/19..10/23=9..13, 10/26..10/30=14..18, 11/2=19, 11/3=20 (base).
    // +5: 11/4..11/6=1..3, 11/9=4, 11/10=5.
    name: 'correction, co-producer consultation and extension around National Day 2026',
    input: {
      receivedDate: '2026-09-18',
      corrections: [{ requestedDate: '2026-09-21', receivedDate: '2026-09-23' }],
      consultations: [{ kind: 'co-producer', startDate: '2026-10-12', endDate: '2026-10-16' }],
      extension: { workingDays: 5, approver: '赵主任', reason: '共同制作机关意见需核实', approvedDate: '2026-10-30' },
    },
    expected: { status: 'running', dueDate: '2026-11-10', baseDueDate: '2026-11-03', correctionLimit: '2026-09-29' },
  },
];
