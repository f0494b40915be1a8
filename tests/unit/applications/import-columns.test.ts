import { createWorkingDayCalendar } from '../../../src/plugins/disclosure/server/src/core/working-days';
import {
  cellText,
  COLUMNS,
  HEADERS,
  mapHeaders,
  normaliseDate,
  validateRow,
} from '../../../src/plugins/disclosure/server/src/modules/applications/import/columns';
import { dueDateInputOf, parseConsultations, StoredDataError } from '../../../src/plugins/disclosure/server/src/modules/applications/due-date-input';

const calendar = createWorkingDayCalendar();
const { index } = mapHeaders(HEADERS);
const cells = (values: Record<string, string>) => HEADERS.map((h) => values[h] ?? '');
const valid = {
  申请编号: 'A-1',
  机关代码: '430381106',
  申请人类型: '自然人',
  申请方式: '网上申请',
  收到申请日期: '2025-09-26',
  办理状态: '已答复',
  办理结果: 'granted',
  答复日期: '2025-10-20',
  申请人姓名或名称: '张某',
};
const check = (values: Record<string, string>) => validateRow(cells(values), 7, index, (c) => c === '430381106', calendar, '2025-11-28');

describe('import columns', () => {
  it('has Chinese headers, one per field', () => {
    expect(new Set(HEADERS).size).toBe(COLUMNS.length);
    expect(HEADERS.every((h) => /[\u4e00-\u9fff]/.test(h))).toBe(true);
  });

  it('maps headers, reports unknown, duplicate and missing required columns', () => {
    const { problems } = mapHeaders(['\uFEFF申请编号', '申请编号', '备注']);
    expect(problems.map((p) => p.column)).toEqual(expect.arrayContaining(['申请编号', '备注', '机关代码', '收到申请日期']));
    expect(mapHeaders(['申请编号*', 'organizationCode']).index.get('organizationCode')).toBe(1);
  });

  it('normalises cells and dates', () => {
    expect(cellText(new Date('2025-01-02T00:00:00Z'))).toBe('2025-01-02');
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b ' }] })).toBe('ab');
    expect(cellText({ formula: 'A1', result: 12 })).toBe('12');
    expect(cellText(13800000000)).toBe('13800000000');
    expect(normaliseDate('2025/1/2')).toBe('2025-01-02');
    expect(normaliseDate('2025年1月2日')).toBe('2025-01-02');
    expect(normaliseDate('2025-02-29')).toBeNull();
    expect(normaliseDate('02/01/2025')).toBeNull();
  });

  it('accepts a valid row with labels or codes', () => {
    const { row, problems } = check(valid);
    expect(problems).toEqual([]);
    expect(row).toMatchObject({ trackingNumber: 'A-1', applicantType: 'naturalPerson', channel: 'online', applicationStatus: 'answered', outcome: 'granted' });
    expect(check({ ...valid, 申请人类型: 'commercial', 办理结果: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' }).row).toMatchObject({
      applicantType: 'commercial',
      outcome: 'partlyGranted',
    });
  });

  it('names line, column and reason, and never repeats personal data', () => {
    const bad = check({ ...valid, 申请人姓名或名称: 'x'.repeat(201), 申请方式: '飞鸽', 收到申请日期: '昨天', 机关代码: '1' });
    expect(bad.row).toBeNull();
    expect(bad.problems.map((p) => [p.line, p.column])).toEqual([
      [7, '申请人姓名或名称'],
      [7, '申请方式'],
      [7, '收到申请日期'],
      [7, '机关代码'],
    ]);
    expect(bad.problems[0].reason).not.toContain('xxx');
    expect(bad.problems[1].reason).toContain('飞鸽');
  });

  it('applies the outcome, date and extension rules', () => {
    expect(check({ ...valid, 办理结果: '' }).problems[0].column).toBe('办理结果');
    expect(check({ ...valid, 办理状态: '已收到' }).problems[0].column).toBe('办理结果');
    expect(check({ ...valid, 答复日期: '2025-09-01' }).problems[0].column).toBe('答复日期');
    expect(check({ ...valid, 办理状态: '已延期', 办理结果: '' }).problems[0].column).toBe('延长工作日数');
    expect(check({ ...valid, 延长工作日数: '5', 延期理由: '调档' }).problems[0].column).toBe('延长工作日数');
    expect(check({ ...valid, 延长工作日数: '5', 延期理由: '调档', 延期批准人: '李主任', 延期批准日期: '2025-10-20' }).problems).toEqual([]);
  });
});

describe('stored due-date data', () => {
  it('parses consultations and refuses malformed ones', () => {
    expect(parseConsultations(null)).toEqual([]);
    expect(parseConsultations('[{"kind":"co-producer","startDate":"2025-10-09"}]')).toEqual([{ kind: 'co-producer', startDate: '2025-10-09', endDate: null }]);
    expect(() => parseConsultations({})).toThrow(StoredDataError);
    expect(() => parseConsultations([{ kind: 'x', startDate: '2025-10-09' }])).toThrow(/kind/);
    expect(() => parseConsultations([{ kind: 'third-party', startDate: '2025-13-09' }])).toThrow(/startDate/);
  });

  it('builds the computeDueDate input from an application', () => {
    const input = dueDateInputOf(
      {
        receivedDate: '2025-09-26',
        correctionRequestedDate: '2025-09-30',
        correctionReceivedDate: '2025-10-09',
        consultations: [{ kind: 'third-party', startDate: '2025-11-20' }],
        extensionWorkingDays: 5,
        extensionApprover: ' 李主任 ',
        extensionReason: '调档',
      },
      '2025-11-10',
    );
    expect(input).toMatchObject({
      receivedDate: '2025-09-26',
      corrections: [{ requestedDate: '2025-09-30', receivedDate: '2025-10-09', answerBy: null }],
      extension: { workingDays: 5, approver: '李主任', reason: '调档', approvedDate: '2025-11-10' },
      // an open consultation starting after "today" counts from its start
      today: '2025-11-20',
    });
    expect(dueDateInputOf({ receivedDate: '2025-09-26' }, '2025-11-10')).toMatchObject({ corrections: [], consultations: [], extension: null });
    expect(() => dueDateInputOf({}, '2025-11-10')).toThrow(/receivedDate/);
    expect(() => dueDateInputOf({ receivedDate: '2025-09-26', correctionReceivedDate: '2025-10-01' }, '2025-11-10')).toThrow(/correctionRequestedDate/);
  });
});
