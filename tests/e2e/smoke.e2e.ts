/**
 * The admin as a township editor first meets it: in Chinese, no guided tour or release notes in the
 * way, the office's own work on the home page, and a notice's edit view in the catalogue's words with
 * the computed 索引号 read-only and no raw attribute name or enum code in sight.
 */
import type { Browser, Page } from 'playwright-core';
import { ADMIN, BASE_URL, launchChromium, logIn, rawNames, screenshot, shownRawNames } from './browser';

let browser: Browser;
let page: Page;
/** Admin API calls that failed with 404 while the admin was used (Strapi's AI probe was one on every edit view). */
const notFound: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
  page = await logIn(browser, ADMIN);
  page.on('response', (res) => {
    if (res.status() === 404 && new URL(res.url()).pathname.startsWith('/admin/')) notFound.push(new URL(res.url()).pathname);
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('the admin, as an editor meets it', () => {
  it('is in Chinese, without the guided tour, with the office’s work on the home page', async () => {
    await page.getByText('依申请公开：临近期限').first().waitFor({ timeout: 60000 });
    await page.locator('[data-widget="deadlines"]').waitFor({ timeout: 60000 });
    await page.locator('[data-widget="reports"]').waitFor({ timeout: 60000 });
    await page
      .locator('[data-widget="drafts"]')
      .getByText(/从未发布的草稿 \d+ 条/)
      .waitFor({ timeout: 60000 });
    await screenshot(page, 'admin-home');
    expect(await page.getByRole('link', { name: /内容管理|Content Manager/ }).count()).toBeGreaterThan(0);
    // no guided tour, no "what's new" popover
    expect(await page.getByText(/guided tour|导览/i).count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    // no cloud promotion, no media-library banner, no Marketplace
    expect(await page.getByText(/Strapi Cloud|Deploy|Introducing the new Media Library|Marketplace/i).count()).toBe(0);
    expect(await page.locator('a[href*="cloud.strapi.io"], a[href*="market.strapi.io"]').count()).toBe(0);
  });

  it('shows a notice in the catalogue’s words: Chinese labels, 索引号 read-only, enum names not codes', async () => {
    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/api::notice.notice?plugins[i18n][locale]=zh-Hans`);
    await page.getByRole('row').nth(1).waitFor({ timeout: 60000 });
    await screenshot(page, 'admin-notice-list');
    const headers = await page.locator('thead th').allInnerTexts();
    for (const column of ['标题', '索引号', '发布机构', '发布日期', '状态', '语言版本']) {
      expect(headers.some((h) => h.includes(column))).toBe(true);
    }
    // dates as YYYY-MM-DD, enum codes by name
    const firstRow = await page.getByRole('row').nth(1).innerText();
    expect(firstRow).toMatch(/\b20\d\d-\d\d-\d\d\b/);
    // the second notice: the first (this year's budget) holds a file, whose field shows a carousel instead of an input
    await page.getByRole('row').nth(2).locator('td').nth(2).click();
    await page.getByText('成文日期').first().waitFor({ timeout: 60000 });
    await screenshot(page, 'admin-notice-edit');
    const labels = (await page.locator('main label').allInnerTexts()).map((t) =>
      t
        .replace(/\s*\(\d+\)\s*$/, '')
        .replace(/[*\s]+$/, '')
        .trim(),
    );
    for (const label of ['标题', '文号', '索引号', '成文日期', '发布日期', '有效性', '主题分类', '附件']) expect(labels).toContain(label);
    // dates are typed as YYYY-MM-DD
    const written = page.getByRole('textbox', { name: /^发布日期/ });
    expect(await written.inputValue()).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(await written.getAttribute('placeholder')).toBe('YYYY-MM-DD');
    const indexNumber = page.getByRole('textbox', { name: /索引号/ });
    expect(await indexNumber.isDisabled()).toBe(true);
    expect(await page.getByText(/系统自动分配/).count()).toBeGreaterThan(0);
    const text = await page.locator('main').innerText();
    expect(shownRawNames(text, rawNames('notice'))).toEqual([]);
    // no invitation to set up Strapi's draft preview (off: the portal shows published content only)
    expect(await page.getByText(/设置预览|Set up preview/).count()).toBe(0);
    await screenshot(page, 'admin-notice-edit');

    // the category picker: leaves of the catalogue, named by code and name, nothing to create
    await page.getByRole('combobox', { name: /^主题分类/ }).click();
    const options = page.getByRole('option');
    await options.filter({ hasText: 'FDZD.02.02 行政规范性文件' }).first().waitFor({ timeout: 60000 });
    const offered = (await options.filter({ visible: true }).allInnerTexts()).map((o) => o.trim());
    await screenshot(page, 'admin-notice-category-picker');
    expect(offered.some((o) => o.startsWith('FDZD.01 机构信息'))).toBe(true);
    // …and nothing to create from here (the create item is hidden, so not among the visible options)
    expect(offered.every((o) => /^[A-Z]+(\.\d\d)* \S/.test(o))).toBe(true);
    expect(await page.getByRole('option', { name: /新建关联条目|Create a relation/ }).isVisible()).toBe(false);
    expect(offered.some((o) => /^FDZD(\.02)? /.test(o))).toBe(false);
    await page.keyboard.press('Escape');
    expect(notFound).toEqual([]);
  });

  it('creates a notice through the form with every field, picks its category, saves and publishes it', async () => {
    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/api::notice.notice/create?plugins[i18n][locale]=zh-Hans`);
    const box = (label: RegExp) => page.getByRole('textbox', { name: label });
    await box(/^标题/).waitFor({ timeout: 60000 });
    await box(/^标题/).fill('壶天镇关于做好2026年冬季供水保障工作的通知');
    await box(/^内容概述/).fill('明确冬季供水保障的责任分工和应急措施。');
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('各村（社区）：为做好今冬供水保障工作，现将有关事项通知如下。');
    await box(/^主题词/).fill('供水 保障');
    await box(/^文号/).fill('壶政发〔2026〕31号');
    await box(/^成文日期/).fill('2026/12/1');
    await box(/^主题(?!词|分类)/).fill('城乡建设');
    const pick = async (label: RegExp, option: string | RegExp, search?: string) => {
      const combobox = page.getByRole('combobox', { name: label });
      await combobox.click();
      if (search) await combobox.fill(search);
      await page.getByRole('option', { name: option }).first().click();
    };
    await pick(/^发布机构/, /湘乡市壶天镇人民政府/, '壶天');
    await pick(/^主题分类/, /^FDZD\.11 民生保障/, 'FDZD.11');
    await pick(/^信息类别/, '通知公告');
    await pick(/^有效性/, '有效');
    // the date typed 2026/12/1 is shown as it is stored
    expect(await box(/^成文日期/).inputValue()).toBe('2026-12-01');
    await screenshot(page, 'admin-notice-create');

    await page.getByRole('button', { name: /^(保存|Save)$/ }).click();
    await page
      .getByText(/文档已保存|Saved document/)
      .first()
      .waitFor({ timeout: 30000 });
    // the server assigned the 索引号; the form shows it read-only
    await page.waitForFunction(
      () => /^430381106\/2026-\d{5}$/.test((document.querySelector('input[name="indexNumber"]') as HTMLInputElement | null)?.value ?? ''),
      null,
      {
        timeout: 30000,
      },
    );
    await page.getByRole('button', { name: /^(发布|Publish)$/ }).click();
    await page
      .getByText(/文档已发布|Published document/)
      .first()
      .waitFor({ timeout: 30000 });
    await screenshot(page, 'admin-notice-published');

    const documentId = new URL(page.url()).pathname.split('/').pop();
    const published = await fetch(`${BASE_URL}/api/notices/${documentId}?locale=zh-Hans&populate=category`).then((r) => r.json() as Promise<any>);
    expect(published.data).toMatchObject({
      title: '壶天镇关于做好2026年冬季供水保障工作的通知',
      documentNumber: '壶政发〔2026〕31号',
      writtenDate: '2026-12-01',
      documentType: 'announcement',
      validity: 'in-force',
      keywords: '供水 保障',
    });
    expect(published.data.category.code).toBe('FDZD.11');
    expect(published.data.releaseDate).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(notFound).toEqual([]);
  });

  it('names every menu entry in Chinese, with no Marketplace', async () => {
    await page.goto(`${BASE_URL}/admin/content-manager`);
    await page.getByRole('link', { name: '简繁转换词表' }).first().waitFor({ timeout: 60000 });
    const nav = await page.locator('nav').allInnerTexts();
    expect(nav.join('\n')).not.toMatch(/Glossary term|\bUser\b|Marketplace|市场/);
    expect(await page.getByRole('link', { name: '网站用户' }).count()).toBeGreaterThan(0);
    expect(await page.locator('a[href*="market.strapi.io"]').count()).toBe(0);
    await screenshot(page, 'admin-content-manager-menu');
  });

  it('shows years as 2026, never 2,026', async () => {
    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/api::annual-report.annual-report?plugins[i18n][locale]=zh-Hans`);
    await page.getByRole('row').nth(1).waitFor({ timeout: 60000 });
    const list = await page.locator('main').innerText();
    expect(list).not.toMatch(/\b\d,\d{3}\b/);
    await page.getByRole('row').nth(1).locator('td').nth(2).click();
    const year = page.getByRole('textbox', { name: /^年度/ });
    await year.waitFor({ timeout: 60000 });
    expect(await year.inputValue()).toMatch(/^20\d\d$/);
    await screenshot(page, 'admin-report-edit');
  });
});
