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
    // Every new feature family is in the legend with a real example span.
    for (const id of ['punct-comma', 'cohesive-contrast', 'sentence', 'pos-DET_NOUN']) {
      await expect(page.locator(`#legend-${id} .example .span-text`).textContent()).resolves.toMatch(/\S/);
    }
    // "show" highlights one frequency feature's spans in the text.
    await Promise.all([page.waitForURL(/feature=pos-DET_NOUN/), page.locator('#legend-pos-DET_NOUN a', { hasText: 'show' }).click()]);
    await expect(page.locator('.styled-text mark.feat-selected').count()).resolves.toBeGreaterThan(0);
    await shot(page, 'style');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.download', { hasText: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('translationese-us-28-2025-11-20.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('rank,input,segment,words,score,low,high,label,features,note');
    expect(csv).toContain('us-28-2025-11-20');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compare: aligned columns with diffs, relation badges and missing points', async () => {
    const { page, errors } = await open('/compare?versions=us-28-2025-11-20,e3-counter-2025-11-23,ua-20-2025-12-24');
    await expect(page.locator('table.aligned:not(.collation) thead th').count()).resolves.toBe(3);
    await expect(page.locator('table.aligned del').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('table.aligned ins').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('table.aligned tr.row-missing').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#collation table.collation tbody tr').count()).resolves.toBeGreaterThan(10);
    // E3 marks point 3 [removed]: the 28-point plan's point 3 is dropped there.
    await expect(page.locator('table.aligned:not(.collation) tbody tr').nth(2).locator('td').nth(1).textContent()).resolves.toContain('dropped');
    await shot(page, 'compare');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compare picker: ticking versions and submitting opens the comparison', async () => {
    const { page, errors } = await open('/compare');
    await page.locator('input[name=versions]').evaluateAll((boxes) => boxes.forEach((b) => ((b as HTMLInputElement).checked = false)));
    await page.check('input[value="us-28-2025-11-20"]');
    await page.check('input[value="us-28-ru-2025-11-20"]');
    await Promise.all([page.waitForURL(/versions=us-28-2025-11-20&versions=us-28-ru-2025-11-20/), page.click('form.compare-form button')]);
    await expect(page.locator('table.aligned tbody tr').count()).resolves.toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plan provenance: a heat-map cell leads to the point page with passages side by side', async () => {
    const { page, errors } = await open('/plan/us-28-2025-11-20');
    await expect(page.locator('svg.heatmap a.cell').count()).resolves.toBeGreaterThan(10);
    await expect(page.locator('svg.sidebar rect').count()).resolves.toBeGreaterThan(1);
    await shot(page, 'plan');
    await page.locator('svg.heatmap').screenshot({ path: join(SCREENSHOTS, 'plan-heatmap.png') });
    const cell = page.locator('svg.heatmap a.cell[href^="/plan/us-28-2025-11-20/point/21#src-"]').first();
    const href = (await cell.getAttribute('href'))!;
    await Promise.all([page.waitForURL(`${app.url}${href}`), cell.click()]);
    await expect(page.locator('h1').textContent()).resolves.toContain('Point 21');
    const anchor = decodeURIComponent(href.split('#')[1]);
    await expect(page.locator(`[id="${anchor}"]`).count()).resolves.toBe(1);
    // The same evidence pair is marked on both sides, in the same colour.
    const pairs = await page.locator('mark[data-pair]').evaluateAll((ms) => ms.map((m) => `${m.getAttribute('data-pair')} ${m.className}`));
    const byPair = new Map<string, Set<string>>();
    for (const p of pairs) {
      const [pair, cls] = [p.split(' ')[0], p.split(' ')[1]];
      byPair.set(pair, (byPair.get(pair) ?? new Set()).add(cls));
    }
    expect(byPair.size).toBeGreaterThan(0);
    for (const classes of byPair.values()) expect(classes.size).toBe(1);
    // The enhancement script lights up the twin of a hovered shared stretch.
    const first = page.locator('.point-text mark[data-pair]').first();
    const pair = (await first.getAttribute('data-pair'))!;
    await first.hover();
    await expect(page.locator(`.passage-text mark.active[data-pair="${pair}"]`).count()).resolves.toBeGreaterThan(0);
    await shot(page, 'point');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a missing point is shown as missing', async () => {
    const { page, errors } = await open('/plan/us-28-2025-11-20/point/13');
    await expect(page.locator('.point-missing').textContent()).resolves.toContain('No verbatim text of point 13');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a pasted draft is compared, matched and scored; its tables download', async () => {
    const { page, errors } = await open('/draft');
    // The body of a real plan version, pasted as a plain numbered list.
    const draft = readFileSync('corpora/plans/ua-20-2025-12-24.md', 'utf8').split('\n---\n').slice(1).join('\n---\n');
    await page.fill('#draft', draft);
    await page.selectOption('#against', 'us-28-2025-11-20');
    await page.fill('#date', '2025-12-24');
    await Promise.all([page.waitForURL(`${app.url}/draft`), page.click('form.draft-form button[type=submit]')]);
    await expect(page.locator('#result h2').first().textContent()).resolves.toMatch(/Your draft, as read: \d+ points/);
    await expect(page.locator('#compare table.aligned tbody tr').count()).resolves.toBeGreaterThan(10);
    // Matches: the provenance table lists sources for the draft's points.
    await expect(page.locator('#provenance table.points tbody tr').count()).resolves.toBeGreaterThan(5);
    await expect(page.locator('#provenance ul.sources a').count()).resolves.toBeGreaterThan(5);
    // Its evidence unfolds under a point, marked on both sides.
    const details = page.locator('#provenance tr.evidence-row details').first();
    await details.locator('summary').click();
    await expect(details.locator('.point-text mark').count()).resolves.toBeGreaterThan(0);
    await expect(details.locator('.passage-text mark').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#translationese .legend-list li').count()).resolves.toBeGreaterThan(5);
    await shot(page, 'draft-result');
    const csvButton = page.locator('form.downloads:has(input[name=table][value=provenance]) button[value=csv]');
    const [download] = await Promise.all([page.waitForEvent('download'), csvButton.click()]);
    expect(download.suggestedFilename()).toBe('provenance-your-draft.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('plan,point');
    expect(csv).toContain('your-draft');
    expect(errors).toEqual([]);
    await page.close();
  });
});
