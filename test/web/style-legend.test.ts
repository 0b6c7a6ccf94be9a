// The translationese page's legend names every feature of the model, each with
// a real example span, and a frequency feature's spans can be highlighted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModel } from '../../src/style/model-file.js';
import { featureCatalogue } from '../../src/style/rules.js';
import { startApp, type RunningApp } from './helpers.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
}, 60_000);
afterAll(() => app?.close());

const page = async (path: string) => {
  const r = await fetch(app.url + path);
  expect(r.status).toBe(200);
  return r.text();
};

/** The legend item of one feature, as HTML. */
const item = (html: string, id: string) => [...html.matchAll(/<li id="legend-([^"]+)"[^>]*>([\s\S]*?)<\/li>/g)].find((m) => m[1] === id)?.[2] ?? '';

describe('/style/:id legend', () => {
  it('names every feature of the model; every new family has an example span', async () => {
    const html = await page('/style/ru-2025-11-21-putin-plan');
    const model = readModel();
    const catalogue = new Map(featureCatalogue().map((f) => [f.id, f]));
    for (const id of model.features) {
      const li = item(html, id);
      expect(li, id).toContain(catalogue.get(id)!.name.replace(/"/g, '&#34;').replace(/'/g, '&#39;'));
      if (catalogue.get(id)!.family !== 'construction') expect(li, id).toMatch(/class="example">e\.g\. “<span class="span-text">[^<]+<\/span>”/);
    }
    // A comma in this text is its own example; a legend item says where its example comes from.
    expect(item(html, 'punct-comma')).toContain('(this text)');
    expect(item(html, 'pos-DET_NOUN')).toMatch(/e\.g\. “<span class="span-text">\w+ \w+<\/span>”/);
  });

  it('says what the score cannot tell: the source language', async () => {
    const html = await page('/style/us-28-2025-11-20');
    expect(html).toContain('What it cannot tell: from which language.');
  });

  it('?feature= highlights that frequency feature\'s spans; unknown ids are ignored', async () => {
    const plain = await page('/style/ru-2025-11-21-putin-plan');
    expect(plain).not.toContain('<mark class="feat-selected');
    const commas = await page('/style/ru-2025-11-21-putin-plan?feature=punct-comma');
    expect(commas.match(/<mark class="feat-selected[^"]*"[^>]*>,<\/mark>/g)?.length).toBeGreaterThan(5);
    expect(await page('/style/ru-2025-11-21-putin-plan?feature=no-such')).not.toContain('<mark class="feat-selected');
  });
});
