import type { Core } from '@strapi/strapi';
import type services from './services';

/** The plugin's services by name, with their types (as Strapi's i18n plugin does). */
export type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

export function getService<T extends keyof Services>(strapi: Core.Strapi, name: T): Services[T] {
  return strapi.plugin('chinese-variants').service(name) as Services[T];
}
