// Hostile input in a real browser: XSS payloads pasted as a draft (also with
// hostile front matter) and passed in every query parameter and path segment
// render as text — no dialog fires, no injected element exists, no script runs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Browser } from './browser.js';
import { hostileDraft, startApp, XSS_PAYLOADS, type RunningApp } from './helpers.js';

let app: RunningApp;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
/** Pages that visit URLs in parallel (the machine is shared; four tabs keep the test short). */
let tabs: Page[] = [];

async function watchedPage(): Promise<Page> {
  const p = await browser.context.newPage();
  p.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return p;
}

/** Run `visit` for every item, spread over the tabs. */
async function onTabs<T>(items: T[], visit: (tab: Page, item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(tabs.map(async (tab) => {
    while (next < items.length) await visit(tab, items[next++]);
  }));
}

beforeAll(async () => {
  app = await startApp();
  browser = await openBrowser();
  page = await watchedPage();
  tabs = [page, await watchedPage(), await watchedPage(), await watchedPage()];
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Nothing a payload could have done is visible in the page. */
async function assertClean(where: string, tab: Page = page) {
  const injected = await tab.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss ?? null,
    ids: [...document.querySelectorAll('[id^="xss-"]')].map((e) => e.id),
    scripts: [...document.scripts].map((s) => s.src || 'inline'),
    handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}.${a.name}`)),
    jsLinks: [...document.querySelectorAll('[href],[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '').filter((u) => /^\s*javascript:/i.test(u)),
    iframes: document.querySelectorAll('iframe, object, embed').length,
  }));
  expect(injected, where).toEqual({ flag: null, ids: [], scripts: [`${app.url}/static/enhance.js`], handlers: [], jsLinks: [], iframes: 0 });
  expect(dialogs, where).toEqual([]);
}

describe('XSS in Chromium', () => {
  it('payloads in every query parameter and path segment render as text', async () => {
    const urls = (p: string) => {
      const q = encodeURIComponent(p);
      return [
        `/compare?versions=${q}`,
        `/compare?versions=us-28-2025-11-20,${q}`,
        `/compare?versions=us-28-2025-11-20,e3-counter-2025-11-23&format=${q}`,
        `/plan/us-28-2025-11-20?format=${q}`,
        `/style/us-28-2025-11-20?format=${q}`,
        `/plan/${q}`,
        `/plan/us-28-2025-11-20/point/${q}`,
        `/style/${q}`,
        `/doc/${q}`,
        `/${q}`,
        `/?versions=${q}&format=html&q=${q}`,
      ];
    };
    await onTabs(XSS_PAYLOADS.flatMap(urls), async (tab, url) => {
      const res = await tab.goto(`${app.url}${url}`);
      expect(res!.status(), url).toBeLessThan(500);
      await assertClean(url, tab);
    });
  }, 180_000);

  it('a hostile pasted draft is shown, compared, matched and scored as text', async () => {
    await page.goto(`${app.url}/draft`);
    await page.fill('#draft', hostileDraft());
    await Promise.all([page.waitForURL(`${app.url}/draft`), page.click('form.draft-form button[type=submit]')]);
    await expect(page.locator('#result').count()).resolves.toBe(1);
    // The payload text is visible as text in the read-back list.
    await expect(page.locator('#result ol.segments').textContent()).resolves.toContain('<script>alert(1)</script>');
    await assertClean('pasted draft');
  });

  it('a draft with hostile front matter (title, sources, notes) renders as text', async () => {
    const draft = [
      '---',
      'id: xss-draft',
      'kind: plan',
      `title: "<img id='xss-title' src=x onerror=alert(20)>"`,
      'side: us',
      'date: 2025-11-20',
      'language: en',
      'sources: ["javascript:alert(21)"]',
      `notes: "<script>alert(22)</script>"`,
      '---',
      hostileDraft(),
    ].join('\n');
    await page.goto(`${app.url}/draft`);
    await page.fill('#draft', draft);
    await Promise.all([page.waitForURL(`${app.url}/draft`), page.click('form.draft-form button[type=submit]')]);
    await assertClean('front matter draft');
  });

  it('payloads in every draft form field render as text', async () => {
    const cases = XSS_PAYLOADS.slice(0, 8).flatMap((payload) => ['against', 'date', 'table', 'format'].map((field) => ({ payload, field })));
    await onTabs(cases, async (tab, { payload, field }) => {
      await tab.goto(`${app.url}/draft`);
      await tab.fill('#draft', '1. The parties agree.');
      await tab.evaluate(
        ([name, value]) => {
          const form = document.querySelector('form.draft-form')!;
          form.querySelectorAll(`[name="${name}"]`).forEach((e) => e.remove());
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = value;
          form.appendChild(input);
        },
        [field, payload],
      );
      const [res] = await Promise.all([tab.waitForNavigation(), tab.click('form.draft-form button[type=submit]')]);
      expect(res!.status(), field).toBeLessThan(500);
      await assertClean(`draft field ${field}`, tab);
    });
  }, 180_000);
});
