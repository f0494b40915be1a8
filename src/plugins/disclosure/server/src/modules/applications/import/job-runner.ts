/**
 * Background import jobs: who runs them (this process's instance id), a heartbeat while they run, and
 * confirmations written one at a time per process (two imports of overlapping files cannot interleave).
 * A job whose heartbeat stopped was left by a process that is gone: see recovery.ts.
 */
import type { Core } from '@strapi/strapi';
import crypto from 'crypto';
import { IMPORT_JOB_UID } from '../content-types';

/** Identifies this process in `runner`; a job is only ever resumed by a process that claimed it. */
export const INSTANCE = `${process.pid}-${crypto.randomBytes(6).toString('hex')}`;
export const HEARTBEAT_MS = 10_000;
/** A running job whose heartbeat is older than this has no live process behind it. */
export const STALE_MS = 45_000;

const active = new Set<number>();
let confirmations: Promise<unknown> = Promise.resolve();

export function isActive(jobId: number) {
  return active.has(jobId);
}

/** updateMany, not update: update reads the row back, and a job's row holds every row of its file. */
export async function updateJob(strapi: Core.Strapi, id: number, data: Record<string, unknown>) {
  await strapi.db.query(IMPORT_JOB_UID as any).updateMany({ where: { id }, data: { ...data, updatedAt: new Date() } });
}

/** Runs `work` for a job with a heartbeat every HEARTBEAT_MS (the job row's `heartbeatAt`). */
export async function withHeartbeat(strapi: Core.Strapi, jobId: number, work: () => Promise<void>) {
  active.add(jobId);
  const beat = () => updateJob(strapi, jobId, { heartbeatAt: new Date(), runner: INSTANCE }).catch(() => undefined);
  await beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();
  try {
    await work();
  } finally {
    clearInterval(timer);
    active.delete(jobId);
  }
}

/** Queues a confirmation: one writing job at a time in this process. */
export function queueConfirmation(run: () => Promise<void>): Promise<void> {
  const next = confirmations.then(run, run);
  confirmations = next.catch(() => undefined);
  return next;
}
