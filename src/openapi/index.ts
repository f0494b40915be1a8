import type { Core } from '@strapi/strapi';
import { paths, tags } from './paths';
import { schemas } from './schemas';

/**
 * Adds the plugins' public routes to the OpenAPI document. Called from the app's register, which runs
 * before the documentation plugin's bootstrap generates the document.
 */
export function registerApiDocumentation(strapi: Core.Strapi): void {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return; // plugin disabled: nothing to document
  documentation.service('override').registerOverride({ tags, paths, components: { schemas } });
}

/**
 * The plugin generates the document only outside production, into src/extensions (not committed); in
 * production it reads dist/src/extensions. Generating it there at start-up serves the document of the
 * code that runs rather than whatever a build happened to copy.
 */
export async function generateProductionDocumentation(strapi: Core.Strapi): Promise<void> {
  const documentation = strapi.plugin('documentation');
  if (!documentation || strapi.config.environment !== 'production') return;
  try {
    await documentation.service('documentation').generateFullDoc();
  } catch (error: any) {
    strapi.log.warn(`API documentation not generated (${error?.message ?? error}); /documentation will not answer`);
  }
}
