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
