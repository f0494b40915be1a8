import ExcelJS from 'exceljs';
import request from 'supertest';
import { adminToken, startStrapi, TestApp } from '../harness/strapi';
import { HEADERS } from '../../src/plugins/disclosure/server/src/modules/applications/import/columns';

const UID = 'api::disclosure-application.disclosure-application';
let app: TestApp;
let token: string;

const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);

const row = (n: number, extra: Record<string, string> = {}) => {
  const base: Record<string, string> = {
    申请编号: `OLD-2024-${String(n).padStart(5, '0')}`,
    机关代码: '430381196',
    申请人类型: '自然人',
    申请人姓名或名称: `导入申请人${n}`,
    联系方式: '13700000000',
    申请方式: '网上申请',
    收到申请日期: '2024-03-04',
    申请内容: '申请公开某文件',
    办理状态: '已答复',
    办理结果: '（一）予以公开',
    答复日期: '2024-03-20',
    ...extra,
  };
  return HEADERS.map((h) => base[h] ?? '');
};

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('申请');
  sheet.addRow(HEADERS);
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: string[][]): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`\uFEFF${[HEADERS, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function waitFor(id: number, states: string[], onPoll?: (job: any) => void, timeoutMs = 60_000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const res = await auth(request(app.server).get(`/disclosure/import/${id}`));
    expect(res.status).toBe(200);
    onPoll?.(res.body.data);
    if (states.includes(res.body.data.state)) return res.body.data;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

async function upload(content: Buffer, filename: string) {
  const res = await auth(request(app.server).post('/disclosure/import')).attach('file', content, filename);
  expect(res.status).toBe(202);
  return waitFor(res.body.data.id, ['validated', 'failed']);
}

async function confirm(id: number) {
  const res = await auth(request(app.server).post(`/disclosure/import/${id}/confirm`));
  expect(res.status).toBe(202);
  return waitFor(id, ['done', 'failed']);
}

beforeAll(async () => {
  app = await startStrapi();
  token = await adminToken(app);
  await app.strapi.documents('api::organization.organization').create({
    locale: 'zh-Hans',
    data: { name: '导入镇人民政府', code: '430381196', level: 'township' } as any,
  });
});
afterAll(async () => {
  await app?.stop();
});

describe('import', () => {
  it('offers a template with the Chinese headers, as XLSX and CSV', async () => {
    const x = await auth(request(app.server).get('/disclosure/import/template'))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body);
    const headers = (wb.worksheets[0].getRow(1).values as any[]).slice(1);
    expect(headers.map((h: string) => h.replace(/\*$/, ''))).toEqual(HEADERS);
    expect(headers).toContain('办理结果');
    expect(headers).toContain('收到申请日期*');
    // 办理结果 offers the 21 outcomes of the 2021 format as a drop-down, each with its code
    const outcomeColumn = headers.indexOf('办理结果') + 1;
    const validation = (wb.worksheets[0].getCell(2, outcomeColumn) as any).dataValidation;
    expect(validation.type).toBe('list');
    const values = wb.getWorksheet('可选值')!;
    const outcomeList = values
      .getColumn(
        1 +
          values
            .getRow(1)
            .values.slice(1)
            .indexOf('办理结果' as any),
      )
      .values.slice(2) as string[];
    expect(outcomeList).toHaveLength(21);
    expect(outcomeList).toContain('（一）予以公开 [granted]');
    expect(outcomeList.every((v) => /\[[a-zA-Z.]+\]$/.test(v))).toBe(true);
    expect(validation.formulae[0]).toContain('可选值');
    // the instructions say which columns each status needs
    const help = wb.getWorksheet('填写说明')!;
    const texts: string[] = [];
    help.eachRow((r) => texts.push((r.values as any[]).filter(Boolean).join(' ')));
    expect(texts.some((t) => t.startsWith('已终止') && t.includes('答复日期') && t.includes('办理结果'))).toBe(true);
    expect(texts.some((t) => t.startsWith('已延期') && t.includes('延期批准日期'))).toBe(true);
    const c = await auth(request(app.server).get('/disclosure/import/template').query({ format: 'csv' }));
    expect(c.status).toBe(200);
    expect(c.text.replace(/^\uFEFF/, '').trim()).toBe(HEADERS.join(','));
  });

  it('validates every row, writes nothing until confirmed, then imports the valid rows; re-import changes nothing', async () => {
    const file = await xlsx([
      row(1),
      row(2, { 申请人类型: '外星人' }),
      row(3, { 收到申请日期: '2024-02-30' }),
      row(4, { 机关代码: '999' }),
      row(5, { 办理结果: '' }),
      row(6, { 办理状态: '已收到', 办理结果: '', 答复日期: '' }),
      row(7, { 办理状态: '已延期', 办理结果: '', 答复日期: '', 延长工作日数: '10', 延期理由: '需要调档' }),
      row(1),
      row(9, { 答复日期: '2024-03-01' }),
    ]);
    const before = await app.strapi.db.query(UID).count();
    const job = await upload(file, 'applications.xlsx');
    expect(job).toMatchObject({ state: 'validated', totalRows: 9, validRows: 2, rejectedRows: 7 });
    const byLine = (line: number) => job.rejected.filter((r: any) => r.line === line).map((r: any) => r.column);
    expect(byLine(3)).toEqual(['申请人类型']);
    expect(byLine(4)).toEqual(['收到申请日期']);
    expect(byLine(5)).toEqual(['机关代码']);
    expect(byLine(6)).toEqual(['办理结果']);
    expect(byLine(8)).toEqual(['延长工作日数']);
    expect(byLine(9)).toEqual(['申请编号']);
    expect(byLine(10)).toEqual(['答复日期']);
    expect(job.rejected.every((r: any) => r.reason)).toBe(true);
    // a value not accepted is answered with the accepted ones
    const alien = job.rejected.find((r: any) => r.line === 3).reason;
    expect(alien).toContain('可用的值：自然人（naturalPerson）、商业企业（commercial）');
    expect(alien).toContain('accepted: naturalPerson, commercial');
    expect(JSON.stringify(job)).not.toContain('导入申请人');
    expect(await app.strapi.db.query(UID).count()).toBe(before);

    const done = await confirm(job.id);
    expect(done).toMatchObject({ state: 'done', created: 2, skipped: 0 });
    expect(await app.strapi.db.query(UID).count()).toBe(before + 2);
    const stored = await app.strapi.db.query(UID).findOne({ where: { trackingNumber: 'OLD-2024-00001' }, populate: { organization: true } });
    expect(stored).toMatchObject({
      applicationStatus: 'answered',
      outcome: 'granted',
      receivedDate: '2024-03-04',
      applicantName: '导入申请人1',
      channel: 'online',
    });
    expect(stored.organization.code).toBe('430381196');
    expect(stored.dueDate).toBe('2024-04-01');
    const events = await auth(request(app.server).get(`/disclosure/applications/${stored.documentId}/events`));
    expect(events.body.data).toEqual([expect.objectContaining({ action: 'imported', toStatus: 'answered', actorName: 'Test Admin' })]);

    const again = await upload(file, 'applications.xlsx');
    expect(again).toMatchObject({ validRows: 2, alreadyImported: 2 });
    expect(await confirm(again.id)).toMatchObject({ state: 'done', created: 0, skipped: 2 });
    expect(await app.strapi.db.query(UID).count()).toBe(before + 2);
  });

  it('imports CSV the same way, and refuses a second confirmation', async () => {
    const job = await upload(
      csv([row(101, { 联系方式: '13700000001', 申请内容: '含逗号, 和 "引号" 的内容' }), row(102, { 收到申请日期: '2024/3/5' })]),
      'old.csv',
    );
    expect(job).toMatchObject({ state: 'validated', validRows: 2, rejectedRows: 0 });
    expect(await confirm(job.id)).toMatchObject({ state: 'done', created: 2 });
    const stored = await app.strapi.db.query(UID).findOne({ where: { trackingNumber: 'OLD-2024-00101' } });
    expect(stored).toMatchObject({ applicantContact: '13700000001', requestedContent: '含逗号, 和 "引号" 的内容' });
    expect((await app.strapi.db.query(UID).findOne({ where: { trackingNumber: 'OLD-2024-00102' } })).receivedDate).toBe('2024-03-05');
    expect((await auth(request(app.server).post(`/disclosure/import/${job.id}/confirm`))).status).toBe(400);
  });

  it('carries the 信息处理费: basis, amount checked against the fee rules, paid date', async () => {
    const fee = { 收费方式: '按页计收', 页数: '40', 缴费日期: '2024-03-15' };
    const job = await upload(
      csv([
        row(201, fee),
        row(202, { ...fee, '信息处理费（元）': '90' }),
        row(203, { ...fee, 办理结果: 'other.feeUnpaid', 办理状态: '已终止' }),
        row(204, { 收费方式: '按页计收 [per-page]', 页数: '35' }),
      ]),
      'fees.csv',
    );
    const byLine = (line: number) => job.rejected.filter((r: any) => r.line === line);
    expect(byLine(3)[0]).toMatchObject({ column: '信息处理费（元）' });
    expect(byLine(4)[0]).toMatchObject({ column: '缴费日期' });
    expect(job).toMatchObject({ validRows: 2, rejectedRows: 2 });
    await confirm(job.id);
    const paid = await app.strapi.db.query(UID).findOne({ where: { trackingNumber: 'OLD-2024-00201' } });
    expect(paid).toMatchObject({ feeMethod: 'per-page', feePages: 40, feePaidDate: '2024-03-15' });
    expect(Number(paid.feeYuan)).toBe(100);
    const unpaid = await app.strapi.db.query(UID).findOne({ where: { trackingNumber: 'OLD-2024-00204' } });
    expect(Number(unpaid.feeYuan)).toBe(50);
    expect(unpaid.feePaidDate).toBeNull();
  });

  it('reports missing columns and refuses other file types', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['申请编号', '随便一列']);
    const job = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'bad.xlsx');
    expect(job.rejected).toEqual(
      expect.arrayContaining([expect.objectContaining({ line: 1, column: '随便一列' }), expect.objectContaining({ line: 1, column: '机关代码' })]),
    );
    expect(job.validRows).toBe(0);
    const res = await auth(request(app.server).post('/disclosure/import')).attach('file', Buffer.from('x'), 'a.txt');
    expect(res.status).toBe(400);
  });

  it('validates a 50,000-row file in the background, with progress', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => row(100_000 + i, i % 1000 === 7 ? { 申请方式: '飞鸽传书' } : {}));
    const res = await auth(request(app.server).post('/disclosure/import')).attach('file', csv(rows), 'big.csv');
    expect(res.status).toBe(202);
    const seen: number[] = [];
    const job = await waitFor(res.body.data.id, ['validated', 'failed'], (j) => seen.push(j.processedRows), 500_000);
    expect(job).toMatchObject({ state: 'validated', totalRows: 50_000, validRows: 49_950, rejectedRows: 50 });
    expect(seen.some((n) => n > 0 && n < 50_000)).toBe(true);
  }, 600_000);
});
