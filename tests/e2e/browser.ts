import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

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
