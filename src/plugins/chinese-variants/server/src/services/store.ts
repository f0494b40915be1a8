import type { Core } from '@strapi/strapi';

export const SETTINGS_KEY = 'settings';

export function pluginStore(strapi: Core.Strapi) {
  return strapi.store({ type: 'plugin', name: 'chinese-variants' });
}
