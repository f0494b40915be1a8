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
