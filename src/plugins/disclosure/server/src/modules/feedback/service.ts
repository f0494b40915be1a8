import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { sourceLocale } from '../stats/service';
import { SEARCHED, type Kind } from '../search/service';
import { addVote, countVotes, ensureFeedbackTables, hasVoted, hitBucket } from '../storage/feedback-tables';

/** Votes one client may add per window (plugin config `helpfulVoteLimit`). */
export const VOTE_LIMIT = { hits: 30, windowMs: 10 * 60_000 };

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
  }
}

const feedbackService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensure() {
    await ensureFeedbackTables(strapi);
  },

  /** The title of the document's published version; null when it has none (only those take votes and comments). */
  async publishedTitle(kind: Kind, documentId: string): Promise<string | null> {
    const row: any = await strapi.db
      .query(SEARCHED[kind] as any)
      .findOne({ where: { documentId, locale: sourceLocale(strapi), publishedAt: { $notNull: true } }, select: ['title'] });
    return row ? String(row.title ?? '') : null;
  },

  async helpful(kind: Kind, documentId: string, voter?: string) {
    return strapi.db.transaction(async ({ trx }) => ({
      count: await countVotes(trx, kind, documentId),
      voted: voter ? await hasVoted(trx, kind, documentId, voter) : false,
    }));
  },

  /**
   * One vote per voter token and page; a client (hashed address) may add VOTE_LIMIT.hits votes per window,
   * across every instance sharing the database.
   */
  async vote(kind: Kind, documentId: string, voter: string, client: string) {
    const keys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
    const bucket =
      'helpful:' +
      createHash('sha256')
        .update(`${keys[0] ?? ''}|${client}`)
        .digest('hex')
        .slice(0, 40);
    const limit = { ...VOTE_LIMIT, ...((strapi.config.get('plugin::disclosure.helpfulVoteLimit') as Partial<typeof VOTE_LIMIT> | undefined) ?? {}) };
    return strapi.db.transaction(async ({ trx }) => {
      const hits = await hitBucket(trx, bucket, limit.windowMs);
      if (hits > limit.hits) throw new RateLimitedError(Math.ceil(limit.windowMs / 1000));
      const counted = await addVote(trx, kind, documentId, voter);
      return { counted, count: await countVotes(trx, kind, documentId) };
    });
  },
});

export type FeedbackService = ReturnType<typeof feedbackService>;
export default feedbackService;
