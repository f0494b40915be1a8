/**
 * Files on the node's disk (public/uploads, without S3) are served by strapi::public as they are. A file an
 * editor attached is a download, not a page of this site: only types a browser shows without running
 * anything (PDF, raster images) are served inline; everything else, HTML, SVG and XML included, as an
 * attachment under its original name, in a CSP sandbox, never sniffed into something else.
 */
const INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export default (_config: unknown, { strapi }: { strapi: any }) =>
  async (ctx: any, next: () => Promise<void>) => {
    const isUpload = (ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.startsWith('/uploads/');
    if (!isUpload) return next();
    await next();
    if (ctx.status !== 200) return;
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    const url = decodeURIComponent(ctx.path);
    const file = await strapi.db.query('plugin::upload.file').findOne({ where: { url }, select: ['name', 'mime'] });
    const mime = String(file?.mime ?? ctx.type ?? '')
      .split(';')[0]
      .trim();
    const name = file?.name ?? url.split('/').pop() ?? 'file';
    // a thumbnail or a format of an image has the image's type: inline as well
    ctx.set('Content-Disposition', contentDisposition(INLINE.has(mime) ? 'inline' : 'attachment', name));
    if (!INLINE.has(mime)) ctx.type = 'application/octet-stream';
  };
