import type { Browser } from 'playwright-core';
import { ADMIN, BASE_URL, launchChromium, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the started app', () => {
  it('lets the demo admin log in to the admin panel', async () => {
    const page = await browser.newPage();
    await page.goto(`${BASE_URL}/admin/auth/login`);
    await page.getByLabel(/email/i).fill(ADMIN.email);
    await page.getByLabel(/password/i).first().fill(ADMIN.password);
    await page.getByRole('button', { name: /login/i }).click();
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60000 });
    await page.getByRole('navigation').first().waitFor();
    await screenshot(page, 'admin-home');
  });
});
