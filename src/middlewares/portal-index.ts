import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * Strapi's static middleware redirects `/` to the admin panel. The portal is the site's front page, so
 * `GET /` answers public/index.html instead; everything else goes on as usual.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const indexFile = path.join(strapi.dirs.static.public, 'index.html');
  return async (ctx: any, next: () => Promise<void>) => {
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path === '/' && fs.existsSync(indexFile)) {
      ctx.type = 'html';
      ctx.body = fs.createReadStream(indexFile);
      return;
    }
    return next();
  };
};
