import type { Core } from '@strapi/strapi';
import { sourceLocale } from '../stats/service';
import { SEARCHED, type Kind } from '../search/service';
import { addVote, countVotes, ensureFeedbackTables, hasVoted } from '../storage/feedback-tables';
import { countRequest } from './rate-limit';

/** Votes one client may add per window (plugin config `helpfulVoteLimit`). */
export const VOTE_LIMIT = { hits: 30, windowMs: 10 * 60_000 };

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
    return strapi.db.transaction(async ({ trx }) => {
      await countRequest(strapi, trx, 'helpful', client, VOTE_LIMIT, 'helpfulVoteLimit');
      const counted = await addVote(trx, kind, documentId, voter);
      return { counted, count: await countVotes(trx, kind, documentId) };
    });
  },
});

export type FeedbackService = ReturnType<typeof feedbackService>;
export default feedbackService;
