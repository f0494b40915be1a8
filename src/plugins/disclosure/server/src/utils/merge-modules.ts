import type { Core } from '@strapi/strapi';

type Lifecycle = (ctx: { strapi: Core.Strapi }) => void | Promise<void>;

/**
 * The plugin is made of independent modules (applications, reports, …), each with its own content types,
 * routes, controllers and services. This merges them into the one server object Strapi expects.
 */
export interface PluginModule {
  register?: Lifecycle;
  bootstrap?: Lifecycle;
  destroy?: Lifecycle;
  config?: { default?: Record<string, unknown>; validator?: (config: any) => void };
  contentTypes?: Record<string, { schema: unknown }>;
  controllers?: Record<string, unknown>;
  services?: Record<string, unknown>;
  policies?: Record<string, unknown>;
  middlewares?: Record<string, unknown>;
  routes?: { 'content-api'?: unknown[]; admin?: unknown[] };
}

function mergeNamed(modules: PluginModule[], key: 'contentTypes' | 'controllers' | 'services' | 'policies' | 'middlewares') {
  const merged: Record<string, unknown> = {};
  for (const m of modules) {
    for (const [name, value] of Object.entries(m[key] ?? {})) {
      if (name in merged) throw new Error(`disclosure plugin: two modules define ${key}.${name}`);
      merged[name] = value;
    }
  }
  return merged;
}

function chain(modules: PluginModule[], key: 'register' | 'bootstrap' | 'destroy'): Lifecycle {
  return async (ctx) => {
    for (const m of modules) await m[key]?.(ctx);
  };
}

export function mergeModules(modules: PluginModule[]) {
  const routes = (type: 'content-api' | 'admin') => ({
    type,
    routes: modules.flatMap((m) => m.routes?.[type] ?? []),
  });
  return {
    register: chain(modules, 'register'),
    bootstrap: chain(modules, 'bootstrap'),
    destroy: chain(modules, 'destroy'),
    config: {
      default: Object.assign({}, ...modules.map((m) => m.config?.default ?? {})),
      validator: (config: unknown) => modules.forEach((m) => m.config?.validator?.(config)),
    },
    contentTypes: mergeNamed(modules, 'contentTypes'),
    controllers: mergeNamed(modules, 'controllers'),
    services: mergeNamed(modules, 'services'),
    policies: mergeNamed(modules, 'policies'),
    middlewares: mergeNamed(modules, 'middlewares'),
    routes: { 'content-api': routes('content-api'), admin: routes('admin') },
  };
}
