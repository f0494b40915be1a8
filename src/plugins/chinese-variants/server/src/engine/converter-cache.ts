import { assertConversion, CONVERSION_SPECS, type Conversion } from './conversions';
import { Converter } from './converter';
import { DEFAULT_GLOSSARY, EMPTY_GLOSSARY, PROTECTED_SOURCES } from './default-glossary';
import { ConversionError } from './errors';
import { assertGlossary, buildGlossaryTrie, type Glossary } from './glossary';
import { jiebaLexicon } from './lexicon';
import { Pipeline } from './pipeline';

export interface ConverterOptions {
  /**
   * Expert/test escape hatch: allow s2twp without the protected official vocabulary in the
   * glossary (e.g. to check conformance with upstream OpenCC). Never for government content.
   */
  allowUnguarded?: boolean;
}

/** Glossary versions kept per conversion; older ones are evicted (least recently used first). */
export const MAX_GLOSSARY_VERSIONS_PER_CONVERSION = 3;

// Dictionary pipelines (the ~100 ms, tens-of-MB part) are per conversion and live for the
// process; a converter adds only its glossary, so a new glossary version is cheap to build.
const pipelines = new Map<Conversion, Pipeline>();
const converters = new Map<string, Converter>();

function pipelineFor(conversion: Conversion): Pipeline {
  let p = pipelines.get(conversion);
  if (p === undefined) {
    const spec = CONVERSION_SPECS[conversion];
    // The word list is Simplified Chinese: it cuts the source text of s2* conversions only.
    p = new Pipeline(spec.config, spec.source === 'simplified' ? jiebaLexicon() : null);
    pipelines.set(conversion, p);
  }
  return p;
}

/** The glossary used when none is given: the default one is Simplified, so only for s2*. */
export function defaultGlossaryFor(conversion: Conversion): Glossary {
  return CONVERSION_SPECS[conversion].source === 'simplified' ? DEFAULT_GLOSSARY : EMPTY_GLOSSARY;
}

function missingProtected(conversion: Conversion, glossary: Glossary): string[] {
  if (!CONVERSION_SPECS[conversion].guarded) return [];
  const present = new Set(glossary.terms.map((t) => t.source));
  return PROTECTED_SOURCES.filter((s) => !present.has(s));
}

function refuseUnguarded(conversion: Conversion, missing: readonly string[]): never {
  const shown = missing.slice(0, 12).join(', ') + (missing.length > 12 ? `, … (${missing.length} in all)` : '');
  throw new ConversionError(
    'UNGUARDED_CONVERSION',
    `${conversion} rewrites official vocabulary (信息 → 資訊, 文件 → 檔案, 发布 → 釋出) and must not run on ` +
      `government text without the protected terms in its glossary. Missing: ${shown}. ` +
      'Pass DEFAULT_GLOSSARY or withDefaultGlossary(yourGlossary).',
  );
}

function build(conversion: Conversion, glossary: Glossary, missing: string[]): Converter {
  const pipeline = pipelineFor(conversion);
  const keepVia = pipelineFor(CONVERSION_SPECS[conversion].keepVia);
  const trie = buildGlossaryTrie(
    glossary.terms,
    (s) => pipeline.normalize(s, false).text,
    (s) => keepVia.run(s, null, false).text,
  );
  return new Converter(conversion, glossary.version, pipeline, trie, missing);
}

function evictOldVersions(conversion: Conversion): void {
  const prefix = `${conversion}\u0000`;
  const keys = [...converters.keys()].filter((k) => k.startsWith(prefix)); // oldest first
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_GLOSSARY_VERSIONS_PER_CONVERSION))) {
    converters.delete(k);
  }
}

/**
 * The converter for (conversion, glossary version), built once and then reused. The glossary
 * defaults to defaultGlossaryFor(conversion); its version must change whenever its terms do.
 */
export function getConverter(conversion: Conversion, glossary?: Glossary, options: ConverterOptions = {}): Converter {
  const conv = assertConversion(conversion);
  const g = glossary ?? defaultGlossaryFor(conv);
  if (typeof g !== 'object' || g === null || typeof g.version !== 'string') assertGlossary(g);
  const key = `${conv}\u0000${g.version}`;
  let c = converters.get(key);
  if (c === undefined) {
    assertGlossary(g);
    const missing = missingProtected(conv, g);
    if (missing.length > 0 && options.allowUnguarded !== true) refuseUnguarded(conv, missing);
    c = build(conv, g, missing);
    converters.set(key, c);
    evictOldVersions(conv);
  } else {
    converters.delete(key); // re-insert: Map order doubles as recency
    converters.set(key, c);
    if (c.missingProtected.length > 0 && options.allowUnguarded !== true) refuseUnguarded(conv, c.missingProtected);
  }
  return c;
}

/** (conversion, glossary version) pairs currently cached, least recently used first. */
export function cachedConverterKeys(): Array<{ conversion: Conversion; version: string }> {
  return [...converters.keys()].map((k) => {
    const [conversion, version] = k.split('\u0000');
    return { conversion: conversion as Conversion, version };
  });
}

/** Drops cached converters (dictionary pipelines stay: they never change within a process). */
export function clearConverterCache(): void {
  converters.clear();
}
