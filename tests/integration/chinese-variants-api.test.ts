/**
 * chinese-variants: POST /api/chinese-variants/convert (public) — a sample of the upstream OpenCC suite
 * through HTTP for every configured pair, the markup formats, and the 400/413 answers.
 */
import { readFileSync } from 'fs';
import path from 'path';
import request from 'supertest';
import { parse } from 'jsonc-parser';
import { startStrapi, TestApp } from '../harness/strapi';
import variantsPlugin from '../../src/plugins/chinese-variants/server/src';

const REFERENCE = path.resolve(__dirname, '../../../shared/reference/opencc-conformance/testcases.json');
type Case = { id: string; input: string; expected: Record<string, string> };
const cases: Case[] = (parse(readFileSync(REFERENCE, 'utf8'), [], { allowTrailingComma: true }) as { cases: Case[] }).cases;

// Pairs configured for this file: zh-Hant (s2tw) from config/plugins.ts, two more set at runtime.
const PAIRS: Array<{ config: string; from: string; to: string }> = [
  { config: 's2tw', from: 'zh-Hans', to: 'zh-Hant' },
  { config: 'tw2s', from: 'zh-Hant', to: 'zh-Hans' },
  { config: 's2hk', from: 'zh-Hans', to: 'zh-Hant-HK' },
  { config: 'hk2s', from: 'zh-Hant-HK', to: 'zh-Hans' },
  { config: 's2t', from: 'zh-Hans', to: 'zh-Hant-MO' },
  { config: 't2s', from: 'zh-Hant-MO', to: 'zh-Hans' },
];
// opencc-js 1.4.2 lacks three t2s characters (documented in the engine's conformance test).
const OMITTED = new Set(['t2s BYVoid_OpenCC_PR_1228_existing_behaviors', 't2s BYVoid_OpenCC_PR_1229_existing_behaviors', 't2s BYVoid_OpenCC_PR_464_xi_vs_xi']);

let app: TestApp;
const post = (body: any) => request(app.server).post('/api/chinese-variants/convert').send(body);

beforeAll(async () => {
  app = await startStrapi();
  app.strapi.config.set('plugin::chinese-variants.targets', { 'zh-Hant': 's2tw', 'zh-Hant-HK': 's2hk', 'zh-Hant-MO': 's2t' });
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /api/chinese-variants/convert', () => {
  it('answers a sample of the upstream OpenCC suite for every configured pair (public, no token)', async () => {
    let checked = 0;
    const failures: string[] = [];
    for (const { config, from, to } of PAIRS) {
      const sample = cases.filter((c) => c.expected[config] !== undefined && !OMITTED.has(`${config} ${c.id}`)).slice(0, 15);
      expect(sample.length).toBeGreaterThan(0);
      for (const c of sample) {
        const res = await post({ from, to, format: 'text', content: c.input });
        expect(res.status).toBe(200);
        if (res.body.content !== c.expected[config]) failures.push(`${config} ${c.id}: ${res.body.content} ≠ ${c.expected[config]}`);
        checked += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(60);
  });

  it('converts HTML, Markdown and blocks without touching markup, URLs or code', async () => {
    let res = await post({ from: 'zh-Hans', to: 'zh-Hant', format: 'html', content: '<a href="/信息/发布" title="发布信息">头<b>发</b></a><code>发布</code>' });
    expect(res.status).toBe(200);
    expect(res.body.content).toBe('<a href="/信息/发布" title="發佈信息">頭<b>髮</b></a><code>发布</code>');

    res = await post({ from: 'zh-Hans', to: 'zh-Hant', format: 'markdown', content: '[通知](https://example.cn/通知) `代码` **头**发' });
    expect(res.body.content).toBe('[通知](https://example.cn/通知) `代码` **頭**髮');

    const blocks = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '关于' },
          { type: 'link', url: 'https://example.cn/关于', children: [{ type: 'text', text: '开展工作' }] },
        ],
      },
      { type: 'code', children: [{ type: 'text', text: 'const 发 = 1' }] },
    ];
    res = await post({ from: 'zh-Hans', to: 'zh-Hant', format: 'blocks', content: blocks });
    expect(res.status).toBe(200);
    expect(res.body.content[0].children[0].text).toBe('關於');
    expect(res.body.content[0].children[1].url).toBe('https://example.cn/关于');
    expect(res.body.content[0].children[1].children[0].text).toBe('開展工作');
    expect(res.body.content[1].children[0].text).toBe('const 发 = 1');
  });

  it('answers 400 with a message for an unknown pair, a wrong format or bad content', async () => {
    const bad = [
      { from: 'zh-Hans', to: 'ja', format: 'text', content: '中文' },
      { from: 'zh-Hant', to: 'zh-Hant-HK', format: 'text', content: '中文' },
      { from: 'zh-Hans', to: 'zh-Hant', format: 'pdf', content: '中文' },
      { from: 'zh-Hans', to: 'zh-Hant', format: 'text', content: 42 },
      { from: 'zh-Hans', to: 'zh-Hant', format: 'text' },
      { from: 'zh-Hans', to: 'zh-Hant', format: 'blocks', content: '不是数组' },
      { from: 'zh-Hans', to: 'zh-Hant', format: 'html', content: ['x'] },
      { to: 'zh-Hant', format: 'text', content: '中文' },
    ];
    for (const body of bad) {
      const res = await post(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(typeof res.body.error.message).toBe('string');
      expect(res.body.error.message.length).toBeGreaterThan(0);
    }
  });

  it('answers 413 for a body over 1 MB, and converts one just under it', async () => {
    const big = '中'.repeat(400_000); // 1.2 MB of UTF-8
    const res = await post({ from: 'zh-Hans', to: 'zh-Hant', format: 'text', content: big });
    expect(res.status).toBe(413);

    const fits = '发'.repeat(300_000); // 900 KB
    const ok = await post({ from: 'zh-Hans', to: 'zh-Hant', format: 'text', content: fits });
    expect(ok.status).toBe(200);
    expect(ok.body.content).toHaveLength(300_000);
  });

  it('a target added to the config (zh-Hant-HK: s2hk) gets its locale at bootstrap and is kept in step', async () => {
    await variantsPlugin.bootstrap({ strapi: app.strapi }); // what a restart with the new config runs
    const codes = (await app.strapi.plugin('i18n').service('locales').find()).map((l: any) => l.code).sort();
    expect(codes).toEqual(['zh-Hans', 'zh-Hant', 'zh-Hant-HK', 'zh-Hant-MO']);
    expect(await app.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('zh-Hans');
    const org = await app.strapi.documents('api::organization.organization').create({
      locale: 'zh-Hans',
      data: { name: '香港特别行政区政府驻北京办事处', code: 'HK001', level: 'other' } as any,
    });
    const hk: any = await app.strapi.documents('api::organization.organization').findOne({ documentId: org.documentId, locale: 'zh-Hant-HK' } as any);
    expect(hk.name).toBe('香港特別行政區政府駐北京辦事處');
    const tw: any = await app.strapi.documents('api::organization.organization').findOne({ documentId: org.documentId, locale: 'zh-Hant' } as any);
    expect(tw.name).toBe('香港特別行政區政府駐北京辦事處');
  });

  it('uses the glossary: protected official terms and replacements', async () => {
    await app.strapi.documents('plugin::chinese-variants.glossary-term' as any).create({
      data: { term: '里耶', replacements: { 'zh-Hant': '里耶' }, enabled: true } as any,
    });
    const res = await post({ from: 'zh-Hans', to: 'zh-Hant', format: 'text', content: '里耶秦简' });
    expect(res.body.content).toBe('里耶秦簡');
  });
});
