/**
 * The citizen's path on the portal: switch to 繁, read Traditional titles, open a notice and check its
 * 公开目录 metadata, open the annual report and check a Table 3 number against the API, and find a
 * Simplified-authored notice with a Traditional query, and full-text search (body, 文号, two-character words)
 * in both scripts, and 有用 counted once per browser.
 */
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchChromium, screenshot } from './browser';

let browser: Browser;
let page: Page;

const api = async (path: string) => {
  const res = await fetch(`${BASE_URL}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json() as Promise<any>;
};
const ready = () => page.waitForSelector('main[data-testid="main"][data-state="ready"]', { timeout: 60000 });
/**
 * Clicks, then waits for the page the click leads to. A hash link re-renders on `hashchange`, which
 * fires after the click has returned: marking the current page stale first keeps ready() from
 * matching the page being left.
 */
const clickThenReady = async (target: ReturnType<Page['getByTestId']>) => {
  await page.evaluate(() => {
    document.querySelector<HTMLElement>('main[data-testid="main"]')!.dataset.state = 'stale';
  });
  await target.click();
  await ready();
};

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('citizen on the portal', () => {
  it('opens the portal in Simplified Chinese with the catalogue and its counts', async () => {
    await page.goto(`${BASE_URL}/`);
    await ready();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    await page.getByTestId('catalogue-tree').waitFor();
    const total = await page.getByTestId('catalogue-total').textContent();
    expect(total).toMatch(/\d/);
    // the government's identity: its name in the header, sponsor, contact and registration numbers in the footer
    expect(await page.getByTestId('site-title').innerText()).toBe('湘乡市壶天镇人民政府信息公开');
    const footer = await page.getByTestId('site-footer').innerText();
    for (const text of [
      '主办单位：湘乡市壶天镇人民政府',
      '承办单位：湘乡市壶天镇党政综合办公室',
      '网站标识码：4303810001',
      '湘ICP备00000000号',
      '湘公网安备43038102000000号',
    ]) {
      expect(footer).toContain(text);
    }
    expect(await page.getByTestId('breadcrumbs').innerText()).toMatch(/首页\s*›?\s*信息公开目录/);
    await screenshot(page, 'portal-zh-Hans');
  });

  it('switches to 繁 and shows Traditional titles', async () => {
    await clickThenReady(page.getByTestId('script-switch-hant'));
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    await clickThenReady(page.getByTestId('nav-notices'));
    const titles = await page.getByTestId('notice-link').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join('')).toContain('壺天鎮');
    expect(await page.getByTestId('site-title').innerText()).toBe('湘鄉市壺天鎮人民政府信息公開');
    expect(await page.getByTestId('site-footer').innerText()).toContain('主辦單位：湘鄉市壺天鎮人民政府');
    await screenshot(page, 'portal-zh-Hant-notices');
  });

  it('opens a notice and shows its catalogue metadata as the API has it', async () => {
    await clickThenReady(page.getByTestId('notice-link').first());
    const documentId = page.url().split('#/notices/')[1].split('?')[0];
    const { data } = await api(`/api/notices/${documentId}?locale=zh-Hant`);
    expect(await page.getByTestId('notice-title').textContent()).toContain(data.title);
    expect((await page.getByTestId('meta-indexNumber').textContent())?.trim()).toContain(data.indexNumber);
    expect(await page.getByTestId('meta-validity').getAttribute('data-value')).toBe(data.validity);
    expect((await page.getByTestId('meta-releaseDate').textContent())?.trim()).toContain(data.releaseDate);
    // 当前位置: home, the section, this notice
    const crumbs = await page.getByTestId('breadcrumbs').locator('li').allInnerTexts();
    expect(crumbs).toEqual(['首頁', '政府信息', data.title]);
    expect(await page.getByTestId('article-info').innerText()).toMatch(/發佈時間：20\d\d-\d\d-\d\d \d\d:\d\d\s*來源：/);
    await screenshot(page, 'portal-notice');
  });

  it('shows how to apply, and where, under 依申请公开', async () => {
    await page.goto(`${BASE_URL}/#/notices?category=APPLY`);
    await ready();
    const guide = await page.getByTestId('apply-guide').innerText();
    expect(guide).toContain('如何申請政府信息公開');
    expect(guide).toContain('受理機關：湘鄉市壺天鎮人民政府');
  });

  it('shows the 文号 in Traditional on a 繁 page', async () => {
    const { data } = await api(`/api/notices?locale=zh-Hans&filters[documentNumber][$startsWith]=${encodeURIComponent('壶政发')}&fields[0]=documentNumber`);
    expect(data.length).toBeGreaterThan(0);
    await page.goto(`${BASE_URL}/#/notices/${data[0].documentId}`);
    await ready();
    const shown = (await page.getByTestId('meta-documentNumber').textContent())?.trim();
    expect(shown).toBe(data[0].documentNumber.replace('壶政发', '壺政發').replace('号', '號'));
  });

  it('lists a notice’s attachment with its type and size, and downloads it under its name, in both scripts', async () => {
    const { data } = await api(
      `/api/notices?locale=zh-Hans&filters[title][$contains]=${encodeURIComponent('财政预算公开')}&populate[attachments][fields][0]=name&populate[attachments][fields][1]=url`,
    );
    const notice = data.find((n: any) => n.attachments?.length);
    expect(notice).toBeDefined();
    const file = notice.attachments[0];
    await page.goto(`${BASE_URL}/#/notices/${notice.documentId}`);
    await ready();
    const section = page.getByTestId('notice-attachments');
    expect(await section.innerText()).toMatch(/附件[\s\S]*PDF檔案 · \d+ KB/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('attachment-link').first().click()]);
    expect(download.suggestedFilename()).toBe(file.name);
    await screenshot(page, 'portal-notice-attachment-hant');
    await clickThenReady(page.getByTestId('script-switch-hans'));
    expect(await page.getByTestId('notice-attachments').innerText()).toMatch(/PDF文件 · \d+ KB/);
    expect(await page.getByTestId('attachment-link').first().textContent()).toBe(file.name);
    await screenshot(page, 'portal-notice-attachment-hans');
    await clickThenReady(page.getByTestId('script-switch-hant'));
  });

  it('remembers 字号 and 关怀模式, set by keyboard, across a reload', async () => {
    const html = page.locator('html');
    await page.getByTestId('font-size-large').click();
    expect(await html.getAttribute('data-font-size')).toBe('large');
    expect(await page.getByTestId('font-size-large').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('care-mode').focus();
    await page.keyboard.press('Enter');
    expect(await html.getAttribute('class')).toContain('care-mode');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await size()).toBeGreaterThanOrEqual(21);
    await page.reload();
    await ready();
    expect(await html.getAttribute('class')).toContain('care-mode');
    expect(await html.getAttribute('data-font-size')).toBe('large');
    expect(await page.getByTestId('care-mode').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'portal-care-mode');
    // back to the defaults, by keyboard too
    await page.getByTestId('care-mode').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('font-size-medium').focus();
    await page.keyboard.press('Enter');
    expect((await html.getAttribute('class')) ?? '').not.toContain('care-mode');
    expect(await size()).toBe(16);
    // a notice page offers 打印
    expect(await page.getByTestId('print').count()).toBe(1);
  });

  it('opens the annual report and shows Table 3 as the API counts it', async () => {
    await clickThenReady(page.getByTestId('nav-reports'));
    await clickThenReady(page.getByTestId('report-link').first());
    const documentId = page.url().split('#/reports/')[1].split('?')[0];
    const json = await api(`/api/disclosure/annual-reports/${documentId}/export?format=json&locale=zh-Hant`);
    const cell = page.locator('td[data-table="applications"][data-row="received"][data-col="total"]');
    expect((await cell.textContent())?.trim()).toBe(String(json.tables.applications.received.total));
    await page.getByTestId('download-docx').waitFor();
    expect(await page.getByTestId('report-downloads').locator('a').allInnerTexts()).toEqual(['網頁版', 'Word', 'Excel', 'PDF', '資料（JSON）', '資料（CSV）']);
    expect(await page.getByTestId('article-info').innerText()).toMatch(/發佈時間：.*來源：\S+/s);
    await screenshot(page, 'portal-report');
  });

  it('finds a Simplified-authored notice with a Traditional query', async () => {
    await clickThenReady(page.getByTestId('script-switch-hans'));
    await clickThenReady(page.getByTestId('nav-notices'));
    await page.getByTestId('notice-search-input').fill('財政預算');
    await clickThenReady(page.getByTestId('notice-search-submit'));
    const titles = await page.getByTestId('notice-link').allTextContents();
    expect(titles.some((t) => t.includes('财政预算'))).toBe(true);
    expect(await page.getByTestId('search-converted-note').innerText()).toContain('财政预算');
  });

  it('finds a word only in the body, a 文号 and a two-character word, in both scripts, the words marked', async () => {
    const year = new Date().getFullYear();
    const search = async (q: string) => {
      await page.getByTestId('notice-search-input').fill(q);
      await clickThenReady(page.getByTestId('notice-search-submit'));
      return page.getByTestId('notice-link').allTextContents();
    };
    // Simplified: 明白卡 is only in the body of the 低保 list's notice
    expect(await search('明白卡')).toEqual(expect.arrayContaining([`壶天镇${year}年度农村低保对象名单公示`]));
    expect(await page.locator('[data-testid="search-hit"] .search-excerpt mark').first().innerText()).toBe('明白卡');
    expect(await search(`壶政发〔${year}〕3号`)).toEqual(['壶天镇人民政府关于进一步加强农村建房管理的通知']);
    const lowIncome = await search('低保');
    expect(lowIncome[0]).toContain('低保');
    expect(await page.locator('[data-testid="search-hit"] h3 mark').first().innerText()).toBe('低保');
    await screenshot(page, 'portal-search');

    await clickThenReady(page.getByTestId('script-switch-hant'));
    expect(await search('明白卡')).toEqual(expect.arrayContaining([`壺天鎮${year}年度農村低保對象名單公示`]));
    expect(await search(`壺政發〔${year}〕3號`)).toEqual(['壺天鎮人民政府關於進一步加強農村建房管理的通知']);
    expect(await page.locator('[data-testid="search-hit"] .notice-item-meta').first().innerText()).toContain(`壺政發〔${year}〕3號`);
    expect((await search('房屋'))[0]).toBe('壺天鎮人民政府關於進一步加強農村建房管理的通知');
    await screenshot(page, 'portal-search-zh-Hant');
  });

  it('counts 有用 once per browser on a notice page', async () => {
    await clickThenReady(page.getByTestId('notice-link').first());
    const count = page.getByTestId('helpful-count');
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-testid="helpful-count"]')?.textContent ?? ''));
    const before = Number(await count.innerText());
    const button = page.getByTestId('helpful-button');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="helpful-count"]')?.textContent === String(n), before + 1);
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await button.isDisabled()).toBe(true);
    await screenshot(page, 'portal-helpful');
    // the same browser, the page again: still counted once
    await page.reload();
    await ready();
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-testid="helpful-count"]')?.textContent ?? ''));
    expect(Number(await page.getByTestId('helpful-count').innerText())).toBe(before + 1);
    expect(await page.getByTestId('helpful-button').getAttribute('aria-pressed')).toBe('true');
  });
});
