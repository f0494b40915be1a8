import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { hitBucket } from '../storage/feedback-tables';

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
  }
}

export interface Limit {
  hits: number;
  windowMs: number;
}

/**
 * Counts one request of a client (its address, hashed with the app key) against a limit kept in the
 * database, inside the caller's transaction; over it, a RateLimitedError. `configKey` (plugin config), when
 * given, overrides the defaults.
 */
export async function countRequest(strapi: Core.Strapi, trx: any, name: string, client: string, defaults: Limit, configKey?: string) {
  const keys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
  const bucket =
    `${name}:` +
    createHash('sha256')
      .update(`${keys[0] ?? ''}|${client}`)
      .digest('hex')
      .slice(0, 40);
  const limit = { ...defaults, ...((configKey && (strapi.config.get(`plugin::disclosure.${configKey}`) as Partial<Limit> | undefined)) || {}) };
  const hits = await hitBucket(trx, bucket, limit.windowMs);
  if (hits > limit.hits) throw new RateLimitedError(Math.ceil(limit.windowMs / 1000));
}

/** Answers a request a limit refused: 429 with Retry-After and a message in Chinese and English. */
export function answerTooMany(ctx: any, error: RateLimitedError) {
  ctx.set('Retry-After', String(error.retryAfterSeconds));
  ctx.status = 429;
  ctx.body = {
    data: null,
    error: { status: 429, name: 'RateLimitError', message: '操作过于频繁，请稍后再试。 Too many requests from this client: try again later.' },
  };
}
