/**
 * Who sees applicants' data, as each person would find out in the admin: the demo officer (壶天镇 only),
 * an Editor made by the super admin (nothing), and the super admin reading the access log.
 */
import type { Browser } from 'playwright-core';
import { ADMIN, adminApi as api, BASE_URL, launchChromium, logIn, rawNames, screenshot, shownRawNames } from './browser';

const OFFICER = { email: 'officer@gongkai.local', password: 'Gongkai2026!' };
const EDITOR = { email: 'e2e-editor@gongkai.local', password: 'E2eEditor2026!' };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  // The super admin invites an Editor (Strapi's default role), who then sets a password.
  const token = (await api('POST', '/admin/login', ADMIN)).data.token;
  const roles = (await api('GET', '/admin/roles', undefined, token)).data;
  const editor = roles.find((r: any) => r.code === 'strapi-editor');
  const invited = (await api('POST', '/admin/users', { firstname: '编辑', email: EDITOR.email, roles: [editor.id] }, token)).data;
  await api('POST', '/admin/register', {
    registrationToken: invited.registrationToken,
    userInfo: { firstname: '编辑', lastname: '测试', password: EDITOR.password },
  });
});
afterAll(async () => {
  await browser?.close();
});

describe("applicants' data in the admin", () => {
  it("shows the officer 壶天镇's open applications, and no other organization's", async () => {
    const page = await logIn(browser, OFFICER);
    await page.goto(`${BASE_URL}/admin/plugins/disclosure/applications`);
    await page.getByText('湘乡市壶天镇人民政府').first().waitFor({ timeout: 60000 });
    expect(await page.getByText('湘乡市人民政府', { exact: true }).count()).toBe(0);
    await screenshot(page, 'roles-officer-applications');

    // an application in the content manager: the officer's words, computed fields read-only
    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/api::disclosure-application.disclosure-application`);
    await page.getByRole('row').nth(1).waitFor({ timeout: 60000 });
    const headers = await page.locator('thead th').allInnerTexts();
    for (const column of ['申请编号', '办理机关', '申请人类型', '收到申请日期', '办理状态', '答复期限'])
      expect(headers.some((h) => h.includes(column))).toBe(true);
    await page.getByRole('row').nth(1).locator('td').nth(2).click();
    await page.getByText('收到申请日期').first().waitFor({ timeout: 60000 });
    expect(await page.getByRole('textbox', { name: /^申请编号/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('textbox', { name: /^收到申请日期/ }).getAttribute('placeholder')).toBe('YYYY-MM-DD');
    // the side panel: the due date with its explanation (and no Traditional-versions panel: applications are not localized)
    await page
      .getByText(/^答复期限：/)
      .first()
      .waitFor({ timeout: 60000 });
    expect(await page.getByText('繁体版本').count()).toBe(0);
    const text = await page.locator('main').innerText();
    expect(shownRawNames(text, rawNames('disclosure-application'))).toEqual([]);
    await screenshot(page, 'roles-officer-application-edit');
    await page.close();
  });

  it('gives an Editor no menu entry and no list of applications', async () => {
    const page = await logIn(browser, EDITOR);
    expect(await page.getByRole('link', { name: /依申请公开/ }).count()).toBe(0);
    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/api::disclosure-application.disclosure-application`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/430381106-YSQ|1380731/);
    await screenshot(page, 'roles-editor-no-applications');
    await page.close();
  });

  it("shows the super admin the officer's reads in the access log, newest first", async () => {
    const page = await logIn(browser, ADMIN);
    await page.goto(`${BASE_URL}/admin/plugins/disclosure/access-log`);
    await page.getByText(OFFICER.email).first().waitFor({ timeout: 60000 });
    await screenshot(page, 'roles-access-log');
    await page.close();
  });
});
