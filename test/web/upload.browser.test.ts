// In Chromium: a visitor picks a Word file, a PDF and a web page on the draft
// form; each time the page shows the text extracted from it (in the text box,
// under a notice to check it) and the points as read. No console errors.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDocument, planDocx, planHtml, planPdf } from '../import/fixtures.js';
import { openBrowser, SCREENSHOTS, type Browser } from './browser.js';
import { startApp, type RunningApp } from './helpers.js';

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const plain = corpusDocument('us-28-alt-en-pravda-2025-11-20');

describe('draft upload in Chromium', () => {
  it.each([
    ['draft.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', async () => planDocx(plain, plain.title)],
    ['draft.pdf', 'application/pdf', async () => (await planPdf(plain, plain.title)).pdf],
    ['draft.html', 'text/html', async () => Buffer.from(planHtml(plain, plain.title))],
  ])('%s: the extracted text is shown for checking', async (name, mimeType, make) => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${app.url}/draft`);
    await page.locator('#file').setInputFiles({ name, mimeType, buffer: Buffer.from(await make()) });
    await Promise.all([page.waitForURL(`${app.url}/draft`), page.locator('.draft-form button[type=submit]').click()]);
    await expect(page.locator('#imported').textContent()).resolves.toContain(`Text extracted from ${name}`);
    const text = await page.locator('#draft').inputValue();
    expect(text).toMatch(/^17\. The United States and Russia will agree to extend the nuclear non-proliferation and arms control treaties, including START I\.$/m);
    expect(text).toContain('21. Territories:\n    a) Crimea, Luhansk, and Donetsk will be recognized de facto as Russian');
    expect(text).not.toMatch(/Page \d of|working text|Home/);
    await expect(page.locator('#result h2').first().textContent()).resolves.toMatch(/6 points/);
    await page.screenshot({ path: join(SCREENSHOTS, `upload-${name.replace('.', '-')}.png`), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});
