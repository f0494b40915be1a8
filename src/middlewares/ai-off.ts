/**
 * The content manager asks GET /admin/ai-feature-config on every edit view; with Strapi AI off (this app
 * has no licence for it) Strapi answers 404 and every page load logs an error. The configuration's own
 * "off" value is answered instead; AI stays off (admin.ai.enabled is false in config/admin.ts).
 */
export default (_config: unknown, { strapi }: { strapi: any }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method === 'GET' && ctx.path === '/admin/ai-feature-config' && strapi.config.get('admin.ai.enabled', true) !== true) {
      ctx.body = { data: { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false } };
      return;
    }
    return next();
  };
