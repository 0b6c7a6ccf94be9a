// The pages in a real browser: each opens without console errors or CSP
// violations; a heat-map cell leads to a point page; a pasted draft shows its
// matches; a CSV downloads. Screenshots go to test-output/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Open a page, collecting console errors (CSP violations are reported there). */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const res = await page.goto(`${app.url}${path}`);
  expect(res?.status()).toBe(200);
  return { page, errors };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('pages in Chromium', () => {
  it('overview: timeline, coverage and the compare form', async () => {
    const { page, errors } = await open('/');
    await expect(page.locator('svg.timeline a').count()).resolves.toBeGreaterThan(20);
    await expect(page.locator('.slot-missing').count()).resolves.toBeGreaterThan(0);
    await shot(page, 'overview');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('document page shows missing points in place', async () => {
    const { page, errors } = await open('/doc/us-28-2025-11-20');
    await expect(page.locator('#seg-13 .missing-text').textContent()).resolves.toContain('no verbatim text');
    await shot(page, 'document');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('translationese: highlighted features, legend and ranked witnesses; CSV downloads', async () => {
    const { page, errors } = await open('/style/us-28-2025-11-20');
    await expect(page.locator('.styled-text mark').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.legend-list li').count()).resolves.toBeGreaterThan(5);
    await shot(page, 'style');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.download', { hasText: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('translationese-us-28-2025-11-20.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('rank,input,segment,words,score,low,high,label,features,note');
    expect(csv).toContain('us-28-2025-11-20');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a pasted draft is read back point by point', async () => {
    const { page, errors } = await open('/draft');
    const draft = readFileSync('corpora/plans/us-28-2025-11-20.md', 'utf8').split('\n---\n').slice(1).join('\n---\n');
    await page.fill('#draft', draft);
    await Promise.all([page.waitForURL(`${app.url}/draft`), page.click('button[type=submit]')]);
    await expect(page.locator('#result').count()).resolves.toBe(1);
    await shot(page, 'draft-result');
    expect(errors).toEqual([]);
    await page.close();
  });
});
