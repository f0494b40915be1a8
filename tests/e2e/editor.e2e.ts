/**
 * The editor's path in the admin panel: log in, publish a zh-Hans notice with a category and see the
 * chinese-variants side panel report its zh-Hant version, then open 年度报告, generate the draft and
 * download it as Word.
 */
import type { Browser, Page } from 'playwright-core';
import { ADMIN, BASE_URL, launchChromium, screenshot } from './browser';

let browser: Browser;
let page: Page;
let token: string;

async function adminApi(method: string, path: string, body?: unknown) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: any = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  token = (await adminApi('POST', '/admin/login', ADMIN)).data.token;
});
afterAll(async () => {
  await browser?.close();
});

describe('editor in the admin panel', () => {
  it('logs in', async () => {
    await page.goto(`${BASE_URL}/admin/auth/login`);
    await page.getByLabel(/email/i).fill(ADMIN.email);
    await page.getByLabel(/password/i).first().fill(ADMIN.password);
    await page.getByRole('button', { name: /login/i }).click();
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60000 });
  });

  it('publishes a zh-Hans notice and sees its zh-Hant version in the side panel', async () => {
    const uid = 'api::notice.notice';
    const { results: categories } = await adminApi('GET', `/content-manager/collection-types/api::disclosure-category.disclosure-category?locale=zh-Hans&filters[code][$eq]=FDZD.16`);
    const { results: orgs } = await adminApi('GET', `/content-manager/collection-types/api::organization.organization?locale=zh-Hans&filters[code][$eq]=430381106`);
    const created = await adminApi('POST', `/content-manager/collection-types/${uid}?locale=zh-Hans`, {
      title: '壶天镇关于开展秋季森林防火检查的通知',
      documentType: 'announcement',
      organization: { connect: [{ documentId: orgs[0].documentId, locale: 'zh-Hans' }] },
      category: { connect: [{ documentId: categories[0].documentId, locale: 'zh-Hans' }] },
    });
    const documentId = created.data.documentId;
    await adminApi('POST', `/content-manager/collection-types/${uid}/${documentId}/actions/publish?locale=zh-Hans`, {});

    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=zh-Hans`);
    await page.getByText('繁体版本').first().waitFor({ timeout: 60000 });
    await page.getByText('已自动生成').first().waitFor({ timeout: 60000 });
    await screenshot(page, 'admin-notice-variants-panel');

    const hant = await fetch(`${BASE_URL}/api/notices/${documentId}?locale=zh-Hant&populate=category`).then((r) => r.json() as Promise<any>);
    expect(hant.data.title).toBe('壺天鎮關於開展秋季森林防火檢查的通知');
    expect(hant.data.category.locale).toBe('zh-Hant');
  });

  it('generates the annual report draft on the 年度报告 page and downloads it as Word', async () => {
    await page.goto(`${BASE_URL}/admin/plugins/disclosure/annual-reports`);
    await page.getByRole('heading', { name: '年度报告' }).first().waitFor({ timeout: 60000 });
    await page.getByRole('combobox', { name: '机关' }).click();
    await page.getByRole('option', { name: /壶天镇/ }).click();
    const generate = page.getByRole('button', { name: /生成草稿|更新草稿/ });
    await generate.click();
    await page.getByText(/草稿：/).first().waitFor({ timeout: 60000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const path = await download.path();
    expect(path).toBeTruthy();
    await screenshot(page, 'admin-annual-report');
  });
});
