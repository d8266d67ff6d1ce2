import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPipeline, type LocalPipeline } from '../../local/pipeline.ts';
import { uploadClient } from '../../local/uploads.ts';
import { chromiumMissing, launchChromium, type Browser } from './chromium.ts';

/**
 * The web view in real headless Chromium, on the local pipeline: objects go into s3rver, the ingest
 * handler stores them in dynalite, and the pages come from the API handler over HTTP.
 */
const OUTPUT = 'test-output/browser';
const EXAMPLE = 'tests/fixtures/karabakh-offensive-2023-09-20.txt';
const XSS_KEY = 'xss-probe.txt';
const EMPTY_KEY = 'empty.txt';
const XSS_TITLE = `Probe <script>alert("title")</script> "><img src=x onerror=alert('title')> ends`;
const XSS_TEXT = [
  XSS_TITLE,
  `The body holds <script>alert("body")</script> and "><img src=x onerror=alert('body')> as plain words.`,
  `“<script>alert('quote')</script> has no place in a count,” said Mayor John Smith.`,
  `Smith said that "><img src=x onerror=alert('reported')> was found in the ballots.`,
].join('\n\n');

if (chromiumMissing) console.log(`skipping the browser tests: ${chromiumMissing}`);

/** What a page would show if article text had become markup: dialogs, or elements and handlers it injected. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('script, img, iframe, object, embed'))) found.push(element.outerHTML);
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const name of element.getAttributeNames()) if (name.startsWith('on')) found.push(`${element.tagName} ${name}`);
    }
    return found;
  });
}

describe.skipIf(chromiumMissing !== null)('web view in Chromium', () => {
  let pipeline: LocalPipeline;
  let browser: Browser;
  const dialogs: string[] = [];
  const cspViolations: string[] = [];

  async function openPage(): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return page;
  }

  beforeAll(async () => {
    pipeline = await startLocalPipeline({ s3Port: 0, apiPort: 0, dynamoPort: 0, sqsPort: 0, logLevel: 'ERROR' });
    const s3 = uploadClient(pipeline.s3Endpoint);
    const put = (key: string, body: string | Uint8Array) =>
      s3.send(new PutObjectCommand({ Bucket: pipeline.bucket, Key: key, Body: body, ContentType: 'text/plain; charset=utf-8' }));
    await put('karabakh-offensive-2023-09-20.txt', await readFile(EXAMPLE));
    await put(XSS_KEY, XSS_TEXT);
    await put(EMPTY_KEY, '');
    s3.destroy();
    await pipeline.idle();
    browser = await launchChromium();
    await mkdir(OUTPUT, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await pipeline?.stop();
  });

  it("goes from the home page to the example article, sees Erdogan's four statements, and follows him to his page", async () => {
    const page = await openPage();
    await page.goto(`${pipeline.apiUrl}/`);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Newest articles');
    const item = page.locator('main li', { hasText: '20 Sep 2023' });
    await expect.poll(() => item.count()).toBe(1);
    await page.screenshot({ path: `${OUTPUT}/home.png`, fullPage: true });

    await item.locator('h2 a').click();
    await page.waitForURL(/\/view\/articles\//);
    const erdogan = page.locator('.text .who a', { hasText: 'Erdogan' });
    expect(await erdogan.count()).toBe(4);
    // Each label closes a statement highlighted in the text, visibly so (the inline style sheet passed the CSP).
    const highlights = await erdogan.evaluateAll((links) =>
      links.map((link) => {
        const mark = link.closest('.who')?.previousElementSibling;
        const box = mark?.getBoundingClientRect();
        return { tag: mark?.tagName, visible: (box?.width ?? 0) > 0, background: mark ? getComputedStyle(mark).backgroundColor : '' };
      }),
    );
    for (const highlight of highlights) {
      expect(highlight).toMatchObject({ tag: 'MARK', visible: true });
      expect(highlight.background).not.toBe('rgba(0, 0, 0, 0)');
    }
    await page.screenshot({ path: `${OUTPUT}/article.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${OUTPUT}/article-phone.png` });
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.screenshot({ path: `${OUTPUT}/readme.png` });
    // The README's picture is refreshed on request only, so a test run leaves the work tree clean.
    if (process.env.UPDATE_SCREENSHOT === '1') await copyFile(`${OUTPUT}/readme.png`, 'docs/screenshot.png');

    await erdogan.first().click();
    await page.waitForURL(/\/view\/speakers\//);
    expect(await page.locator('main h1').textContent()).toMatch(/Erdogan/);
    const timeline = page.locator('#timeline + ol > li');
    expect(await timeline.count()).toBe(4);
    // Above it, the chart of their statements over time: inline SVG drawn under the CSP, coloured by the style sheet.
    const bars = await page.locator('figure.chart svg rect').evaluateAll((rects) =>
      rects.map((rect) => ({ width: rect.getBoundingClientRect().width, height: rect.getBoundingClientRect().height, fill: getComputedStyle(rect).fill })),
    );
    expect(bars).toHaveLength(1);
    expect(bars[0]!.width).toBeGreaterThan(0);
    expect(bars[0]!.height).toBeGreaterThan(0);
    expect(bars[0]!.fill).toBe('rgb(11, 87, 164)');
    expect(await page.getByRole('img', { name: /^Statements of .*Erdogan.* per week: 4 statements per week/ }).count()).toBe(1);
    expect(await page.locator('#most-named ~ ol > li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${OUTPUT}/speaker.png`, fullPage: true });

    // An entity a statement names narrows the timeline to the statements that name it too.
    const named = timeline.locator('.names a').first();
    const entityName = (await named.textContent()) ?? '';
    await named.click();
    await page.waitForURL(/\/view\/speakers\/[^?]+\?about=/);
    expect(await page.locator('#timeline').textContent()).toMatch(/^Statements naming /);
    const narrowed = await page.locator('#timeline ~ ol > li').count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThanOrEqual(4);
    expect(entityName).not.toBe('');
    await page.goBack();

    // "In context" lands on the statement in the article.
    await timeline.first().getByRole('link', { name: 'In context' }).click();
    await page.waitForURL(/\/view\/articles\/.+#st-\d+-\d+$/);
    const anchor = new URL(page.url()).hash.slice(1);
    expect(await page.locator(`[id="${anchor}"]`).evaluate((element) => element.tagName)).toBe('MARK');

    // Each statement's kind links to the statement's own page.
    await page.locator('.text .who a.kind').first().click();
    await page.waitForURL(/\/view\/statements\//);
    expect(await page.locator('main h1').textContent()).toMatch(/, (quoted|reported)$/);
    expect(await page.locator('main blockquote').count()).toBe(1);
    await page.screenshot({ path: `${OUTPUT}/statement.png`, fullPage: true });

    expect(cspViolations).toEqual([]);
    await page.close();
  }, 90_000);

  it('follows a place named in the article to the articles that mention it', async () => {
    const page = await openPage();
    await page.goto(`${pipeline.apiUrl}/search?q=lach`);
    await page.locator('#entities + ul a', { hasText: 'Lachin Corridor' }).click();
    await page.waitForURL(/\/view\/entities\//);
    expect(await page.locator('main h1').textContent()).toBe('Lachin Corridor');
    await page.locator('#articles + ul a').first().click();
    await page.waitForURL(/\/view\/articles\//);
    expect(await page.locator('.text').textContent()).toContain('Lachin Corridor');
    await page.close();
  }, 90_000);

  it('shows an article full of markup and script as text: no dialog, no injected element', async () => {
    const page = await openPage();
    await page.goto(`${pipeline.apiUrl}/`);
    expect(await injected(page)).toEqual([]);
    // The probe gives no publication date: it is listed apart from the dated articles.
    await page.locator('#undated ~ ul li h3 a', { hasText: '<script>alert("title")</script>' }).click();
    await page.waitForURL(/\/view\/articles\//);

    expect(await page.locator('main h1').textContent()).toBe(XSS_TITLE);
    expect(await page.locator('.text').textContent()).toContain(`<script>alert("body")</script> and "><img src=x onerror=alert('body')>`);
    // Quotes holding markup are highlighted, as text.
    const marks = (await page.locator('.text mark').allTextContents()).join('\n');
    expect(marks).toMatch(/<script>alert\('quote'\)<\/script>|onerror=alert\('(quote|reported)'\)/);
    expect(await injected(page)).toEqual([]);
    await page.screenshot({ path: `${OUTPUT}/xss-article.png`, fullPage: true });

    await page.locator('.text .who a.kind').first().click();
    await page.waitForURL(/\/view\/statements\//);
    expect(await injected(page)).toEqual([]);
    expect(await page.locator('main dl').textContent()).toContain(XSS_TITLE);

    for (const path of ['/view/ingestions', '/search?q=john']) {
      await page.goto(`${pipeline.apiUrl}${path}`);
      expect(await injected(page)).toEqual([]);
    }
    expect(dialogs).toEqual([]);
    await page.close();
  }, 90_000);

  it('lists the uploads with their status, a rejected one with its reason', async () => {
    const page = await openPage();
    await page.goto(`${pipeline.apiUrl}/view/ingestions`);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const cells = (key: string) => rows.filter({ hasText: key }).locator('td').allTextContents();
    expect((await cells(EMPTY_KEY)).slice(0, 2)).toEqual([EMPTY_KEY, 'rejected']);
    expect((await cells(EMPTY_KEY))[2]).toMatch(/\(empty\)$/);
    expect((await cells(XSS_KEY)).slice(0, 3)).toEqual([XSS_KEY, 'accepted', 'View article']);
    await page.screenshot({ path: `${OUTPUT}/ingestions.png`, fullPage: true });
    await page.close();
  }, 90_000);
});
