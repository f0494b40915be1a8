import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './domain/document-middlewares';
import { bootstrapApp } from './bootstrap';
import { generateProductionDocumentation, registerApiDocumentation } from './openapi';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentMiddlewares(strapi);
    registerApiDocumentation(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await bootstrapApp(strapi);
    await generateProductionDocumentation(strapi);
  },
};
