import fs from 'fs';
import path from 'path';
import { builtinModules } from 'module';

/**
 * The direction of dependencies, read from the source: a plugin imports only packages and its own files
 * (never the host app, never another plugin's internals); the app reaches a plugin only through its
 * server entry (`server/src/index.ts`); the pure cores (`server/src/core/`) import no Strapi package and
 * nothing outside core.
 */
const root = path.resolve(__dirname, '../../..');
const src = path.join(root, 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'extensions', 'dist'].includes(e.name) ? [] : sources(p);
    return /\.(ts|tsx|js)$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

const pluginOf = (file: string) => /src\/plugins\/([^/]+)\//.exec(path.relative(root, file).split(path.sep).join('/'))?.[1] ?? null;
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

function violations(): string[] {
  const found: string[] = [];
  for (const file of sources(src)) {
    const plugin = pluginOf(file);
    const inCore = /\/server\/src\/core\//.test(rel(file));
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) {
        if (inCore && spec.startsWith('@strapi/')) found.push(`${rel(file)}: a pure core imports ${spec}`);
        continue;
      }
      const target = rel(path.resolve(path.dirname(file), spec));
      const targetPlugin = pluginOf(path.join(root, target) + '/');
      if (plugin) {
        if (!target.startsWith(`src/plugins/${plugin}/`)) found.push(`${rel(file)}: plugin ${plugin} imports ${target}`);
        else if (inCore && !target.includes('/server/src/core/')) found.push(`${rel(file)}: a pure core imports ${target}`);
      } else if (targetPlugin && !/^src\/plugins\/[^/]+\/server\/src(\/index)?$/.test(target)) {
        found.push(`${rel(file)}: the app imports ${target}, not the plugin's entry`);
      }
    }
  }
  return found;
}

describe('dependency direction', () => {
  it('holds for every source file', () => {
    expect(violations()).toEqual([]);
  });

  it('would see a violation (the check itself works)', () => {
    const probe = path.join(src, 'plugins', 'disclosure', 'server', 'src', 'core', '__probe__.ts');
    fs.writeFileSync(probe, "import type { Core } from '@strapi/strapi';\nimport { x } from '../../../../../document-rules/notice-rules';\n");
    const appProbe = path.join(src, '__probe__.ts');
    fs.writeFileSync(appProbe, "import { convert } from './plugins/chinese-variants/server/src/engine';\n");
    try {
      const found = violations();
      expect(found).toEqual(
        expect.arrayContaining([
          expect.stringContaining('a pure core imports @strapi/strapi'),
          expect.stringContaining('plugin disclosure imports src/document-rules/notice-rules'),
          expect.stringContaining('the app imports src/plugins/chinese-variants/server/src/engine'),
        ]),
      );
    } finally {
      fs.rmSync(probe);
      fs.rmSync(appProbe);
    }
  });
});

describe('chinese-variants package', () => {
  it('declares opencc-js (the engine reads its dictionaries), @node-rs/jieba (its word list) and diff pinned to the versions installed, and Strapi, React and the design system as peers', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(src, 'plugins/chinese-variants/package.json'), 'utf8'));
    const installed = (name: string) => JSON.parse(fs.readFileSync(path.join(root, `node_modules/${name}/package.json`), 'utf8')).version;
    expect(manifest.dependencies).toEqual({ '@node-rs/jieba': installed('@node-rs/jieba'), diff: installed('diff'), 'opencc-js': installed('opencc-js') });
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(
      [
        '@strapi/design-system',
        '@strapi/icons',
        '@strapi/strapi',
        '@strapi/utils',
        'react',
        'react-dom',
        'react-intl',
        'react-router-dom',
        'styled-components',
      ].sort(),
    );
  });

  it('declares every package its code imports (an undeclared one is bundled into the build, duplicating Strapi)', () => {
    const dir = path.join(src, 'plugins/chinese-variants');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const builtins = new Set(builtinModules);
    const undeclared = new Set<string>();
    for (const file of [...sources(path.join(dir, 'server/src')), ...sources(path.join(dir, 'admin/src'))]) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.') || builtins.has(spec.replace(/^node:/, ''))) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!declared.has(name)) undeclared.add(`${name} (${rel(file)})`);
      }
    }
    expect([...undeclared]).toEqual([]);
  });
});

/** Value imports only: `import type` and `export type` are erased and pull nothing into a bundle. */
const VALUE_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

describe('the admin bundles', () => {
  // What the admin's browser code may reach, directly or through the server's pure modules it shares.
  const BROWSER_PACKAGES =
    /^(react|react-dom|react-intl|react-router-dom|styled-components|@strapi\/(design-system|icons|strapi\/admin|admin\/strapi-admin))(\/|$)/;

  it.each(['src/admin', 'src/plugins/disclosure/admin/src', 'src/plugins/chinese-variants/admin/src'])('%s reaches no server-only package', (dir) => {
    const seen = new Set<string>();
    const found: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file) || file.endsWith('.json')) return;
      seen.add(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(VALUE_IMPORT)) {
        const spec = m[1] ?? m[2];
        if (spec.startsWith('.')) {
          const target = resolveLocal(file, spec);
          if (target) visit(target);
        } else if (!BROWSER_PACKAGES.test(spec)) found.push(`${rel(file)} → ${spec}`);
      }
    };
    for (const file of sources(path.join(root, dir))) visit(file);
    expect(found).toEqual([]);
  });
});
