/**
 * Import jobs left running by a process that is gone (restart, crash): at bootstrap and then every
 * STALE_MS, a job 'validating' or 'importing' whose heartbeat stopped is taken over. Validation cannot be
 * resumed (the uploaded file was a temporary file), so it fails with a message saying to upload again; a
 * write is resumed where its last committed chunk ended (idempotent by tracking number anyway).
 * A job is claimed by a conditional update on its `runner`, so two instances never resume the same one.
 */
import type { Core } from '@strapi/strapi';
import { IMPORT_JOB_UID } from '../content-types';
import { actorOf, type Actor } from '../events';
import { hasRows } from './chunks';
import { INSTANCE, isActive, STALE_MS } from './job-runner';
import { startImport } from './service';

export const INTERRUPTED_VALIDATION = '校验因服务重启而中断，请重新上传文件 / validation was interrupted by a server restart: upload the file again';
export const INTERRUPTED_IMPORT =
  '导入因服务重启而中断，且无法继续（待导入数据缺失），请重新上传文件 / the import was interrupted by a server restart and cannot be resumed: upload the file again';

async function actorOfUser(strapi: Core.Strapi, userId: number | null): Promise<Actor> {
  if (!userId) return { id: null, name: null };
  const user: any = await strapi.db.query('admin::user').findOne({ where: { id: userId }, select: ['id', 'firstname', 'lastname', 'username', 'email'] });
  return user ? actorOf(user) : { id: userId, name: null };
}

/** Takes over the interrupted jobs; returns the ids of the jobs failed and resumed. */
export async function recoverInterruptedJobs(strapi: Core.Strapi): Promise<{ failed: number[]; resumed: number[] }> {
  const staleBefore = new Date(Date.now() - STALE_MS);
  const jobs: any[] = await strapi.db.query(IMPORT_JOB_UID as any).findMany({
    where: {
      state: { $in: ['validating', 'importing'] },
      $or: [{ heartbeatAt: { $null: true } }, { heartbeatAt: { $lt: staleBefore } }],
    },
    select: ['id', 'state', 'runner', 'userId', 'processedRows'],
  });
  const failed: number[] = [];
  const resumed: number[] = [];
  for (const job of jobs) {
    if (isActive(job.id)) continue;
    const resumable = job.state === 'importing' && (await hasRows(strapi, job.id));
    const data: Record<string, unknown> = { runner: INSTANCE, heartbeatAt: new Date() };
    if (!resumable) Object.assign(data, { state: 'failed', failure: job.state === 'validating' ? INTERRUPTED_VALIDATION : INTERRUPTED_IMPORT });
    const { count } = await strapi.db.query(IMPORT_JOB_UID as any).updateMany({
      where: { id: job.id, state: job.state, runner: job.runner ?? null },
      data,
    });
    if (count !== 1) continue; // another instance took it first
    if (!resumable) {
      failed.push(job.id);
      continue;
    }
    strapi.log.warn(`disclosure import ${job.id}: resuming after an interruption at row ${job.processedRows ?? 0}`);
    resumed.push(job.id);
    void startImport(strapi, job.id, await actorOfUser(strapi, job.userId));
  }
  if (failed.length) strapi.log.warn(`disclosure import: ${failed.length} interrupted job(s) marked failed`);
  return { failed, resumed };
}

let sweep: NodeJS.Timeout | null = null;

/** At bootstrap: recover now, then keep watching for jobs of instances that stop (multi-instance deployments). */
export async function startRecovery(strapi: Core.Strapi) {
  await recoverInterruptedJobs(strapi);
  sweep = setInterval(() => void recoverInterruptedJobs(strapi).catch((e) => strapi.log.warn(`disclosure import recovery: ${e?.message}`)), STALE_MS);
  sweep.unref();
}

export function stopRecovery() {
  if (sweep) clearInterval(sweep);
  sweep = null;
}
