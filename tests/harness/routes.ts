import type { TestApp } from './strapi';

export type Route = { method: string; path: string };

/**
 * Every route the running app serves, read from Strapi's own router (so a route added later is covered).
 * Routes that end the caller's session run last, so that they do not cut the rest of a walk short.
 */
export function servedRoutes(app: TestApp): Route[] {
  const layers: any[] = app.strapi.server.listRoutes();
  const seen = new Set<string>();
  const routes: Route[] = [];
  for (const layer of layers) {
    for (const method of layer.methods ?? []) {
      const key = `${method} ${layer.path}`;
      // HEAD answers as GET; CONNECT never reaches the router (Node's server takes it as a tunnel).
      if (method === 'HEAD' || method === 'CONNECT' || typeof layer.path !== 'string' || seen.has(key)) continue;
      seen.add(key);
      routes.push({ method, path: layer.path });
    }
  }
  const ending = (r: Route) => /logout|sessions/.test(r.path);
  return [...routes.filter((r) => !ending(r)), ...routes.filter(ending)];
}

/** The names of a route's path parameters (`:model`, `:id`, …). */
export const paramsOf = (path: string): string[] => [...path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]);

/** The route's path with each parameter replaced by `value(name)` and its regex wildcards by `wildcard`. */
export function fillPath(path: string, value: (name: string) => string, wildcard = 'x'): string {
  return path.replace(/:([A-Za-z_]+)(\([^)]*\))?\??/g, (_m, name: string) => value(name)).replace(/\(\.\*\)|\(\(\?![^)]*\)\.\+\)/g, wildcard);
}
