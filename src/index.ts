import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './domain/document-middlewares';
import { bootstrapApp } from './bootstrap';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentMiddlewares(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await bootstrapApp(strapi);
  },
};
