import type { Browser } from 'playwright-core';
import { ADMIN, launchChromium, logIn, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the started app', () => {
  it('lets the demo admin log in to the admin panel', async () => {
    const page = await logIn(browser, ADMIN);
    await screenshot(page, 'admin-home');
  });
});
