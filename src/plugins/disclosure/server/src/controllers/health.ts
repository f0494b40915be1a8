import type { Core } from '@strapi/strapi';

const health = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: any) {
    ctx.body = { plugin: 'disclosure', status: 'ok', version: strapi.plugin('disclosure') ? '0.1.0' : undefined };
  },
});

export default health;
