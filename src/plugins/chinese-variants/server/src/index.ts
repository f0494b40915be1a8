import type { Core } from '@strapi/strapi';
import config, { resolveConfig } from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';
import { registerSyncMiddleware } from './middleware';
import { ensureVariantLocales } from './locales';
import { registerActions, registerGlossaryGuard } from './access';
import { registerOpenApi } from './openapi';
import { LEGAL_VOCABULARY } from './engine';
import { getService } from './utils';

export default {
  config,
  contentTypes,
  controllers,
  routes,
  services,

  register({ strapi }: { strapi: Core.Strapi }) {
    registerSyncMiddleware(strapi);
    registerGlossaryGuard(strapi);
    registerOpenApi(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await registerActions(strapi);
    const cfg = resolveConfig(strapi.config.get('plugin::chinese-variants') ?? {});
    await ensureVariantLocales(strapi, cfg.sourceLocale, Object.keys(cfg.targets));
    const seeded = await getService(strapi, 'glossary').seedDefaults();
    if (seeded > 0) strapi.log.info(`[chinese-variants] default glossary seeded (${seeded} terms)`);
    const legal = await getService(strapi, 'glossary').seedTermSet(
      'legal-vocabulary',
      LEGAL_VOCABULARY.map((term) => ({ term, note: '法律法规与机构名称（默认术语集），整体转换、全文一致。' })),
    );
    if (legal > 0) strapi.log.info(`[chinese-variants] legal and institutional vocabulary seeded (${legal} terms)`);
  },
};
