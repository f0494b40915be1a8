import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { GLOSSARY_UID } from '../content-types';
import { getService } from '../utils';
import { sourceTexts } from './fields';

/** One place of a document's source where the conversion chose a character's form without context. */
export interface ReviewItem {
  field: string;
  /** UTF-16 offset in the field's text (blocks: its paragraphs joined by newlines). */
  index: number;
  source: string;
  before: string;
  after: string;
  /** Forms as the target writes them; the first is the one the conversion wrote. */
  candidates: string[];
  /** Per candidate, a Simplified word that reads it so ('' when none is known). */
  examples: string[];
}

const CONTEXT = 12;
const HAN = /\p{Script=Han}/u;

/** The override's term: the character with its Han neighbours (one each side), so it matches this place's wording only. */
function termAround(text: string, index: number, length: number): { start: number; end: number } {
  const start = index > 0 && HAN.test(text[index - 1]) ? index - 1 : index;
  const end = index + length < text.length && HAN.test(text[index + length]) ? index + length + 1 : index + length;
  return { start, end };
}

/**
 * Ambiguity review: lists where a document's conversion chose among several Traditional forms of
 * a character with no word to decide it, and turns an editor's choice into a document-level
 * glossary term (so the next conversion writes it, and the place is no longer listed).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversion = () => getService(strapi, 'conversion');

  async function source(uid: string, documentId: string) {
    const { sourceLocale } = conversion().config();
    return strapi.documents(uid as any).findOne({ documentId, locale: sourceLocale, status: 'draft' } as any);
  }

  return {
    async list(uid: string, documentId: string, locale: string): Promise<{ count: number; items: ReviewItem[] } | null> {
      const entry = await source(uid, documentId);
      if (!entry) return null;
      const converter = await conversion().converter(conversion().config().sourceLocale, locale, { uid, documentId });
      const items: ReviewItem[] = [];
      for (const [field, text] of Object.entries(sourceTexts(strapi, uid, entry))) {
        for (const a of converter.ambiguities(text)) {
          items.push({
            field,
            index: a.index,
            source: a.source,
            before: text.slice(Math.max(0, a.index - CONTEXT), a.index),
            after: text.slice(a.index + a.length, a.index + a.length + CONTEXT),
            candidates: a.candidates,
            examples: a.examples,
          });
        }
      }
      return { count: items.length, items };
    },

    /**
     * Confirms or overrides one listed place: `choice` must be one of its candidates. Adds the
     * document-level term and brings generated targets in step (a hand-edited one is left alone).
     */
    async resolve(uid: string, documentId: string, locale: string, pick: { field: string; index: number; choice: string }) {
      const entry = await source(uid, documentId);
      if (!entry) throw new errors.NotFoundError('没有该文档的简体版本。 No source version of this document.');
      const text = sourceTexts(strapi, uid, entry)[pick.field];
      const converter = await conversion().converter(conversion().config().sourceLocale, locale, { uid, documentId });
      const found = typeof text === 'string' ? converter.ambiguities(text).find((a) => a.index === pick.index) : undefined;
      if (!found) {
        throw new errors.ApplicationError(
          '该处已没有待确认的歧义（原文可能已修改），请刷新。 Nothing to review at this place any more (the source may have changed); reload.',
        );
      }
      if (!found.candidates.includes(pick.choice)) {
        throw new errors.ValidationError(
          `“${pick.choice}”不是“${found.source}”的可选写法：${found.candidates.join('、')}。 Choose one of ${found.candidates.join(', ')}.`,
        );
      }
      const { start, end } = termAround(text as string, found.index, found.length);
      const term = (text as string).slice(start, end);
      // The neighbours as this document converts them, the character as chosen.
      const written = converter.convertText(term);
      const at = found.index - start;
      const replacement = written.slice(0, at) + pick.choice + written.slice(at + found.length);
      const existing = await strapi.db.query(GLOSSARY_UID as any).findOne({ where: { term, scopeType: uid, scopeDocument: documentId } });
      const replacements = { ...(existing?.replacements ?? {}), [locale]: replacement };
      const note = `歧义确认：“${found.source}”写作“${pick.choice}”（${uid} ${documentId}）`;
      // Written directly: the editor's right is the document's (checked by the route), not the whole glossary's.
      if (existing) await strapi.db.query(GLOSSARY_UID as any).update({ where: { id: existing.id }, data: { replacements, note, enabled: true } });
      else
        await strapi.db
          .query(GLOSSARY_UID as any)
          .create({ data: { term, replacements, note, enabled: true, protected: false, scopeType: uid, scopeDocument: documentId } });
      const synced = await getService(strapi, 'sync').resync(uid, documentId, locale);
      return { term, replacement, ...synced };
    },
  };
};
