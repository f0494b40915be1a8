import type { Core } from '@strapi/strapi';
import { ConversionError, type Format } from '../engine';
import { UnknownPairError } from '../services/conversion';
import { getService } from '../utils';
import { fail } from './reply';

export const MAX_BODY_BYTES = 1024 * 1024;

const convert = ({ strapi }: { strapi: Core.Strapi }) => ({
  async convert(ctx: any) {
    const length = Number(ctx.request.length ?? ctx.get('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) {
      return fail(ctx, 413, 'Request body over 1 MB');
    }
    const body = ctx.request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(ctx, 400, 'Expected a JSON object { from, to, format, content }');
    const { from, to, format, content } = body;
    if (typeof from !== 'string' || typeof to !== 'string') return fail(ctx, 400, '"from" and "to" must be locale codes');
    if (typeof format !== 'string') return fail(ctx, 400, '"format" must be one of text, html, markdown, blocks');
    try {
      const converted = await getService(strapi, 'conversion').convert(from, to, format as Format, content); // checked by convert()
      ctx.body = { content: converted };
    } catch (err: any) {
      if (err instanceof ConversionError || err instanceof UnknownPairError || err?.name === 'ConversionError' || err?.name === 'UnknownPairError') {
        return fail(ctx, 400, err.message);
      }
      throw err;
    }
  },
});

export default convert;
