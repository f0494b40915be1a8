import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import { Readable } from 'stream';
import { shanghaiDate } from '../../../../../../../domain/dates';
import { loadCalendar } from '../calendar';
import { APPLICATION_UID, IMPORT_JOB_UID } from '../content-types';
import type { Actor } from '../events';
import { emitCreated, type ImportedRow, memoizedDueDate, organizationIds, writeChunk } from './bulk-writer';
import { queueConfirmation, updateJob, withHeartbeat } from './job-runner';
import { cellText, COLUMNS, HEADERS, type ImportRow, mapHeaders, type Rejection, validateRow } from './columns';

/** At most this many rejections are kept (the counts stay exact). */
const MAX_REJECTIONS = 1000;
const PROGRESS_EVERY = 500;
/** Rows written per transaction (and per tracking-number lookup). */
const CHUNK = 500;

export type FileFormat = 'xlsx' | 'csv';

export function formatOf(filename: string, mime?: string): FileFormat | null {
  const lower = (filename || '').toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  if (mime === 'text/csv') return 'csv';
  if (mime === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  return null;
}

/** The downloadable template: the header row, and (XLSX) a second sheet explaining each column. */
export async function templateFile(format: FileFormat): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(`\uFEFF${HEADERS.join(',')}\r\n`, 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申请');
  sheet.addRow(HEADERS);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 18));
  const help = workbook.addWorksheet('填写说明');
  help.addRow(['列名', '字段', '必填', '说明']);
  for (const c of COLUMNS) help.addRow([c.header, c.field, c.required ? '是' : '', c.hint]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows of the first worksheet as arrays of strings (header first). */
export async function readRows(file: Buffer, format: FileFormat): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  if (format === 'csv') {
    // Keep every value a string: the default mapping turns phone numbers into numbers and dates into local-time Dates.
    sheet = await workbook.csv.read(Readable.from([file]), { map: (v: any) => v } as any);
  } else {
    await workbook.xlsx.load(file as any);
    sheet = workbook.worksheets[0];
  }
  const rows: string[][] = [];
  if (!sheet) return rows;
  const width = Math.max(sheet.columnCount, HEADERS.length);
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let i = 1; i <= width; i++) cells.push(cellText(row.getCell(i).value));
    rows[number - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return rows;
}

/** Validates every row; writes nothing but the job (state 'validated' with the valid rows and the rejections). */
export async function validateFile(strapi: Core.Strapi, jobId: number, file: Buffer, format: FileFormat, allowedOrganizations: string[] | null = null) {
  try {
    const rows = await readRows(file, format);
    const [header = [], ...data] = rows;
    const { index, problems: headerProblems } = mapHeaders(header);
    const rejected: Rejection[] = [...headerProblems];
    const valid: ImportRow[] = [];
    let rejectedRows = 0;
    const lines = data.map((cells, i) => ({ cells, line: i + 2 })).filter(({ cells }) => cells.some((c) => c !== ''));
    await updateJob(strapi, jobId, { totalRows: lines.length, processedRows: 0 });
    if (headerProblems.some((p) => p.reason.startsWith('缺少'))) {
      await updateJob(strapi, jobId, { state: 'validated', rejected, rows: [], validRows: 0, processedRows: lines.length });
      return;
    }
    // A scoped officer imports only for their own organizations; other codes are refused like unknown ones.
    const orgRows: any[] = await strapi.db.query('api::organization.organization').findMany({ select: ['code', 'documentId'] });
    const codes = new Set(orgRows.filter((o) => !allowedOrganizations || allowedOrganizations.includes(o.documentId)).map((o) => o.code));
    const calendar = await loadCalendar(strapi);
    const today = shanghaiDate();
    const seen = new Map<string, number>();
    for (const [n, { cells, line }] of lines.entries()) {
      const { row, problems } = validateRow(cells, line, index, (code) => codes.has(code), calendar, today);
      if (row && seen.has(row.trackingNumber)) {
        problems.push({ line, column: '申请编号', reason: `申请编号与第 ${seen.get(row.trackingNumber)} 行重复 / duplicate tracking number` });
      }
      if (problems.length || !row) {
        rejectedRows += 1;
        for (const p of problems) if (rejected.length < MAX_REJECTIONS) rejected.push(p);
      } else {
        seen.set(row.trackingNumber, line);
        valid.push({ ...row, line } as any);
      }
      if ((n + 1) % PROGRESS_EVERY === 0) {
        await updateJob(strapi, jobId, { processedRows: n + 1 });
        await new Promise((r) => setImmediate(r));
      }
    }
    // Rows whose tracking number is already stored will be skipped on confirmation (re-import changes nothing).
    const existing = new Set<string>();
    const numbers = valid.map((r) => r.trackingNumber);
    for (let i = 0; i < numbers.length; i += 500) {
      const found: any[] = await strapi.db
        .query(APPLICATION_UID)
        .findMany({ where: { trackingNumber: { $in: numbers.slice(i, i + 500) } }, select: ['trackingNumber'] });
      found.forEach((f) => existing.add(f.trackingNumber));
    }
    await updateJob(strapi, jobId, {
      state: 'validated',
      processedRows: lines.length,
      validRows: valid.length,
      skipped: valid.filter((r) => existing.has(r.trackingNumber)).length,
      rejectedRows,
      rejected,
      rows: valid,
    } as any);
  } catch (e: any) {
    strapi.log.warn(`disclosure import ${jobId}: validation failed: ${e?.name ?? 'Error'}`);
    await updateJob(strapi, jobId, { state: 'failed', failure: '无法读取文件 / the file could not be read' });
  }
}

/**
 * Writes the valid rows of a job that is 'importing', from `processedRows` on (0 after a confirmation, further
 * on when a job interrupted by a restart is resumed). Each chunk is one transaction that also stores the
 * progress, so the counts always match what is committed; tracking numbers already stored are skipped.
 */
export async function runImport(strapi: Core.Strapi, jobId: number, actor: Actor) {
  const job: any = await strapi.db.query(IMPORT_JOB_UID as any).findOne({ where: { id: jobId } });
  if (!job || job.state !== 'importing') return;
  const rows: ImportedRow[] = job.rows ?? [];
  let processed = Math.min(job.processedRows ?? 0, rows.length);
  let created = job.created ?? 0;
  let skipped = job.skipped ?? 0;
  try {
    const organizations = await organizationIds(strapi);
    const dueDateOf = memoizedDueDate();
    while (processed < rows.length) {
      const chunk = rows.slice(processed, processed + CHUNK);
      const result = await strapi.db.transaction(async ({ trx }) => {
        // Calendar and "today" as the middleware would read them for each write.
        const calendar = await loadCalendar(strapi);
        const r = await writeChunk(strapi, trx, chunk, { organizations, calendar, today: shanghaiDate(), actor, dueDateOf });
        await updateJob(strapi, jobId, {
          processedRows: processed + chunk.length,
          created: created + r.createdIds.length,
          skipped: skipped + r.skipped,
          heartbeatAt: new Date(),
        });
        return r;
      });
      processed += chunk.length;
      created += result.createdIds.length;
      skipped += result.skipped;
      await emitCreated(strapi, result.createdIds);
      // Let the status requests in between.
      await new Promise((r) => setImmediate(r));
    }
    await updateJob(strapi, jobId, { state: 'done', processedRows: rows.length, created, skipped, rows: null });
  } catch (e: any) {
    // The message may name a field and a line, never a value; applicant data stays out of logs.
    strapi.log.warn(`disclosure import ${jobId}: stopped after ${created} created: ${e?.name ?? 'Error'}`);
    await updateJob(strapi, jobId, { state: 'failed', failure: `导入中断（已导入 ${created} 行）：${e?.message ?? ''}`.slice(0, 2000) });
  }
}

/** Starts (or resumes) writing a job in the background, with its heartbeat, one job at a time. */
export function startImport(strapi: Core.Strapi, jobId: number, actor: Actor): Promise<void> {
  return queueConfirmation(() => withHeartbeat(strapi, jobId, () => runImport(strapi, jobId, actor)));
}

/** Starts validating an uploaded file in the background, with its heartbeat. */
export function startValidation(strapi: Core.Strapi, jobId: number, file: Buffer, format: FileFormat, allowed: string[] | null): Promise<void> {
  return withHeartbeat(strapi, jobId, () => validateFile(strapi, jobId, file, format, allowed));
}

export function publicJob(job: any) {
  return {
    id: job.id,
    filename: job.filename,
    state: job.state,
    totalRows: job.totalRows ?? 0,
    processedRows: job.processedRows ?? 0,
    validRows: job.validRows ?? 0,
    rejectedRows: job.rejectedRows ?? 0,
    alreadyImported: job.state === 'validated' ? job.skipped ?? 0 : undefined,
    created: job.created ?? 0,
    skipped: job.skipped ?? 0,
    rejected: job.rejected ?? [],
    failure: job.failure ?? null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
