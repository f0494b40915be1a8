/**
 * 依申请公开 online, as the people involved would do it: a citizen applies on the portal (Simplified and
 * Traditional), keeps the receipt; the officer confirms the receipt in the admin; the officer asks for a
 * correction and the citizen answers it on the lookup page; the officer extends, uploads the reply document
 * and answers; the citizen reads the answer and downloads the document.
 */
import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { adminApi as api, BASE_URL, launchChromium, logIn, screenshot } from './browser';

const OFFICER = { email: 'officer@gongkai.local', password: 'Gongkai2026!' };
const UID = 'api::disclosure-application.disclosure-application';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let browser: Browser;
let citizen: Page;
let officerToken: string;
const receipt = { trackingNumber: '', queryCode: '' };

async function ready(page: Page) {
  await page.locator('#main[data-state="ready"], #main[data-state="error"]').waitFor({ timeout: 30000 });
}

async function fillApplication(page: Page, idNumber: string) {
  await page.getByTestId('apply-organization').selectOption({ label: '湘乡市壶天镇人民政府' });
  await page.getByTestId('apply-applicantType').selectOption('naturalPerson');
  await page.getByTestId('apply-applicantName').fill('李公开');
  await page.getByTestId('apply-idType').selectOption('resident-id');
  await page.getByTestId('apply-idNumber').fill(idNumber);
  await page.getByTestId('apply-phone').fill('13912340000');
  await page.getByTestId('apply-email').fill('li.gongkai@example.cn');
  await page.getByTestId('apply-requestedContent').fill('请公开壶天镇2026年村道硬化工程的招标公告和中标结果');
  await page.getByTestId('apply-deliveryMethod-email').check();
  await page.getByTestId('apply-medium-electronic').check();
  await page.getByTestId('apply-file').setInputFiles({ name: '身份证明.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByTestId('apply-consent').check();
}

/** Saves the content manager's form and waits for Strapi's confirmation. */
async function save(page: Page) {
  await page.getByRole('button', { name: /^(保存|Save)$/ }).click();
  await page
    .getByText(/文档已保存|Saved document/)
    .first()
    .waitFor({ timeout: 30000 });
}

async function lookUp(page: Page) {
  await page.goto(`${BASE_URL}/#/apply/status`);
  await ready(page);
  await page.getByTestId('status-number').fill(receipt.trackingNumber);
  await page.getByTestId('status-code').fill(receipt.queryCode);
  await page.getByTestId('status-submit').click();
  await page.getByTestId('status-label').waitFor({ timeout: 30000 });
}

/** The messages the e2e run's SMTP server received for this applicant (scripts/test-e2e.js writes them). */
async function mailsTo(address: string, n: number) {
  const read = () =>
    (fs.existsSync(process.env.E2E_MAIL_LOG ?? '') ? fs.readFileSync(process.env.E2E_MAIL_LOG!, 'utf8').split('\n').filter(Boolean) : [])
      .map((line) => JSON.parse(line))
      .filter((m: { to: string[] }) => m.to.includes(address));
  for (let i = 0; i < 100 && read().length < n; i++) await new Promise((r) => setTimeout(r, 100));
  return read() as { to: string[]; subject: string; text: string }[];
}

const application = async () =>
  (
    await api(
      'GET',
      `/content-manager/collection-types/${UID}?filters[trackingNumber][$eq]=${encodeURIComponent(receipt.trackingNumber)}`,
      undefined,
      officerToken,
    )
  ).results[0];

beforeAll(async () => {
  browser = await launchChromium();
  citizen = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  officerToken = (await api('POST', '/admin/login', OFFICER)).data.token;
});
afterAll(async () => {
  await browser?.close();
});

describe('apply online', () => {
  it('takes a citizen’s application: a wrong ID is named at its field, then the receipt with the query code', async () => {
    await citizen.goto(`${BASE_URL}/#/apply`);
    await ready(citizen);
    expect(await citizen.getByTestId('page-title').innerText()).toBe('政府信息公开申请');
    await fillApplication(citizen, '110105194912310021');
    await citizen.getByTestId('apply-submit').click();
    const error = citizen.getByTestId('apply-error-idNumber');
    await error.waitFor({ state: 'visible', timeout: 30000 });
    expect(await error.innerText()).toMatch(/^居民身份证号码的校验位不正确/);
    expect(await citizen.getByTestId('apply-idNumber').getAttribute('aria-invalid')).toBe('true');
    await screenshot(citizen, 'portal-apply-error');

    // a reload keeps the draft (in this browser only), not the file
    await citizen.reload();
    await ready(citizen);
    await citizen.getByTestId('apply-draft-restored').waitFor();
    expect(await citizen.getByTestId('apply-applicantName').inputValue()).toBe('李公开');
    await fillApplication(citizen, '11010519491231002X');
    await citizen.getByTestId('apply-submit').click();
    await citizen.getByTestId('apply-receipt').waitFor({ timeout: 30000 });
    receipt.trackingNumber = await citizen.getByTestId('receipt-number').innerText();
    receipt.queryCode = await citizen.getByTestId('receipt-code').innerText();
    expect(receipt.trackingNumber).toMatch(/^430381106-YSQ-\d{4}-\d{5}$/);
    expect(receipt.queryCode).toMatch(/^[2-9A-Z]{12}$/);
    await screenshot(citizen, 'portal-apply-receipt');
  });

  it('shows the form in Traditional, and fits a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.addInitScript(() => localStorage.setItem('gongkai.locale', 'zh-Hant'));
    await page.goto(`${BASE_URL}/#/apply`);
    await ready(page);
    expect(await page.getByTestId('page-title').innerText()).toBe('政府信息公開申請');
    const types = await page.getByTestId('apply-idType').locator('option').allInnerTexts();
    expect(types).toContain('居民身份證');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'portal-apply-form-zh-Hant');
    // submitted from the Traditional page, by post: the receipt in Traditional
    await page.getByTestId('apply-organization').selectOption({ label: '湘鄉市壺天鎮人民政府' });
    await page.getByTestId('apply-applicantType').selectOption('naturalPerson');
    await page.getByTestId('apply-applicantName').fill('陳申請');
    await page.getByTestId('apply-idType').selectOption('resident-id');
    await page.getByTestId('apply-idNumber').fill('11010519491231002X');
    await page.getByTestId('apply-phone').fill('13912340001');
    await page.getByTestId('apply-address').fill('湖南省湘鄉市壺天鎮1號');
    await page.getByTestId('apply-requestedContent').fill('請公開壺天鎮2026年防汛物資採購清單');
    await page.getByTestId('apply-deliveryMethod-postal-mail').check();
    await page.getByTestId('apply-medium-paper').check();
    await page.getByTestId('apply-consent').check();
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-receipt').waitFor({ timeout: 30000 });
    expect(await page.locator('#receipt-title').innerText()).toBe('申請回執');
    expect(await page.getByTestId('receipt-status').innerText()).toBe('待受理機關確認收到');
    expect(await page.getByTestId('receipt-organization').innerText()).toBe('湘鄉市壺天鎮人民政府');
    await screenshot(page, 'portal-apply-receipt-zh-Hant');
    await page.close();
  });

  it('lets the officer confirm the receipt (签收) on the 依申请公开 page', async () => {
    const page = await logIn(browser, OFFICER);
    await page.goto(`${BASE_URL}/admin/plugins/disclosure/applications`);
    const row = page.getByRole('row').filter({ hasText: receipt.trackingNumber });
    await row.waitFor({ timeout: 60000 });
    expect(await page.getByText('网上申请待签收').count()).toBeGreaterThan(0);
    await screenshot(page, 'admin-online-submitted');
    await row.getByTestId('confirm-receipt').click();
    await page.getByRole('row').filter({ hasText: receipt.trackingNumber }).getByText('已收到').waitFor({ timeout: 30000 });
    const stored = await application();
    expect(stored.applicationStatus).toBe('received');
    expect(stored.receivedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.close();
  });

  it('carries a correction request the officer writes in the edit view to the citizen, and the answer back', async () => {
    const stored = await application();
    const page = await logIn(browser, OFFICER);
    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/${UID}/${stored.documentId}`);
    await page.getByRole('combobox', { name: '办理状态' }).click({ timeout: 60000 });
    await page.getByRole('option', { name: '待补正', exact: true }).click();
    await page.getByRole('textbox', { name: '补正告知内容' }).fill('请写明所需招标公告涉及的村名');
    await save(page);
    await page.close();
    await lookUp(citizen);
    expect(await citizen.getByTestId('status-correction-request').innerText()).toBe('请写明所需招标公告涉及的村名');
    await citizen.getByTestId('correction-text').fill('长塘村和壶天村');
    await citizen.getByTestId('correction-submit').click();
    await citizen.getByTestId('correction-sent').waitFor({ timeout: 30000 });
    expect(await citizen.getByTestId('status-label').innerText()).toBe('已收到');
    await screenshot(citizen, 'portal-apply-correction');
    expect((await application()).correctionReply).toBe('长塘村和壶天村');
  });

  it('lets the officer extend, upload the reply document and answer in the edit view; the citizen reads and downloads it', async () => {
    const stored = await application();
    const page = await logIn(browser, OFFICER);
    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/${UID}/${stored.documentId}`);
    await page.getByRole('combobox', { name: '办理状态' }).click({ timeout: 60000 });
    await page.getByRole('option', { name: '已延期', exact: true }).click();
    await page.getByLabel('延长工作日数').fill('15');
    await page.getByLabel('延期批准人').fill('党政办主任');
    await page.getByLabel('延期理由').fill('需向两个村调取资料');
    await save(page);
    expect((await application()).applicationStatus).toBe('extended');
    await page.getByText('申请文件').first().waitFor({ timeout: 60000 });
    await page.getByTestId('reply-file').setInputFiles({ name: '政府信息公开申请答复书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('reply-upload').click();
    await page.getByTestId('application-file').filter({ hasText: '政府信息公开申请答复书.pdf' }).waitFor({ timeout: 30000 });
    expect(await page.getByTestId('application-file').filter({ hasText: '身份证明.pdf' }).count()).toBe(1);
    await screenshot(page, 'admin-online-files');
    // the answer, in the same edit view
    await page.getByRole('combobox', { name: '办理状态' }).click();
    await page.getByRole('option', { name: '已答复', exact: true }).click();
    await page.getByRole('combobox', { name: '办理结果' }).click();
    await page
      .getByRole('option', { name: /予以公开/ })
      .first()
      .click();
    await page.getByRole('textbox', { name: '答复内容' }).fill('现将招标公告和中标结果提供给您，详见答复书。');
    await save(page);
    await page.close();
    expect((await application()).applicationStatus).toBe('answered');

    await lookUp(citizen);
    expect(await citizen.getByTestId('status-answer-text').innerText()).toBe('现将招标公告和中标结果提供给您，详见答复书。');
    expect(await citizen.getByTestId('status-outcome').innerText()).toMatch(/予以公开/);
    const text = await citizen.locator('#main').innerText();
    for (const personal of ['李公开', '11010519491231002X', '13912340000', 'li.gongkai@example.cn']) expect(text).not.toContain(personal);
    const [download] = await Promise.all([citizen.waitForEvent('download'), citizen.locator('[data-file-id]').first().click()]);
    expect(download.suggestedFilename()).toBe('政府信息公开申请答复书.pdf');
    await screenshot(citizen, 'portal-apply-answer');

    // every step the citizen had to know of arrived at the SMTP server, in order, without the query code
    const mails = await mailsTo('li.gongkai@example.cn', 5);
    expect(mails.map((m) => m.subject.match(/^【(.+?)】/)?.[1])).toEqual(['已收到', '待补正', '已收到', '已延期', '已答复']);
    for (const m of mails) {
      expect(m.subject).toContain(receipt.trackingNumber);
      expect(m.text).not.toContain(receipt.queryCode);
    }
    expect(mails[1].text).toContain('请写明所需招标公告涉及的村名');

    // the same answer on the Traditional page
    await citizen.evaluate(() => localStorage.setItem('gongkai.locale', 'zh-Hant'));
    await citizen.reload();
    await lookUp(citizen);
    expect(await citizen.getByTestId('status-label').innerText()).toBe('已答覆');
    expect(await citizen.getByTestId('status-answer-text').innerText()).toBe('現將招標公告和中標結果提供給您，詳見答覆書。');
    await screenshot(citizen, 'portal-apply-answer-zh-Hant');
  });
});
