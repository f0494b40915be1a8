import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './document-rules/document-middlewares';
import { bootstrapApp } from './bootstrap';
import { acquireStartupLock } from './bootstrap/startup-lock';
import { generateProductionDocumentation, registerApiDocumentation } from './openapi';

let releaseStartupLock: () => Promise<void> = async () => undefined;

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    releaseStartupLock = await acquireStartupLock(strapi);
    registerDocumentMiddlewares(strapi);
    registerApiDocumentation(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    try {
      await bootstrapApp(strapi);
      await generateProductionDocumentation(strapi);
    } finally {
      await releaseStartupLock();
    }
  },

  async destroy() {
    // A start that failed before bootstrap leaves the lock held on its connection: give it back.
    await releaseStartupLock();
  },
};
