import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL || 'http://127.0.0.1:1339';
export const ADMIN = {
  email: process.env.ADMIN_EMAIL || 'e2e-admin@gongkai.local',
  password: process.env.ADMIN_PASSWORD || 'E2eAdmin2026!',
};
const ARTIFACTS = path.resolve(__dirname, '../../artifacts/e2e');

/** Debian's Chromium, headless, with the flags this closed network needs; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves the page as artifacts/e2e/<name>.png: each test's last page, for people to look at. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Saves one element as artifacts/e2e/<name>.png, whole: the viewport is made tall enough first, because
 * the admin scrolls inside its own container and a page screenshot shows only what is in view there.
 */
export async function screenshotElement(page: Page, element: Locator, name: string) {
  const viewport = page.viewportSize();
  const box = await element.boundingBox();
  if (viewport && box) await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.height) + 400 });
  try {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await element.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

/** Calls the admin API as `token` (none: anonymous); throws with the answer on any non-2xx status. */
export async function adminApi(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: any = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Logs in to the admin panel through its login form, in a new page, and waits for the home page. */
export async function logIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${BASE_URL}/admin/auth/login`);
  await page.getByLabel(/email|电子邮件/i).fill(who.email);
  await page
    .getByLabel(/password|密码/i)
    .first()
    .fill(who.password);
  await page.getByRole('button', { name: /^(login|登录)$/i }).click();
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 60000 });
  await page.getByRole('navigation').first().waitFor();
  return page;
}

/** Attribute names and enum codes of a content type, from its schema: none may show on an editor's screen. */
export function rawNames(api: string): string[] {
  const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../src/api/${api}/content-types/${api}/schema.json`), 'utf8'));
  const names = Object.entries(schema.attributes as Record<string, any>).flatMap(([name, a]) => [name, ...(a.type === 'enumeration' ? a.enum : [])]);
  // words that are also ordinary English in Strapi's own chrome are not telling
  return names.filter((n: string) => n.length > 3 && !['title', 'body', 'email', 'other', 'name', 'code', 'level', 'phone'].includes(n));
}

/** Which of `names` appear in `text` as whole words. */
export function shownRawNames(text: string, names: string[]): string[] {
  return names.filter((n) => new RegExp(`(^|[^A-Za-z.-])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z.-])`).test(text));
}
