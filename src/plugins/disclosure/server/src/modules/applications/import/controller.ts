import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { IMPORT_JOB_UID } from '../content-types';
import { currentActor } from '../events';
import { isSuperAdmin, visibleOrganizations } from '../scope';
import { recordAccess } from '../../access/access-log';
import { INSTANCE } from './job-runner';
import { formatOf, publicJob, startImport, startValidation, templateFile } from './service';

/** Largest spreadsheet accepted (50,000 ordinary rows are about 8 MB of CSV). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

const importController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /import/template?format=xlsx|csv */
  async template(ctx: any) {
    const format = ctx.query?.format === 'csv' ? 'csv' : 'xlsx';
    ctx.set(
      'Content-Disposition',
      `attachment; filename="applications-template.${format}"; filename*=UTF-8''${encodeURIComponent(`依申请公开导入模板.${format}`)}`,
    );
    ctx.type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = await templateFile(format);
  },

  /** POST /import (multipart, field "file"): validates in the background; poll GET /import/:id. Writes no application. */
  async upload(ctx: any) {
    const files = ctx.request.files ?? {};
    const file: any = Array.isArray(files.file) ? files.file[0] : files.file;
    if (!file) throw new errors.ValidationError('send the spreadsheet as the multipart field "file"');
    const filename = file.originalFilename ?? file.name ?? '';
    const format = formatOf(filename, file.mimetype ?? file.type);
    if (!format) throw new errors.ValidationError('只能导入 .xlsx 或 .csv 文件 / only .xlsx and .csv files can be imported');
    if (Number(file.size) > MAX_IMPORT_BYTES) {
      throw new errors.PayloadTooLargeError(
        `文件超过 ${MAX_IMPORT_BYTES >> 20} MB，请分批导入 / the file is over ${MAX_IMPORT_BYTES >> 20} MB: import it in parts`,
      );
    }
    const job: any = await strapi.db.query(IMPORT_JOB_UID as any).create({
      data: { filename: filename.slice(0, 255), state: 'validating', userId: ctx.state.user?.id ?? null, runner: INSTANCE, heartbeatAt: new Date() },
    });
    // Read now: the upload's temporary file is deleted when this request ends (config/middlewares.ts).
    const content = await fs.promises.readFile(file.filepath ?? file.path);
    const allowed = await visibleOrganizations(strapi, ctx.state.user);
    setImmediate(() => void startValidation(strapi, job.id, content, format, allowed));
    ctx.status = 202;
    ctx.body = { data: publicJob(job) };
  },

  async status(ctx: any) {
    const job = await findJob(strapi, ctx);
    await recordAccess(strapi, IMPORT_JOB_UID, [`import-${job.id}`]);
    ctx.body = { data: publicJob(job) };
  },

  /** POST /import/:id/confirm: writes the valid rows in the background (skipping tracking numbers already stored). */
  async confirm(ctx: any) {
    const job = await findJob(strapi, ctx);
    // Claimed atomically: of two simultaneous confirmations, one starts the import and the other is refused.
    const { count } = await strapi.db.query(IMPORT_JOB_UID as any).updateMany({
      where: { id: job.id, state: 'validated' },
      data: { state: 'importing', processedRows: 0, created: 0, skipped: 0, runner: INSTANCE, heartbeatAt: new Date(), updatedAt: new Date() },
    });
    if (count !== 1)
      throw new errors.ValidationError(`the import is "${job.state === 'validated' ? 'importing' : job.state}"; only a validated import can be confirmed`);
    const actor = currentActor(strapi);
    setImmediate(() => void startImport(strapi, job.id, actor));
    ctx.status = 202;
    ctx.body = { data: publicJob({ ...job, state: 'importing', processedRows: 0, created: 0, skipped: 0 }) };
  },
});

const JOB_FIELDS = [
  'id',
  'filename',
  'state',
  'totalRows',
  'processedRows',
  'validRows',
  'rejectedRows',
  'created',
  'skipped',
  'rejected',
  'failure',
  'userId',
  'createdAt',
  'updatedAt',
];

async function findJob(strapi: Core.Strapi, ctx: any) {
  const id = Number(ctx.params.id);
  // Everything but `rows` (all the rows of the file): the status is polled while the import runs.
  const job: any =
    Number.isSafeInteger(id) && id > 0 && id <= 2147483647 ? await strapi.db.query(IMPORT_JOB_UID as any).findOne({ where: { id }, select: JOB_FIELDS }) : null;
  const user = ctx.state.user;
  if (!job || (!isSuperAdmin(user) && job.userId !== user?.id)) throw new errors.NotFoundError('import not found');
  return job;
}

export default importController;
