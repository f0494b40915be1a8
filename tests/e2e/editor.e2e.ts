/**
 * The editor's path in the admin panel: log in, publish a zh-Hans notice with a category and see the
 * chinese-variants side panel report its zh-Hant version, then open 年度报告, generate the draft and
 * download it as Word; then open the draft in the content manager, break 表三's 一+二 = 七+四 by hand,
 * see the rule fail as they type, see publishing refused, fix the cell, save, publish and download; and
 * moderate a citizen's comment (留言) so that the portal shows it with the reply.
 */
import fs from 'fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, adminApi, BASE_URL, launchChromium, screenshot, screenshotElement } from './browser';
import { renderDocx, renderPdf } from './render-documents';

let browser: Browser;
let page: Page;
let token: string;

/**
 * Saves the whole page as artifacts/e2e/<name>.png: the admin scrolls inside its own container, so the
 * viewport is first made as tall as that container's content, then put back.
 */
async function screenshotFullPage(name: string) {
  const viewport = page.viewportSize()!;
  const hidden = await page.evaluate(() =>
    Math.max(
      0,
      ...[document.scrollingElement, ...document.querySelectorAll('*')].map((el) => {
        if (!el) return 0;
        const overflow = getComputedStyle(el).overflowY;
        const scrolls = el === document.scrollingElement || overflow === 'auto' || overflow === 'scroll';
        return scrolls ? el.scrollHeight - el.clientHeight : 0;
      }),
    ),
  );
  await page.setViewportSize({ width: viewport.width, height: viewport.height + Math.ceil(hidden) });
  try {
    await screenshot(page, name);
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** The admin API as the demo admin. */
const api = (method: string, path: string, body?: unknown) => adminApi(method, path, body, token);

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
    await page.getByLabel(/email|电子邮件/i).fill(ADMIN.email);
    await page
      .getByLabel(/password|密码/i)
      .first()
      .fill(ADMIN.password);
    await page.getByRole('button', { name: /^(login|登录)$/i }).click();
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60000 });
  });

  it('publishes a zh-Hans notice and sees its zh-Hant version in the side panel', async () => {
    const uid = 'api::notice.notice';
    const { results: categories } = await api(
      'GET',
      `/content-manager/collection-types/api::disclosure-category.disclosure-category?locale=zh-Hans&filters[code][$eq]=FDZD.16`,
    );
    const { results: orgs } = await api('GET', `/content-manager/collection-types/api::organization.organization?locale=zh-Hans&filters[code][$eq]=430381106`);
    const created = await api('POST', `/content-manager/collection-types/${uid}?locale=zh-Hans`, {
      title: '壶天镇关于开展秋季森林防火检查的通知',
      documentType: 'announcement',
      organization: { connect: [{ documentId: orgs[0].documentId, locale: 'zh-Hans' }] },
      category: { connect: [{ documentId: categories[0].documentId, locale: 'zh-Hans' }] },
    });
    const documentId = created.data.documentId;
    await api('POST', `/content-manager/collection-types/${uid}/${documentId}/actions/publish?locale=zh-Hans`, {});

    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=zh-Hans`);
    await page.getByText('繁体版本').first().waitFor({ timeout: 60000 });
    await page.getByText('已自动生成').first().waitFor({ timeout: 60000 });
    await screenshot(page, 'admin-notice-variants-panel');

    const hant = await fetch(`${BASE_URL}/api/notices/${documentId}?locale=zh-Hant&populate=category`).then((r) => r.json() as Promise<any>);
    expect(hant.data.title).toBe('壺天鎮關於開展秋季森林防火檢查的通知');
    expect(hant.data.category.locale).toBe('zh-Hant');
  });

  it('explains a hand edit of the Traditional version, then the source changing under it', async () => {
    const uid = 'api::notice.notice';
    const created = await api('POST', `/content-manager/collection-types/${uid}?locale=zh-Hans`, {
      title: '壶天镇关于做好冬季防火工作的通知',
      documentType: 'announcement',
    });
    const documentId = created.data.documentId;
    const view = `${BASE_URL}/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=zh-Hans`;
    await api('PUT', `/content-manager/collection-types/${uid}/${documentId}?locale=zh-Hant`, { title: '壺天鎮關於做好冬季防火工作的通知（人工校訂）' });
    await page.goto(view);
    await page.getByText('已人工修改').first().waitFor({ timeout: 60000 });
    await page
      .getByText(/有人直接修改过繁体版本/)
      .first()
      .waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: '保留我的修改' }).waitFor({ timeout: 60000 });
    await screenshot(page, 'admin-variants-hand-edited');

    await api('PUT', `/content-manager/collection-types/${uid}/${documentId}?locale=zh-Hans`, { title: '壶天镇关于做好冬季森林防火工作的通知' });
    await page.goto(view);
    await page.getByText('待更新（源文已变）').first().waitFor({ timeout: 60000 });
    await page
      .getByText(/之后简体原文又有修改/)
      .first()
      .waitFor({ timeout: 60000 });
    await page
      .getByText(/重新生成：按当前简体原文重新转换/)
      .first()
      .waitFor({ timeout: 60000 });
    // what changed in the source since the edit, word by word
    const changes = page.locator('[data-source-changes]');
    await changes.getByText('此后简体原文的改动').waitFor({ timeout: 60000 });
    expect(await changes.locator('ins').allInnerTexts()).toEqual(['森林']);
    expect(await changes.innerText()).toContain('标题');
    await screenshot(page, 'admin-variants-source-changed');
    // keeping the edit: no longer flagged, still protected
    await page.getByRole('button', { name: '保留我的修改' }).click();
    await page.getByText('已人工修改').first().waitFor({ timeout: 60000 });
    const hant = await api('GET', `/content-manager/collection-types/${uid}/${documentId}?locale=zh-Hant`);
    expect(hant.data.title).toBe('壺天鎮關於做好冬季防火工作的通知（人工校訂）');
  });

  it('reviews the characters no word decides in the side panel and chooses a form for one', async () => {
    const uid = 'api::notice.notice';
    const created = await api('POST', `/content-manager/collection-types/${uid}?locale=zh-Hans`, {
      title: '壶天镇关于调整政府信息查阅场所的通知',
      documentType: 'announcement',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: '该项工作系本镇职责，群众可随时查看公开栏里张贴的内容。' }] }],
    });
    const documentId = created.data.documentId;
    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=zh-Hans`);
    const review = page.locator('[data-ambiguities]');
    await review.getByText('待确认的字形（2 处）').waitFor({ timeout: 60000 });
    expect(await review.locator('[data-ambiguity]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ambiguity')))).toEqual(['系', '里']);
    await review.locator('[data-ambiguity="系"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-variants-ambiguities');

    await review.getByRole('button', { name: /写作“係”/ }).click();
    await review.getByText('已保存：“作系本”写作“作係本”').waitFor({ timeout: 60000 });
    await review.getByText('待确认的字形（1 处）').waitFor({ timeout: 60000 });
    const hant = await api('GET', `/content-manager/collection-types/${uid}/${documentId}?locale=zh-Hant`);
    expect(JSON.stringify(hant.data.body)).toContain('該項工作係本鎮職責');
    await screenshot(page, 'admin-variants-ambiguity-chosen');
  });

  it('generates the annual report draft on the 年度报告 page and downloads it as Word', async () => {
    await page.goto(`${BASE_URL}/admin/plugins/disclosure/annual-reports`);
    await page.getByRole('heading', { name: '年度报告' }).first().waitFor({ timeout: 60000 });
    await page.getByRole('combobox', { name: '机关' }).click();
    await page.getByRole('option', { name: /壶天镇/ }).click();
    // The tables are on screen before generating; the reload after it must not blank them.
    await page.locator('[data-annual-report="ready"] table[data-table="applications"]').waitFor({ timeout: 60000 });
    await page.evaluate(() => {
      const w = window as any;
      w.__tablesBlanked = false;
      w.__tablesObserver = new MutationObserver(() => {
        if (!document.querySelector('table[data-table="applications"]')) w.__tablesBlanked = true;
      });
      w.__tablesObserver.observe(document.body, { childList: true, subtree: true });
    });
    const generate = page.getByRole('button', { name: /^(生成草稿|更新草稿…)$/ });
    await generate.click();
    // An existing draft is updated only after the editor has seen what will change.
    const confirm = page.getByRole('button', { name: '确认更新' });
    const done = page.getByText(/已(生成|更新)草稿（/).first();
    const asked = await Promise.race([confirm.waitFor({ timeout: 60000 }).then(() => true), done.waitFor({ timeout: 60000 }).then(() => false)]);
    if (asked) {
      const preview = page.locator('[data-regenerate-preview]');
      expect(await preview.innerText()).toMatch(/人工撰写的句子保持不变。当前版本会被保留，可以撤销/);
      await screenshot(page, 'admin-report-regenerate-confirm');
      await confirm.click();
    }
    await page
      .getByText(/已(生成|更新)草稿（/)
      .first()
      .waitFor({ timeout: 60000 });
    // The page fetches the report again after generating: wait until that is done and everything is drawn.
    await page.locator('[data-annual-report="ready"]').waitFor({ timeout: 60000 });
    expect(await page.evaluate(() => ((window as any).__tablesObserver.disconnect(), (window as any).__tablesBlanked))).toBe(false);
    await page
      .getByText(/草稿：/)
      .first()
      .waitFor({ timeout: 60000 });
    for (const table of ['proactive', 'applications', 'reviewsAndLawsuits']) {
      await page.locator(`table[data-table="${table}"]`).waitFor({ timeout: 60000 });
    }
    expect(await page.locator('table[data-table="applications"] td[data-cell]').count()).toBe(175);
    await page.getByRole('img', { name: /每月主动公开信息数/ }).waitFor({ timeout: 60000 });
    expect(
      await page
        .getByRole('img', { name: /每月主动公开信息数/ })
        .locator('rect')
        .count(),
    ).toBe(12);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const path = await download.path();
    expect(path).toBeTruthy();
    // the prose is checked against the tables: generated and hand-written sentences told apart
    const prose = page.locator('[data-prose-panel]');
    await prose.waitFor({ timeout: 60000 });
    expect(await prose.locator('[data-origin="generated"]').count()).toBeGreaterThan(0);
    expect(await prose.locator('[data-origin="hand-written"]').count()).toBeGreaterThan(0);
    expect(await prose.getByText('正文所述数字与表格一致。').count()).toBe(1);
    await screenshotFullPage('admin-annual-report');
  });
});

describe('annual report table editor in the content manager', () => {
  // 四 (结转下年度继续办理) of the 自然人 column: one more there breaks 一+二 = 七+四 for that column.
  const CELL = 'applications.carriedOut.naturalPerson';
  // Its accessible name, made from the format's own row and column labels.
  const CELL_NAME = '表三 四、结转下年度继续办理 · 自然人';
  const BALANCE = /表三 自然人 列：一\+二=\d+，七\+四=\d+，不相等/;
  let documentId: string;
  let original: string;

  const cellInput = () => page.getByRole('textbox', { name: CELL_NAME, exact: true });
  const checks = () => page.getByRole('status', { name: '表格校验结果' });
  /** The live check has answered for the tables as they are now (not the stored result, not mid-request). */
  const settled = () => page.locator('[data-live-check="live"]').waitFor({ timeout: 30000 });
  const notification = (text: RegExp) => page.getByText(text).first().waitFor({ timeout: 30000 });
  /** Save, then wait until the form holds no unsaved change (the content manager disables Save again). */
  async function save() {
    const button = page.getByRole('button', { name: /^(保存|Save)$/ });
    await button.click();
    await notification(/文档已保存|Saved document/);
    await page.waitForFunction(
      () => [...document.querySelectorAll('button')].some((b) => (b.textContent === '保存' || b.textContent === 'Save') && b.disabled),
      null,
      { timeout: 30000 },
    );
  }
  async function draft(): Promise<any> {
    const res: any = await api('GET', `/content-manager/collection-types/api::annual-report.annual-report/${documentId}?locale=zh-Hans`);
    return res.data;
  }

  it('opens the generated draft from the 年度报告 page in the content manager', async () => {
    await page.goto(`${BASE_URL}/admin/plugins/disclosure/annual-reports`);
    await page
      .getByText(/草稿：/)
      .first()
      .waitFor({ timeout: 60000 });
    await page.getByRole('link', { name: '在内容管理中编辑' }).click();
    await page.waitForURL(/content-manager\/collection-types\/api::annual-report\.annual-report\/[a-z0-9]+/, { timeout: 60000 });
    documentId = /annual-report\.annual-report\/([a-z0-9]+)/.exec(page.url())![1];
    await cellInput().waitFor({ timeout: 60000 });
    // the named input is the one of that cell
    expect(await page.locator(`td[data-cell="${CELL}"]`).getByRole('textbox', { name: CELL_NAME, exact: true }).count()).toBe(1);
    // every input has its own name in words, none a cell code
    const names = await page.locator('[data-report-tables] td[data-cell] input').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('aria-label') ?? ''));
    expect(names.length).toBe(10 + 175 + 15);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^表[二三四] \S.* · \S/);
    expect(names).toContain('表二 第二十条第（一）项 规章 · 本年制发件数');
    expect(names).toContain('表四 行政诉讼 未经复议直接起诉 · 结果维持');
    // the field is labelled by its name, not by the attribute name `tables`
    expect(await page.locator('[data-report-tables] label').first().innerText()).toBe('统计表');
    await settled();
    expect(await checks().getByText(BALANCE).count()).toBe(0);
    original = await cellInput().inputValue();
    expect(original).toMatch(/^\d+$/);
  });

  it('shows the failing rule as soon as a Table 3 cell breaks 一+二 = 七+四', async () => {
    await cellInput().fill(String(Number(original) + 1));
    await checks().getByText(BALANCE).waitFor({ timeout: 30000 });
    expect(await cellInput().getAttribute('aria-invalid')).toBe('true');
    // the input points at the messages that explain it
    const describedBy = (await cellInput().getAttribute('aria-describedby'))!.split(' ');
    const explained = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(explained.some((text) => BALANCE.test(text))).toBe(true);
    expect(await checks().getAttribute('aria-live')).toBe('polite');
    await screenshotElement(page, page.locator('[data-report-tables]'), 'admin-report-table-failing');
  });

  it('refuses to publish the broken tables and says why', async () => {
    // Saved first: a refused publish rolls its own save back, so the breakage must be in the draft to
    // be fixed and saved again below. Saving a broken draft is allowed; publishing it is not.
    await save();
    const stored = await draft();
    expect(String(stored.tables.applications.carriedOut.naturalPerson)).toBe(String(Number(original) + 1));
    expect(stored.validation.failures.map((f: any) => f.ruleId)).toContain('applications.balance');
    await page.getByRole('button', { name: /^(发布|Publish)$/ }).click();
    await notification(/不能发布/);
    // the refusal is also shown on the tables field itself
    await page
      .locator('[data-report-tables]')
      .getByText(/不能发布/)
      .first()
      .waitFor({ timeout: 10000 });
    await screenshot(page, 'admin-report-publish-refused');
  });

  it('clears the failure when the cell is fixed, then saves and publishes', async () => {
    const before = Date.now();
    await cellInput().fill(original);
    await checks().getByText(BALANCE).waitFor({ state: 'detached', timeout: 30000 });
    await settled();
    expect(await cellInput().getAttribute('aria-invalid')).toBeNull();
    await save();
    expect(String((await draft()).tables.applications.carriedOut.naturalPerson)).toBe(original);
    await page.getByRole('button', { name: /^(发布|Publish)$/ }).click();
    await notification(/文档已发布|Published document/);
    const published: any = await fetch(`${BASE_URL}/api/annual-reports/${documentId}?locale=zh-Hans`).then((r) => r.json());
    expect(Date.parse(published.data.publishedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(String(published.data.tables.applications.carriedOut.naturalPerson)).toBe(original);
  });

  it('downloads the published report as Word from the 年度报告 page', async () => {
    await page.goto(`${BASE_URL}/admin/plugins/disclosure/annual-reports`);
    await page
      .getByText(/草稿：/)
      .first()
      .waitFor({ timeout: 60000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('壶天镇');
  });

  it('regenerates from the edit view’s 正文核对 panel after confirming, and the form shows the result without a reload', async () => {
    await page.goto(`${BASE_URL}/admin/content-manager/collection-types/api::annual-report.annual-report/${documentId}?plugins[i18n][locale]=zh-Hans`);
    const panel = page.locator('[data-prose-panel]');
    await panel.waitFor({ timeout: 60000 });
    const url = page.url();
    // another editor saves a paragraph meanwhile; this form does not know it yet
    const current = await draft();
    const added = '本段由另一位编辑补充：全年开展政务公开宣传活动。';
    await api('PUT', `/content-manager/collection-types/api::annual-report.annual-report/${documentId}?locale=zh-Hans`, {
      overview: [...current.overview, { type: 'paragraph', children: [{ type: 'text', text: added }] }],
    });
    await panel.getByRole('button', { name: '按最新数据重新生成…' }).click();
    await page.getByRole('button', { name: '确认更新' }).click();
    await panel.getByText(/已更新草稿（/).waitFor({ timeout: 60000 });
    // the edit form was fetched again: the paragraph is there, the page was not reloaded
    await page.getByText(added).first().waitFor({ timeout: 30000 });
    expect(page.url()).toBe(url);
    expect(await panel.locator('[data-origin="hand-written"]').getByText(added).count()).toBe(1);
    await screenshotFullPage('admin-report-prose-panel');
  });

  it('the Word and PDF exports read like the real thing (rendered): a draft carries its watermark, the published report none', async () => {
    const file = async (path: string, auth: boolean) => {
      const res = await fetch(`${BASE_URL}${path}`, { headers: auth ? { Authorization: `Bearer ${token}` } : {} });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    const render = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    try {
      const published = `/api/disclosure/annual-reports/${documentId}/export`;
      const draft = `/disclosure/annual-reports/${documentId}/export`;
      expect(await renderPdf(render, await file(`${published}?format=pdf`, false))).toBeGreaterThanOrEqual(3);
      await screenshot(render, 'report-pdf-published');
      expect(await renderPdf(render, await file(`${draft}?format=pdf&status=draft`, true))).toBeGreaterThanOrEqual(3);
      await screenshot(render, 'report-pdf-draft');
      expect(await renderDocx(render, await file(`${published}?format=docx`, false))).toBe(3);
      expect(await render.locator('section.docx header').count()).toBe(0);
      expect(await render.locator('section.docx').first().innerText()).toContain('本报告根据《中华人民共和国政府信息公开条例》');
      await screenshot(render, 'report-docx-published');
      expect(await renderDocx(render, await file(`${draft}?format=docx&status=draft`, true))).toBe(3);
      expect(await render.locator('section.docx header').first().innerText()).toContain('草稿');
      await screenshot(render, 'report-docx-draft');
      // Traditional: labels and the watermark converted
      expect(await renderDocx(render, await file(`${draft}?format=docx&status=draft&locale=zh-Hant`, true))).toBe(3);
      expect(await render.locator('section.docx').first().innerText()).toContain('本報告根據');
      await screenshot(render, 'report-docx-draft-zh-Hant');
    } finally {
      await render.close();
    }
  });
});

describe('留言 moderated in the admin', () => {
  it('a citizen leaves a comment, the editor approves it with a reply, the portal shows both', async () => {
    const notices = await (await fetch(`${BASE_URL}/api/notices?locale=zh-Hans&sort=releaseDate:desc&pagination[pageSize]=1`)).json();
    const documentId = notices.data[0].documentId;
    const citizen = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await citizen.goto(`${BASE_URL}/#/notices/${documentId}`);
      await citizen.waitForSelector('main[data-testid="main"][data-state="ready"]', { timeout: 60000 });
      await citizen.getByTestId('comment-nickname').fill('壶天村村民');
      await citizen.getByTestId('comment-text').fill('村里的通知栏什么时候更新？');
      await citizen.getByTestId('comment-contact').fill('13900000000');
      await citizen.getByTestId('comment-submit').click();
      await citizen.getByText('留言已提交，审核通过后显示。').waitFor();
      expect(await citizen.getByTestId('comment-list').innerText()).not.toContain('村里的通知栏');

      // the editor's queue: 网站留言, newest first
      await page.goto(`${BASE_URL}/admin/content-manager/collection-types/plugin::disclosure.comment`);
      await page.getByText('村里的通知栏什么时候更新？').first().click();
      await page.getByRole('combobox', { name: '审核状态' }).click();
      await page.getByRole('option', { name: '通过（网站显示）' }).click();
      await page.getByRole('textbox', { name: '答复' }).fill('本周五前更新，感谢监督。');
      await page.getByRole('button', { name: /^(保存|Save)$/ }).click();
      await page
        .getByText(/文档已保存|Saved document/)
        .first()
        .waitFor({ timeout: 30000 });
      await screenshot(page, 'admin-comment-moderation');

      await citizen.reload();
      await citizen.waitForSelector('main[data-testid="main"][data-state="ready"]', { timeout: 60000 });
      await citizen.getByTestId('comment-reply').waitFor();
      const shown = await citizen.getByTestId('comment-list').innerText();
      expect(shown).toContain('壶天村村民');
      expect(shown).toContain('村里的通知栏什么时候更新？');
      expect(shown).toContain('本周五前更新，感谢监督。');
      expect(await citizen.content()).not.toContain('13900000000');
      await citizen.getByTestId('comments').scrollIntoViewIfNeeded();
      await screenshot(citizen, 'portal-comments');
    } finally {
      await citizen.close();
    }
  });
});
