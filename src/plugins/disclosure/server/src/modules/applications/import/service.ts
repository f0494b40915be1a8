import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse as parseCsv } from '@fast-csv/parse';
import { Readable } from 'stream';
import { shanghaiDate } from '../../../core/working-days/calendar-date';
import { loadCalendar } from '../calendar';
import { APPLICATION_UID, IMPORT_JOB_UID } from '../content-types';
import type { Actor } from '../events';
import { emitCreated, type ImportedRow, memoizedDueDate, organizationIds, writeChunk } from './bulk-writer';
import { chunkWriter, dropRows, readRows } from './chunks';
import { queueConfirmation, updateJob, withHeartbeat } from './job-runner';
import { cellText, choiceText, COLUMNS, HEADERS, type ImportRow, mapHeaders, type Rejection, STATUS_REQUIREMENTS, validateRow } from './columns';

/** At most this many rejections are kept (the counts stay exact). */
const MAX_REJECTIONS = 1000;
const PROGRESS_EVERY = 500;

export type FileFormat = 'xlsx' | 'csv';

export function formatOf(filename: string, mime?: string): FileFormat | null {
  const lower = (filename || '').toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  if (mime === 'text/csv') return 'csv';
  if (mime === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  return null;
}

/** Excel column letters of a 0-based index (A … Z, AA …). */
function columnLetter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
}

/** Rows of the template that get the drop-downs (an import holds at most MAX_IMPORT_ROWS rows). */
const TEMPLATE_ROWS = 5000;

/**
 * The downloadable template. XLSX: the header row with a drop-down of every accepted value on each
 * enumeration column (from the 可选值 sheet, label and code), a 填写说明 sheet explaining each column
 * and which columns each status needs. CSV: the header row.
 */
export async function templateFile(format: FileFormat): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(`\uFEFF${HEADERS.join(',')}\r\n`, 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申请', { views: [{ state: 'frozen', ySplit: 1 }] });
  const values = workbook.addWorksheet('可选值');
  const help = workbook.addWorksheet('填写说明');
  sheet.addRow(COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = COLUMNS[i]?.field === 'outcome' ? 40 : 18));

  // One column of 可选值 per enumeration: the header, then "label [code]" per value.
  let valuesColumn = 0;
  COLUMNS.forEach((c, i) => {
    if (!c.choices) return;
    const letter = columnLetter(valuesColumn++);
    values.getCell(`${letter}1`).value = c.header;
    values.getCell(`${letter}1`).font = { bold: true };
    c.choices.forEach((v, k) => (values.getCell(`${letter}${k + 2}`).value = choiceText(v)));
    values.getColumn(letter).width = c.field === 'outcome' ? 48 : 20;
    const target = columnLetter(i);
    (sheet as any).dataValidations.add(`${target}2:${target}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`'可选值'!$${letter}$2:$${letter}$${c.choices.length + 1}`],
      showErrorMessage: true,
      errorTitle: c.header,
      error: `请从下拉列表选择${c.header}`,
    });
  });

  help.addRow(['列名', '字段', '必填', '说明']);
  for (const c of COLUMNS) {
    const accepted = c.choices ? `可用的值：${c.choices.map((v) => `${v.label}（${v.code}）`).join('、')}` : '';
    help.addRow([c.header, c.field, c.required ? '是' : '', [c.hint, accepted].filter(Boolean).join('\n')]);
  }
  help.addRow([]);
  help.addRow(['办理状态', '须填写的列']).font = { bold: true };
  for (const r of STATUS_REQUIREMENTS) help.addRow([r.status, r.needs]);
  help.getColumn(1).width = 18;
  help.getColumn(4).width = 80;
  help.getColumn(2).width = 60;
  help.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Most data rows one file may hold (50,000 ordinary rows are about 8 MB of CSV): import larger years in parts. */
export const MAX_IMPORT_ROWS = 100_000;
/** Most bytes an XLSX file may unpack to: a 16 MB upload can otherwise unpack to gigabytes (a zip bomb). */
export const MAX_XLSX_UNPACKED_BYTES = 128 * 1024 * 1024;

/** A refusal of the whole file, with the message the job shows. */
export class ImportFileError extends Error {}

/** Refuses an XLSX whose entries would unpack beyond MAX_XLSX_UNPACKED_BYTES, from its central directory alone. */
async function checkUnpackedSize(file: Buffer) {
  const zip = await JSZip.loadAsync(file, { checkCRC32: false });
  let total = 0;
  zip.forEach((_path, entry: any) => {
    total += Number(entry._data?.uncompressedSize ?? 0);
  });
  if (total > MAX_XLSX_UNPACKED_BYTES) {
    throw new ImportFileError(
      `文件解压后超过 ${MAX_XLSX_UNPACKED_BYTES >> 20} MB，请分批导入 / the workbook unpacks to over ${MAX_XLSX_UNPACKED_BYTES >> 20} MB: import it in parts`,
    );
  }
}

/**
 * The rows of the first worksheet as arrays of strings (header first), one at a time: a CSV is parsed
 * as a stream, an XLSX (bounded by MAX_XLSX_UNPACKED_BYTES) is loaded and then walked; the caller
 * validates each row as it arrives.
 */
export async function* streamRows(file: Buffer, format: FileFormat): AsyncGenerator<string[]> {
  const width = HEADERS.length;
  if (format === 'csv') {
    // Every value stays a string: phone numbers must not become numbers, nor dates local-time Dates.
    const parser = Readable.from([file]).pipe(parseCsv({ ignoreEmpty: false, strictColumnHandling: false, discardUnmappedColumns: false }));
    for await (const row of parser as AsyncIterable<string[]>) {
      const cells = row.map((v) => cellText(v));
      while (cells.length < width) cells.push('');
      yield cells;
    }
    return;
  }
  await checkUnpackedSize(file);
  // Loaded whole, within the unpacked-size bound: ExcelJS's streaming reader intermittently lost the
  // workbook part when its consumer paused (TypeError reading 'sheets', 1 run in 200 here).
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as any);
  const sheet = workbook.worksheets[0];
  if (!sheet) return;
  const columns = Math.max(width, sheet.columnCount);
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const cells: string[] = [];
    for (let i = 1; i <= columns; i++) cells.push(cellText(row.getCell(i).value));
    yield cells;
  }
}

/** Validates every row; writes nothing but the job (state 'validated' with the valid rows and the rejections). */
export async function validateFile(strapi: Core.Strapi, jobId: number, file: Buffer, format: FileFormat, allowedOrganizations: string[] | null = null) {
  try {
    const rows = streamRows(file, format);
    const first = await rows.next();
    const header = first.done ? [] : first.value;
    const { index, problems: headerProblems } = mapHeaders(header);
    const rejected: Rejection[] = [...headerProblems];
    const stored = chunkWriter<ImportRow>(strapi, jobId);
    let validRows = 0;
    let rejectedRows = 0;
    if (headerProblems.some((p) => p.reason.startsWith('缺少'))) {
      await updateJob(strapi, jobId, { state: 'validated', rejected, validRows: 0, totalRows: 0, processedRows: 0 });
      return;
    }
    // A scoped officer imports only for their own organizations; other codes are refused like unknown ones.
    const orgRows: any[] = await strapi.db.query('api::organization.organization').findMany({ select: ['code', 'documentId'] });
    const codes = new Set(orgRows.filter((o) => !allowedOrganizations || allowedOrganizations.includes(o.documentId)).map((o) => o.code));
    const calendar = await loadCalendar(strapi);
    const today = shanghaiDate();
    const seen = new Map<string, number>();
    let line = 1;
    let counted = 0;
    for await (const cells of rows) {
      line += 1;
      if (!cells.some((c) => c !== '')) continue;
      counted += 1;
      if (counted > MAX_IMPORT_ROWS) throw new ImportFileError(`超过 ${MAX_IMPORT_ROWS} 行，请分批导入 / over ${MAX_IMPORT_ROWS} rows: import it in parts`);
      const { row, problems } = validateRow(cells, line, index, (code) => codes.has(code), calendar, today);
      if (row && seen.has(row.trackingNumber)) {
        problems.push({ line, column: '申请编号', reason: `申请编号与第 ${seen.get(row.trackingNumber)} 行重复 / duplicate tracking number` });
      }
      if (problems.length || !row) {
        rejectedRows += 1;
        for (const p of problems) if (rejected.length < MAX_REJECTIONS) rejected.push(p);
      } else {
        seen.set(row.trackingNumber, line);
        validRows += 1;
        await stored.add({ ...row, line } as any);
      }
      if (counted % PROGRESS_EVERY === 0) {
        await updateJob(strapi, jobId, { processedRows: counted, totalRows: counted });
        // Let other requests in between: validation never holds the event loop for more than a chunk of rows.
        await new Promise((r) => setImmediate(r));
      }
    }
    await stored.flush();
    // Rows whose tracking number is already stored will be skipped on confirmation (re-import changes nothing).
    const numbers = [...seen.keys()];
    let alreadyStored = 0;
    for (let i = 0; i < numbers.length; i += 500) {
      alreadyStored += await strapi.db.query(APPLICATION_UID).count({ where: { trackingNumber: { $in: numbers.slice(i, i + 500) } } });
    }
    await updateJob(strapi, jobId, {
      state: 'validated',
      totalRows: counted,
      processedRows: counted,
      validRows,
      skipped: alreadyStored,
      rejectedRows,
      rejected,
    } as any);
  } catch (e: any) {
    strapi.log.warn(`disclosure import ${jobId}: validation failed: ${e?.name ?? 'Error'}`);
    await dropRows(strapi, jobId);
    await updateJob(strapi, jobId, { state: 'failed', failure: e instanceof ImportFileError ? e.message : '无法读取文件 / the file could not be read' });
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
  const total = job.validRows ?? 0;
  let processed = Math.min(job.processedRows ?? 0, total);
  let created = job.created ?? 0;
  let skipped = job.skipped ?? 0;
  try {
    const organizations = await organizationIds(strapi);
    const dueDateOf = memoizedDueDate();
    // One stored chunk (CHUNK_ROWS rows) per transaction, from where a resumed job left off.
    for await (const chunk of readRows<ImportedRow>(strapi, jobId, processed)) {
      if (!chunk.length) continue;
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
    await updateJob(strapi, jobId, { state: 'done', processedRows: processed, created, skipped });
    await dropRows(strapi, jobId);
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
    alreadyImported: job.state === 'validated' ? (job.skipped ?? 0) : undefined,
    created: job.created ?? 0,
    skipped: job.skipped ?? 0,
    rejected: job.rejected ?? [],
    failure: job.failure ?? null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
